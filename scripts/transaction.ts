/**
 * Write several files of a data tree all or nothing, even when the process is
 * killed half-way. Node only.
 *
 * 1. Every new text goes to a temporary sibling (`.<name>.<pid>.tmp`); a
 *    failure here removes them all: nothing changed.
 * 2. A journal (`data/.write-journal.<pid>.json`) records each target, its
 *    temporary file and a hash of its text before and after.
 * 3. The temporary files are renamed over their targets, then the journal is
 *    removed.
 *
 * Killed before the journal exists, the targets are untouched and the temporary
 * files are orphans: the next start of a writer removes them (roll back).
 * Killed after, the next start finishes the renames the journal lists (roll
 * forward) — unless a target was changed by someone else meanwhile, which is
 * reported and left for a person to decide. `pendingWrites` lists what an
 * interrupted write left, for `check-data` to report.
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
  text: string;
}

interface JournalEntry {
  path: string;
  temp: string;
  /** sha256 of the target's text before the write; null when it did not exist. */
  before: string | null;
  after: string;
}

interface Journal {
  pid: number;
  files: JournalEntry[];
}

const JOURNAL = /^\.write-journal\.(\d+)\.json$/;
const TEMP = /^\..+\.(\d+)\.tmp$/;

const hash = (text: string) => createHash('sha256').update(text).digest('hex');
const toRel = (root: string, abs: string) => relative(root, abs).split(sep).join('/');
const tempPathFor = (path: string, pid = process.pid) => join(dirname(path), `.${basename(path)}.${pid}.tmp`).split(sep).join('/');
const journalPath = (pid = process.pid) => `data/.write-journal.${pid}.json`;

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
  for (const f of files) mkdirSync(dirname(join(root, f.path)), { recursive: true });
  const entries: JournalEntry[] = [];
  try {
    for (const f of files) {
      const before = readText(join(root, f.path));
      const entry = { path: f.path, temp: tempPathFor(f.path), before: before === null ? null : hash(before), after: hash(f.text) };
      entries.push(entry);
      ops.writeFile(join(root, entry.temp), f.text);
    }
    const journal: Journal = { pid: process.pid, files: entries };
    const jTemp = tempPathFor(journalPath());
    ops.writeFile(join(root, jTemp), JSON.stringify(journal, null, 1));
    ops.rename(join(root, jTemp), join(root, journalPath()));
  } catch (e) {
    for (const entry of entries) rmSync(join(root, entry.temp), { force: true });
    rmSync(join(root, tempPathFor(journalPath())), { force: true });
    throw e;
  }
  const done: string[] = [];
  try {
    for (const entry of entries) {
      ops.rename(join(root, entry.temp), join(root, entry.path));
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

/** Journals and temporary files under data/ (not following links), with the pid that wrote each. */
function leftovers(root: string): { journals: { path: string; pid: number }[]; temps: { path: string; pid: number }[] } {
  const journals: { path: string; pid: number }[] = [];
  const temps: { path: string; pid: number }[] = [];
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
      const j = JOURNAL.exec(name);
      if (j) journals.push({ path: toRel(root, abs), pid: Number(j[1]) });
      else {
        const t = TEMP.exec(name);
        if (t) temps.push({ path: toRel(root, abs), pid: Number(t[1]) });
      }
    }
  };
  walk(join(root, 'data'), 0);
  return { journals, temps };
}

export interface Recovery {
  /** Files an interrupted write had not renamed yet, now written. */
  finished: string[];
  /** Temporary files of writes that never reached their journal, removed. */
  removed: string[];
  /** What could not be finished (a target changed meanwhile, an unreadable journal): left as it is. */
  problems: string[];
}

/**
 * Finish or roll back what interrupted writes left under `root`/data. Writes
 * of another live process are left alone (they are under way). Every writer
 * runs this when it starts, and the editor before each save.
 */
export function recoverWrites(root: string, ops: FileOps = nodeFileOps): Recovery {
  const out: Recovery = { finished: [], removed: [], problems: [] };
  const { journals, temps } = leftovers(root);
  const kept = new Set<string>();
  for (const j of journals) {
    if (j.pid !== process.pid && isAlive(j.pid)) {
      temps.filter((t) => t.pid === j.pid).forEach((t) => kept.add(t.path));
      continue;
    }
    let journal: Journal;
    try {
      journal = JSON.parse(readFileSync(join(root, j.path), 'utf8')) as Journal;
      if (!Array.isArray(journal.files)) throw new Error('no list of files');
    } catch (e) {
      out.problems.push(`${j.path} is not a readable write journal (${(e as Error).message}): look at the files it names, then delete it`);
      continue;
    }
    const problems: string[] = [];
    for (const entry of journal.files) {
      if (typeof entry?.path !== 'string' || typeof entry.temp !== 'string' || entry.path.split('/')[0] !== 'data' || entry.path.includes('..') || entry.temp.includes('..')) {
        problems.push(`${j.path} names a file outside data/ (${String(entry?.path)}): not followed`);
        continue;
      }
      const temp = join(root, entry.temp);
      if (!existsSync(temp)) continue; // renamed before the interruption
      kept.add(entry.temp);
      const now = readText(join(root, entry.path));
      const nowHash = now === null ? null : hash(now);
      if (nowHash === entry.after) {
        ops.remove(temp);
      } else if (nowHash === entry.before) {
        assertInsideData(root, entry.path);
        ops.rename(temp, join(root, entry.path));
        out.finished.push(entry.path);
      } else {
        problems.push(
          `${entry.path} changed since an interrupted write began (${j.path}): its new text is in ${entry.temp}. Keep the one you want, then delete ${entry.temp} and ${j.path}`,
        );
      }
    }
    out.problems.push(...problems);
    if (problems.length === 0) ops.remove(join(root, j.path));
  }
  for (const t of temps) {
    if (kept.has(t.path) || (t.pid !== process.pid && isAlive(t.pid))) continue;
    if (journals.some((j) => j.pid === t.pid && existsSync(join(root, j.path)))) continue;
    ops.remove(join(root, t.path));
    out.removed.push(t.path);
  }
  return out;
}

/** Lines a writer prints about what it recovered. */
export function recoveryReport(r: Recovery): string[] {
  return [
    ...(r.finished.length ? [`finished an interrupted write: ${r.finished.join(', ')}`] : []),
    ...(r.removed.length ? [`removed temporary files of an interrupted write: ${r.removed.join(', ')}`] : []),
    ...r.problems,
  ];
}

/** What interrupted writes left under data/ (for check-data to report; it does not write). */
export function pendingWrites(root: string): { journals: string[]; temps: string[] } {
  const { journals, temps } = leftovers(root);
  const dead = (x: { pid: number }) => x.pid === process.pid || !isAlive(x.pid);
  const open = journals.filter(dead);
  // A journal's own temporary files are its business: the journal is reported, not each of them.
  const orphans = temps.filter((t) => dead(t) && !open.some((j) => j.pid === t.pid));
  return { journals: open.map((j) => j.path), temps: orphans.map((t) => t.path) };
}
