/**
 * Writing several files is all or nothing (issue 24, item 1): a failure or a
 * kill between two renames leaves a journal that the next start uses to finish
 * the write; a failure before the journal leaves nothing; what an interrupted
 * write left is reported by the check and cleaned by the next writer.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkData } from '../../../scripts/check-data.ts';
import { LinkOutOfDataError } from '../../../scripts/data-root.ts';
import { commitFiles, InterruptedWriteError, nodeFileOps, pendingWrites, recoverWrites, type FileOps } from '../../../scripts/transaction.ts';

const project = resolve(import.meta.dirname, '../../..');

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A data tree with two files the write replaces. */
function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'transaction-'));
  dirs.push(root);
  mkdirSync(join(root, 'data/documents'), { recursive: true });
  mkdirSync(join(root, 'data/features'), { recursive: true });
  writeFileSync(join(root, 'data/features/a.geojson'), 'old a');
  writeFileSync(join(root, 'data/coverage.yaml'), 'old coverage');
  return root;
}
const WRITES = [
  { path: 'data/features/a.geojson', text: 'new a' },
  { path: 'data/coverage.yaml', text: 'new coverage' },
];
const state = (root: string) => ({ a: readFileSync(join(root, 'data/features/a.geojson'), 'utf8'), coverage: readFileSync(join(root, 'data/coverage.yaml'), 'utf8') });

/** Every dot-file under data/ (temporary files, journals). */
function hidden(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.startsWith('.')) out.push(join(d, e.name).slice(root.length + 1));
    }
  };
  walk(join(root, 'data'));
  return out.sort();
}

/** File operations whose n-th rename of a data file (not the journal's) fails. */
function failingRename(n: number): FileOps {
  let count = 0;
  return {
    ...nodeFileOps,
    rename(from, to) {
      if (!to.includes('.write-journal.') && ++count === n) throw new Error('injected failure between renames');
      nodeFileOps.rename(from, to);
    },
  };
}

describe('all-or-nothing writes', () => {
  it('a write that stops between its renames is finished by the next start, and the check reports it meanwhile', () => {
    const root = tree();
    expect(() => commitFiles(root, WRITES, failingRename(2))).toThrow(InterruptedWriteError);
    // Half written, as a kill would leave it: the journal says what is missing.
    expect(state(root)).toEqual({ a: 'new a', coverage: 'old coverage' });
    expect(pendingWrites(root).journals).toHaveLength(1);
    const check = checkData(root);
    expect(check.exitCode).toBe(1);
    expect(check.output).toMatch(/\.write-journal\.\d+\.json: a write of several files was interrupted and not finished/);

    const r = recoverWrites(root);
    expect(r.finished).toEqual(['data/coverage.yaml']);
    expect(r.problems).toEqual([]);
    expect(state(root)).toEqual({ a: 'new a', coverage: 'new coverage' });
    expect(hidden(root)).toEqual([]);
    expect(pendingWrites(root)).toEqual({ journals: [], intents: [], temps: [] });
  });

  it('a write that also removes a file, stopped before the removal, removes it when the next start finishes it', () => {
    const root = tree();
    writeFileSync(join(root, 'data/features/gone.geojson'), 'to be removed');
    expect(() => commitFiles(root, [...WRITES, { path: 'data/features/gone.geojson', text: null }], failingRename(2))).toThrow(InterruptedWriteError);
    expect(existsSync(join(root, 'data/features/gone.geojson'))).toBe(true);
    expect(recoverWrites(root).finished.sort()).toEqual(['data/coverage.yaml', 'data/features/gone.geojson']);
    expect(existsSync(join(root, 'data/features/gone.geojson'))).toBe(false);
    expect(state(root)).toEqual({ a: 'new a', coverage: 'new coverage' });
    expect(hidden(root)).toEqual([]);
  });

  it('a write that fails before its first rename changes nothing and leaves no file behind', () => {
    const root = tree();
    let writes = 0;
    const ops: FileOps = {
      ...nodeFileOps,
      writeFile(path, text) {
        if (++writes === 2) throw new Error('disk full');
        nodeFileOps.writeFile(path, text);
      },
    };
    expect(() => commitFiles(root, WRITES, ops)).toThrow(/disk full/);
    expect(state(root)).toEqual({ a: 'old a', coverage: 'old coverage' });
    expect(hidden(root)).toEqual([]);
  });

  it('a process killed between two renames (SIGKILL, no clean-up runs) is finished by the next start', () => {
    const root = tree();
    const script = join(root, 'kill-between-renames.ts');
    writeFileSync(
      script,
      `import { commitFiles, nodeFileOps } from ${JSON.stringify(join(project, 'scripts/transaction.ts'))};
let renames = 0;
commitFiles(${JSON.stringify(root)}, ${JSON.stringify(WRITES)}, {
  ...nodeFileOps,
  rename(from, to) {
    if (!to.includes('.write-journal.') && ++renames === 2) process.kill(process.pid, 'SIGKILL');
    nodeFileOps.rename(from, to);
  },
});
`,
    );
    // Node itself, with tsx's loader, so the kill is this very process's.
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: project, encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    expect(state(root)).toEqual({ a: 'new a', coverage: 'old coverage' });
    expect(hidden(root).some((f) => f.endsWith('.tmp'))).toBe(true);

    const r = recoverWrites(root);
    expect(r.finished).toEqual(['data/coverage.yaml']);
    expect(state(root)).toEqual({ a: 'new a', coverage: 'new coverage' });
    expect(hidden(root)).toEqual([]);
  });

  it('a process killed after writing its temporary files, before its journal, changed nothing: the next start removes them', () => {
    const root = tree();
    const script = join(root, 'kill-before-journal.ts');
    writeFileSync(
      script,
      `import { commitFiles, nodeFileOps } from ${JSON.stringify(join(project, 'scripts/transaction.ts'))};
commitFiles(${JSON.stringify(root)}, ${JSON.stringify(WRITES)}, {
  ...nodeFileOps,
  rename(from, to) {
    if (to.includes('.write-journal.')) process.kill(process.pid, 'SIGKILL');
    nodeFileOps.rename(from, to);
  },
});
`,
    );
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: project, encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    const temps = hidden(root).filter((f) => f.endsWith('.tmp'));
    expect(temps).toHaveLength(WRITES.length);
    expect(checkData(root).output).toMatch(/a write of several files was interrupted before it changed anything/);
    const r = recoverWrites(root);
    expect(r.removed.sort()).toEqual(temps);
    expect(r.problems).toEqual([]);
    expect(state(root)).toEqual({ a: 'old a', coverage: 'old coverage' });
    expect(hidden(root)).toEqual([]);
  });

  it("a file named like a temporary file that no write recorded is the user's: reported, never removed", () => {
    const root = tree();
    // The pid of a process that has ended, as a kill leaves it.
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim();
    const mine = [`data/.coverage.yaml.${gone}.tmp`, `data/features/.notes.${gone}.tmp`];
    for (const f of mine) writeFileSync(join(root, f), 'the user wrote this');
    const check = checkData(root);
    expect(check.output).toMatch(new RegExp(`warning: data/\\.coverage\\.yaml\\.${gone}\\.tmp: named like a temporary file of an interrupted write`));
    const r = recoverWrites(root);
    expect(r.removed).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.unrecorded.sort()).toEqual(mine.sort());
    for (const f of mine) expect(readFileSync(join(root, f), 'utf8')).toBe('the user wrote this');
    // Nor does a later write take them.
    commitFiles(root, WRITES);
    for (const f of mine) expect(readFileSync(join(root, f), 'utf8')).toBe('the user wrote this');
  });

  it('an intent cut short while it was written (no temporary file yet) is removed; an unfinished record of this process is not overwritten', () => {
    const root = tree();
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(join(root, `data/.write-intent.${gone}.json`), '{"pid": 1, "fil');
    expect(recoverWrites(root)).toMatchObject({ removed: [`data/.write-intent.${gone}.json`], problems: [] });
    expect(hidden(root)).toEqual([]);

    expect(() => commitFiles(root, WRITES, failingRename(2))).toThrow(InterruptedWriteError);
    expect(() => commitFiles(root, [{ path: 'data/features/a.geojson', text: 'third' }])).toThrow(/records an earlier write that was not finished/);
    expect(recoverWrites(root).finished).toEqual(['data/coverage.yaml']);
    expect(state(root)).toEqual({ a: 'new a', coverage: 'new coverage' });
  });

  it('a journal whose temporary file no longer holds the text it recorded is not finished with it', () => {
    const root = tree();
    expect(() => commitFiles(root, WRITES, failingRename(2))).toThrow(InterruptedWriteError);
    const temp = hidden(root).find((f) => f.endsWith('.tmp'))!;
    writeFileSync(join(root, temp), 'changed since');
    const r = recoverWrites(root);
    expect(r.finished).toEqual([]);
    expect(r.problems.join('\n')).toMatch(/does not hold the text the interrupted write recorded/);
    expect(state(root).coverage).toBe('old coverage');
    expect(readFileSync(join(root, temp), 'utf8')).toBe('changed since');
  });

  it('a file changed by someone else since the interrupted write began is not overwritten: the recovery says so', () => {
    const root = tree();
    expect(() => commitFiles(root, WRITES, failingRename(2))).toThrow(InterruptedWriteError);
    writeFileSync(join(root, 'data/coverage.yaml'), 'edited by hand meanwhile');
    const r = recoverWrites(root);
    expect(r.finished).toEqual([]);
    expect(r.problems.join('\n')).toMatch(/data\/coverage\.yaml changed since an interrupted write began/);
    expect(state(root).coverage).toBe('edited by hand meanwhile');
  });

  it('a write through a folder linked out of data/ is refused before anything is written', () => {
    const root = tree();
    const outside = mkdtempSync(join(tmpdir(), 'transaction-outside-'));
    dirs.push(outside);
    rmSync(join(root, 'data/documents'), { recursive: true });
    symlinkSync(outside, join(root, 'data/documents'));
    const writes = [...WRITES, { path: 'data/documents/new.md', text: 'x' }];
    expect(() => commitFiles(root, writes)).toThrow(LinkOutOfDataError);
    expect(() => commitFiles(root, writes)).toThrow(/data\/documents is a symbolic link to ".*", outside data\//);
    expect(readdirSync(outside)).toEqual([]);
    expect(state(root)).toEqual({ a: 'old a', coverage: 'old coverage' });
    expect(existsSync(join(root, 'data/features/.a.geojson.tmp'))).toBe(false);
  });
});
