/**
 * The tests grow with the data: after a user adds a document and a feature
 * the way docs/authoring.md says, the data check and every data-derived unit
 * test still pass. A copy of data/ gets the guide's example files, and the
 * data tests run again on it (ATLAS_DATA_ROOT), in a child vitest.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { checkData } from '../../scripts/check-data.ts';

const root = resolve(import.meta.dirname, '../..');
/** Every unit test that reads data/ (and honours ATLAS_DATA_ROOT). */
export const DATA_TESTS = [
  'tests/unit/geography.test.ts',
  'tests/unit/truthRules.test.ts',
  'tests/unit/documents/seedDocuments.test.ts',
  'tests/unit/editor/featureFileEdit.test.ts',
  'tests/unit/editor/documentFile.test.ts',
];

const guide = readFileSync(resolve(root, 'docs/authoring.md'), 'utf8');
const files = [...guide.matchAll(/^```\w+ file=(\S+)\n([\s\S]*?)^```$/gm)].map((m) => ({ path: m[1], text: m[2] }));
const dir = mkdtempSync(join(tmpdir(), 'atlas-grows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('with the guide\'s document and feature added, the data check and the data tests pass', () => {
  expect(files.map((f) => f.path)).toEqual(['data/documents/tutorial-river-port-agreement.md', 'data/features/tutorial.geojson']);
  cpSync(resolve(root, process.env.ATLAS_DATA_ROOT ?? '.', 'data'), join(dir, 'data'), { recursive: true });
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
  const check = checkData(dir);
  expect(check.output).not.toMatch(/error/);
  expect(check.exitCode).toBe(0);
  const run = spawnSync(process.execPath, [resolve(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'unit', ...DATA_TESTS], {
    cwd: root,
    env: { ...process.env, ATLAS_DATA_ROOT: dir, FORCE_COLOR: '0', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 240_000,
  });
  // eslint-disable-next-line no-control-regex
  const out = `${run.stdout}\n${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
  expect(out, out.slice(-4000)).toMatch(/Test Files\s+\d+ passed/);
  expect(run.status, out.slice(-4000)).toBe(0);
  // The child really ran on the copy: the new document was among those it checked.
  expect(out).not.toMatch(/No test files found/);
}, 300_000);
