/**
 * Write several files of a data tree all or nothing, even when the process is
 * killed half-way. Node only.
 *
 * 1. An intent (`data/.write-intent.<pid>.json`) records each target, the
 *    temporary sibling its new text goes to (`.<name>.<pid>.tmp`) and a hash
 *    of its text before and after.
 * 2. Every new text is written to its temporary file; a failure here removes
 *    them and the intent: nothing changed.
 * 3. The intent is renamed to the journal (`data/.write-journal.<pid>.json`):
 *    from here on the write is decided.
 * 4. The temporary files are renamed over their targets, then the journal is
 *    removed.
 *
 * Killed before step 3, the targets are untouched: the next start of a writer
 * removes the temporary files its intent names (roll back). Killed after, the
 * next start finishes the renames the journal lists (roll forward) — unless a
 * target was changed by someone else meanwhile, or a temporary file no longer
 * holds the recorded text, which is reported and left for a person to decide.
 * Only files a record names are ever removed or renamed: a file that merely
 * looks like a temporary file is the user's, and is only reported.
 * `pendingWrites` lists what interrupted writes left, for `check-data`.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { assertInsideData } from './data-root.ts';

/** The file operations a write uses: the real ones, or (in tests) ones that fail on purpose. */
export interface FileOps {
  writeFile(path: string, text: string): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
}

export const nodeFileOps: FileOps = {
  writeFile: (path, text) => writeFileSync(path, text),
  rename: (from, to) => renameSync(from, to),
  remove: (path) => rmSync(path, { force: true }),
};

export interface FileWrite {
  /** Path relative to the root, under data/ (e.g. data/features/ports.geojson). */
  path: string;
  /** The new text; null removes the file (in the same all-or-nothing write). */
  text: string | null;
}

interface JournalEntry {
  path: string;
  temp: string;
  /** sha256 of the target's text before the write; null when it did not exist. */
  before: string | null;
  /** sha256 of its text after the write; null when the write removes it. */
  after: string | null;
}

interface Journal {
  pid: number;
  files: JournalEntry[];
}

const JOURNAL = /^\.write-journal\.(\d+)\.json$/;
const INTENT = /^\.write-intent\.(\d+)\.json$/;
const TEMP = /^\..+\.(\d+)\.tmp$/;

const hash = (text: string) => createHash('sha256').update(text).digest('hex');
const toRel = (root: string, abs: string) => relative(root, abs).split(sep).join('/');
const tempPathFor = (path: string, pid = process.pid) => join(dirname(path), `.${basename(path)}.${pid}.tmp`).split(sep).join('/');
const journalPath = (pid = process.pid) => `data/.write-journal.${pid}.json`;
const intentPath = (pid = process.pid) => `data/.write-intent.${pid}.json`;

function readText(abs: string): string | null {
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return null;
  }
}

/** A write that stopped between its renames: its journal lets the next start finish it. */
export class InterruptedWriteError extends Error {
  constructor(
    readonly written: string[],
    readonly notWritten: string[],
    cause: unknown,
  ) {
    super(
      `the write stopped after ${written.length} of ${written.length + notWritten.length} files (${(cause as Error)?.message ?? cause}); ` +
        `not yet written: ${notWritten.join(', ')}. The next start of the editor or of derive-routes finishes it.`,
    );
  }
}

/** Write `files` (relative to `root`) all or nothing; see the top of this file. */
export function commitFiles(root: string, files: FileWrite[], ops: FileOps = nodeFileOps): void {
  if (files.length === 0) return;
  for (const f of files) assertInsideData(root, f.path);
  // A record of this pid still on disk belongs to an earlier write that was not finished: overwriting it would lose what it knows.
  for (const record of [intentPath(), journalPath()])
    if (existsSync(join(root, record))) throw new Error(`${record} records an earlier write that was not finished; start the editor or derive-routes to finish it first`);
  for (const f of files) mkdirSync(dirname(join(root, f.path)), { recursive: true });
  const entries: JournalEntry[] = files.map((f) => {
    const before = readText(join(root, f.path));
    return { path: f.path, temp: tempPathFor(f.path), before: before === null ? null : hash(before), after: f.text === null ? null : hash(f.text) };
  });
  const intent = join(root, intentPath());
  const journal: Journal = { pid: process.pid, files: entries };
  try {
    ops.writeFile(intent, JSON.stringify(journal, null, 1));
    files.forEach((f, i) => f.text !== null && ops.writeFile(join(root, entries[i].temp), f.text));
    ops.rename(intent, join(root, journalPath()));
  } catch (e) {
    for (const entry of entries) rmSync(join(root, entry.temp), { force: true });
    rmSync(intent, { force: true });
    throw e;
  }
  const done: string[] = [];
  try {
    for (const entry of entries) {
      if (entry.after === null) ops.remove(join(root, entry.path));
      else ops.rename(join(root, entry.temp), join(root, entry.path));
      done.push(entry.path);
    }
  } catch (e) {
    throw new InterruptedWriteError(
      done,
      entries.filter((x) => !done.includes(x.path)).map((x) => x.path),
      e,
    );
  }
  ops.remove(join(root, journalPath()));
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface Leftover {
  path: string;
  pid: number;
}

/** Journals, intents and files named like temporary files under data/ (not following links), with the pid in each name. */
function leftovers(root: string): { journals: Leftover[]; intents: Leftover[]; temps: Leftover[] } {
  const found = { journals: [] as Leftover[], intents: [] as Leftover[], temps: [] as Leftover[] };
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const abs = join(dir, name);
      let st;
      try {
        st = lstatSync(abs);
      } catch {
        continue;
      }
      if (st.isDirectory() && depth < 4) walk(abs, depth + 1);
      if (!st.isFile()) continue;
      for (const [pattern, list] of [
        [JOURNAL, found.journals],
        [INTENT, found.intents],
        [TEMP, found.temps],
      ] as const) {
        const m = pattern.exec(name);
        if (m) {
          list.push({ path: toRel(root, abs), pid: Number(m[1]) });
          break;
        }
      }
    }
  };
  walk(join(root, 'data'), 0);
  return found;
}

export interface Recovery {
  /** Files an interrupted write had not renamed yet, now written. */
  finished: string[];
  /** Temporary files of writes interrupted before they changed anything, removed. */
  removed: string[];
  /** What could not be finished (a target changed meanwhile, an unreadable journal): left as it is. */
  problems: string[];
  /** Files named like temporary files that no record names: perhaps the user's, so left alone. */
  unrecorded: string[];
}

/** A record's entries, each checked to name a file of data/ and its own temporary file; or why not. */
function readRecord(root: string, record: Leftover): { entries: JournalEntry[]; problems: string[] } | { unreadable: string } {
  let parsed: Journal;
  try {
    parsed = JSON.parse(readFileSync(join(root, record.path), 'utf8')) as Journal;
    if (!Array.isArray(parsed?.files)) throw new Error('no list of files');
  } catch (e) {
    return { unreadable: (e as Error).message };
  }
  const entries: JournalEntry[] = [];
  const problems: string[] = [];
  for (const entry of parsed.files) {
    const path = entry?.path;
    if (typeof path !== 'string' || path.split('/')[0] !== 'data' || path.split('/').includes('..') || entry.temp !== tempPathFor(path, record.pid))
      problems.push(`${record.path} names a file outside data/ or a temporary file not its own (${String(path)}): not followed`);
    else entries.push(entry);
  }
  return { entries, problems };
}

const isDead = (x: Leftover) => x.pid === process.pid || !isAlive(x.pid);

/**
 * Finish or roll back what interrupted writes left under `root`/data. Writes
 * of another live process are left alone (they are under way). Every writer
 * runs this when it starts, and the editor before each save.
 */
export function recoverWrites(root: string, ops: FileOps = nodeFileOps): Recovery {
  const out: Recovery = { finished: [], removed: [], problems: [], unrecorded: [] };
  const { journals, intents, temps } = leftovers(root);
  const named = new Set<string>();
  for (const record of [...journals, ...intents]) {
    const r = readRecord(root, record);
    if ('unreadable' in r) {
      // An intent is complete before any temporary file is written: one cut short (killed while it was written) left nothing else.
      if (intents.includes(record) && isDead(record)) {
        ops.remove(join(root, record.path));
        out.removed.push(record.path);
        continue;
      }
      out.problems.push(`${record.path} is not a readable write record (${r.unreadable}): look at the files it names, then delete it`);
      continue;
    }
    r.entries.forEach((e) => named.add(e.temp));
    if (!isDead(record)) continue;
    const problems = [...r.problems];
    for (const entry of r.entries) {
      const temp = join(root, entry.temp);
      if (entry.after === null) {
        if (intents.includes(record)) continue;
        const now = readText(join(root, entry.path));
        if (now === null) continue; // removed before the interruption
        if (hash(now) === entry.before) {
          assertInsideData(root, entry.path);
          ops.remove(join(root, entry.path));
          out.finished.push(entry.path);
        } else problems.push(`${entry.path} changed since an interrupted write that removes it began (${record.path}): left as it is; delete it or keep it, then delete ${record.path}`);
        continue;
      }
      if (!existsSync(temp)) continue; // renamed before the interruption, or never written
      if (intents.includes(record)) {
        // Interrupted before its journal: nothing was renamed, so the write is undone.
        ops.remove(temp);
        out.removed.push(entry.temp);
        continue;
      }
      const now = readText(join(root, entry.path));
      const nowHash = now === null ? null : hash(now);
      const tempText = readText(temp);
      if (nowHash === entry.after) {
        ops.remove(temp);
      } else if (tempText === null || hash(tempText) !== entry.after) {
        problems.push(`${entry.temp} does not hold the text the interrupted write recorded (${record.path}): left as it is; delete it and ${record.path} once you have looked`);
      } else if (nowHash === entry.before) {
        assertInsideData(root, entry.path);
        ops.rename(temp, join(root, entry.path));
        out.finished.push(entry.path);
      } else {
        problems.push(
          `${entry.path} changed since an interrupted write began (${record.path}): its new text is in ${entry.temp}. Keep the one you want, then delete ${entry.temp} and ${record.path}`,
        );
      }
    }
    out.problems.push(...problems);
    if (problems.length === 0) ops.remove(join(root, record.path));
  }
  out.unrecorded = temps.filter((t) => !named.has(t.path) && isDead(t)).map((t) => t.path);
  return out;
}

/** Lines a writer prints about what it recovered. */
export function recoveryReport(r: Recovery): string[] {
  return [
    ...(r.finished.length ? [`finished an interrupted write: ${r.finished.join(', ')}`] : []),
    ...(r.removed.length ? [`removed temporary files of an interrupted write: ${r.removed.join(', ')}`] : []),
    ...r.problems,
    ...(r.unrecorded.length ? [`left alone (no write recorded them; delete them if they are not yours): ${r.unrecorded.join(', ')}`] : []),
  ];
}

/** What interrupted writes left under data/ (for check-data to report; it does not write). */
export function pendingWrites(root: string): { journals: string[]; intents: string[]; temps: string[] } {
  const { journals, intents, temps } = leftovers(root);
  const open = journals.filter(isDead);
  const undone = intents.filter(isDead);
  // A record's own temporary files are its business: the record is reported, not each of them.
  const recorded = (t: Leftover) => [...journals, ...intents].some((r) => r.pid === t.pid);
  return { journals: open.map((j) => j.path), intents: undone.map((i) => i.path), temps: temps.filter((t) => isDead(t) && !recorded(t)).map((t) => t.path) };
}
