/**
 * docs/authoring.md is followed literally: its example files (fenced blocks
 * marked `file=…`) are added to a copy of data/, and the checker must accept
 * them, anchor the guide's citation, and stop warning about the new document.
 */
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { checkData } from '../../scripts/check-data.ts';
import { compileAtlas } from '../../src/lib/atlas/compile.ts';
import { readDataFiles } from '../../scripts/data-files.ts';

const root = resolve(import.meta.dirname, '../..');
const guide = readFileSync(resolve(root, 'docs/authoring.md'), 'utf8');
const files = [...guide.matchAll(/^```\w+ file=(\S+)\n([\s\S]*?)^```$/gm)].map((m) => ({ path: m[1], text: m[2] }));
const dir = mkdtempSync(join(tmpdir(), 'atlas-guide-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the guide has a document and a feature file to add', () => {
  expect(files.map((f) => f.path)).toEqual(['data/documents/tutorial-river-port-agreement.md', 'data/features/tutorial.geojson']);
});

test('after step 1 only the "cited by no feature" warning appears, as the guide says', () => {
  const step1 = mkdtempSync(join(tmpdir(), 'atlas-guide-1-'));
  cpSync(resolve(root, 'data'), join(step1, 'data'), { recursive: true });
  writeFileSync(join(step1, files[0].path), files[0].text);
  const r = checkData(step1);
  rmSync(step1, { recursive: true, force: true });
  expect(r.exitCode).toBe(0);
  expect(r.output).toContain('warning: data/documents/tutorial-river-port-agreement.md [tutorial-river-port-agreement]: document "tutorial-river-port-agreement" is cited by no feature');
});

test('after step 4 the data checks clean and the feature carries its citation and references', () => {
  cpSync(resolve(root, 'data'), join(dir, 'data'), { recursive: true });
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
  const r = checkData(dir);
  expect(r.output).not.toMatch(/warning|error/);
  expect(r.exitCode).toBe(0);
  const atlas = compileAtlas(readDataFiles(dir)).atlas!;
  const f = atlas.features.find((x) => x.id === 'tutorial-yangluo-fast-lane')!;
  expect(f.properties.citations[0].selector).toMatchObject({ exact: 'containers loaded at Yangluo Port will be cleared once', start: 136, end: 190 });
  expect(f.properties.references[0].title).toBe('Yangluo port, Xinzhou district, Wuhan');
  expect(r.output).toMatch(new RegExp(`data OK: ${atlas.documents.length} documents, ${atlas.features.length} features`));
});
