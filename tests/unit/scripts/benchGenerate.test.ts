/**
 * The benchmark generator writes only into a folder it created or one that
 * holds its marker (issue 15, item 1): pointed at a copy of the project root it
 * refuses and data/ stays byte-identical.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkData } from '../../../scripts/check-data.ts';
import { writeAtlas } from '../../../scripts/bench/generate.ts';
import { InterruptedWriteError, recoverWrites } from '../../../scripts/transaction.ts';
import { killedAtRename } from '../renameFault.ts';

const project = resolve(import.meta.dirname, '../../..');
const tsx = join(project, 'node_modules/.bin/tsx');
const generate = join(project, 'scripts/bench/generate.ts');

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'bench-gen-'));
  dirs.push(d);
  return d;
}

/** Every file under `dir` with its bytes, for a byte-for-byte comparison. */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p).toString('base64');
    }
  };
  walk(dir);
  return out;
}

const run = (cwd: string, ...args: string[]) => spawnSync(tsx, [generate, ...args, '--features', '30', '--documents', '3'], { cwd, encoding: 'utf8' });

describe('bench:generate', { timeout: 60_000 }, () => {
  it('refuses a copy of the project root and leaves its data/ byte-identical, with or without an argument of "."', () => {
    const copy = temp();
    cpSync(join(project, 'data'), join(copy, 'data'), { recursive: true });
    writeFileSync(join(copy, 'package.json'), '{}');
    // An uncommitted file a user is working on.
    writeFileSync(join(copy, 'data/documents/my-draft.md'), '---\nid: my-draft\n---\nwork in progress\n');
    const before = contents(join(copy, 'data'));
    for (const args of [['.'], [copy]]) {
      const r = run(copy, ...args);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/refusing to write into .*did not make/);
      expect(r.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    }
    expect(contents(join(copy, 'data'))).toEqual(before);
    expect(existsSync(join(copy, '.corridor-atlas-generated'))).toBe(false);
  });

  it('writes into a new folder, and again into the folder it made', () => {
    const out = join(temp(), 'new', 'atlas');
    const first = run(project, out);
    expect(first.status, first.stderr).toBe(0);
    expect(readdirSync(join(out, 'data/features')).length).toBeGreaterThan(0);
    expect(existsSync(join(out, '.corridor-atlas-generated'))).toBe(true);
    const again = run(project, out);
    expect(again.status, again.stderr).toBe(0);
  });

  it('writes an atlas that passes the same validator as the build (the benchmark builds it)', () => {
    const out = join(temp(), 'atlas');
    const r = spawnSync(tsx, [generate, out, '--features', '300', '--documents', '7'], { cwd: project, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const result = checkData(out);
    expect(result.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([]);
    expect(result.exitCode).toBe(0);
  });

  it('a smaller atlas written over a larger one leaves none of the larger one behind', () => {
    const out = join(temp(), 'atlas');
    const gen = (features: string, documents: string) => spawnSync(tsx, [generate, out, '--features', features, '--documents', documents], { cwd: project, encoding: 'utf8' });
    expect(gen('40', '6').status).toBe(0);
    const larger = readdirSync(join(out, 'data/documents')).length;
    expect(gen('20', '2').status).toBe(0);
    expect(readdirSync(join(out, 'data/documents')).length).toBeLessThan(larger);
    expect(readdirSync(join(out, 'data'), { recursive: true }).map(String).filter((f) => f.split('/').pop()!.startsWith('.'))).toEqual([]);
    expect(checkData(out).exitCode).toBe(0);
  });

  it('a run stopped between its renames leaves a write the next start finishes, never an atlas half old and half new', () => {
    const out = join(temp(), 'atlas');
    writeAtlas(out, { features: 40, documents: 6, seed: 1 });
    const failing = killedAtRename(3);
    expect(() => writeAtlas(out, { features: 20, documents: 2, seed: 2 }, failing)).toThrow(InterruptedWriteError);
    expect(checkData(out).exitCode).toBe(1);
    recoverWrites(out);
    const clean = join(temp(), 'clean');
    writeAtlas(clean, { features: 20, documents: 2, seed: 2 });
    expect(contents(join(out, 'data'))).toEqual(contents(join(clean, 'data')));
  });

  it('writes into an empty folder but refuses one holding other files', () => {
    const empty = temp();
    expect(run(project, empty).status).toBe(0);
    const busy = temp();
    mkdirSync(join(busy, 'notes'));
    writeFileSync(join(busy, 'notes/keep.txt'), 'mine');
    expect(run(project, busy).status).toBe(1);
    expect(readFileSync(join(busy, 'notes/keep.txt'), 'utf8')).toBe('mine');
  });

  it.each([
    [['--features', 'abc'], /--features must be a whole number from 1 to 20,000 \(got "abc"\)/],
    [['--features', '2.5'], /--features must be a whole number .*\(got "2\.5"\)/],
    [['--documents', '0'], /--documents must be a whole number from 1 to 2,000 \(got "0"\)/],
    [['--documents', '-3'], /--documents must be a whole number from 1 to 2,000 \(got "-3"\)/],
    [['--features', '5', '--documents', '9'], /--documents \(9\) may not exceed --features \(5\)/],
    [['--feature', '5'], /unknown flag --feature/],
    [['--seed'], /--seed needs a number/],
  ])('checks its flags: %j is refused with what is wrong, before anything is written (issue 24, item 4)', (flags, message) => {
    const out = join(temp(), 'atlas');
    const r = spawnSync(tsx, [generate, out, ...flags], { cwd: project, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/usage: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).not.toMatch(/NaN/);
    expect(existsSync(out)).toBe(false);
  });
});
