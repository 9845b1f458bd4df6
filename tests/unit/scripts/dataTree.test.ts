/**
 * Issue 24, items 2 and 3: a data root that does not exist (or is not a data
 * tree) is an error for every reader — check-data (argument and
 * ATLAS_DATA_ROOT), the build's atlas plugin — and a symbolic link that leaves
 * data/ is refused by every reader and writer, folders as well as files, with
 * one message. (derive-routes: tests/unit/scripts/deriveRoutes.test.ts; the
 * writer: transaction.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { atlasPlugin } from '../../../scripts/atlas-plugin.ts';
import { checkData } from '../../../scripts/check-data.ts';
import { dataTreeOnDisk, NotADataTreeError } from '../../../scripts/data-files.ts';
import { formatData } from '../../../scripts/format-data.ts';
import { LinkOutOfDataError, linkOutOfDataRefusal } from '../../../scripts/data-root.ts';
import { referenceLoaders } from '../../../scripts/reference-files.ts';

const project = resolve(import.meta.dirname, '../../..');
const tsx = join(project, 'node_modules/.bin/tsx');
const fixture = resolve(project, 'tests/fixtures/bad-data/quote-not-found');
const NOWHERE = join(tmpdir(), 'no-such-atlas-root-24');

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});
function temp(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** The one message, as a pattern: `<path> is a symbolic link to "<target>", outside data/ (…)`. */
const refusal = (path: string) => {
  const { message } = linkOutOfDataRefusal(path, '@');
  const escaped = message.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace('@', '.*');
  return new RegExp(escaped);
};

/** The atlas plugin's compile of data/ (what `vite build` and the dev server run), on `root`. */
function buildAtlas(root: string): unknown {
  const plugin = atlasPlugin({ root, projectRoot: project }) as Plugin & { load: (this: unknown, id: string) => unknown };
  return plugin.load.call({ addWatchFile() {}, warn() {} }, '\0virtual:atlas');
}

describe('a data root that is not a data tree', () => {
  it('check-data: a path that does not exist is an error, not "data OK: 0 documents"', () => {
    const r = checkData(NOWHERE);
    expect(r.exitCode).toBe(1);
    expect(r.output).toMatch(/the data root .*no-such-atlas-root-24 does not exist/);
    expect(r.output).not.toMatch(/data OK/);
  });

  it('check-data: a folder without data/documents and data/features is an error', () => {
    const empty = temp('not-a-tree-');
    mkdirSync(join(empty, 'data/features'), { recursive: true });
    const r = checkData(empty);
    expect(r.exitCode).toBe(1);
    expect(r.output).toMatch(/has no data\/documents folder: it is not a data tree/);
  });

  it('format:data: a missing root is an error, not "every feature file is already in the atlas layout"', () => {
    expect(() => formatData(NOWHERE)).toThrow(NotADataTreeError);
    const cli = spawnSync(tsx, [join(project, 'scripts/format-data.ts'), NOWHERE], { cwd: project, encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/nothing was formatted: the data root .*no-such-atlas-root-24 does not exist/);
    expect(cli.stdout).not.toMatch(/already in the atlas layout/);
  });

  it('ATLAS_DATA_ROOT naming a missing folder fails the CLI and the build', () => {
    const cli = spawnSync(tsx, [join(project, 'scripts/check-data.ts')], { cwd: project, env: { ...process.env, ATLAS_DATA_ROOT: NOWHERE }, encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stdout).toMatch(/does not exist \(a typo in the path or in ATLAS_DATA_ROOT\?\)/);
    expect(() => buildAtlas(NOWHERE)).toThrow(/the data root .*no-such-atlas-root-24 does not exist/);
  });
});

describe('links that leave data/', () => {
  it('a data/documents folder linked out of data/ is refused by the checker and the build, and nothing in it is read', () => {
    const root = temp('linked-folder-');
    cpSync(fixture, root, { recursive: true });
    const outside = temp('outside-');
    cpSync(join(root, 'data/documents'), outside, { recursive: true });
    writeFileSync(join(outside, 'secret.md'), '---\nid: secret\ntitle: "x"\ndate: "2020"\npublisher: p\nparties: [a]\n---\nSECRET TEXT\n');
    rmSync(join(root, 'data/documents'), { recursive: true });
    symlinkSync(outside, join(root, 'data/documents'));
    const r = checkData(root);
    expect(r.exitCode).toBe(1);
    expect(r.output).toMatch(refusal('data/documents'));
    expect(r.output).not.toMatch(/SECRET/);
    expect(() => buildAtlas(root)).toThrow(refusal('data/documents'));
  });

  it("the editor's reads refuse a file or folder linked out of data/ with the same message", () => {
    const root = temp('linked-editor-');
    cpSync(fixture, root, { recursive: true });
    const outside = temp('outside-');
    writeFileSync(join(outside, 'coverage.yaml'), 'secret: []\n');
    symlinkSync(join(outside, 'coverage.yaml'), join(root, 'data/coverage.yaml'));
    const tree = dataTreeOnDisk(root);
    expect(() => tree.read('data/coverage.yaml')).toThrow(LinkOutOfDataError);
    expect(() => tree.read('data/coverage.yaml')).toThrow(refusal('data/coverage.yaml'));
    mkdirSync(join(outside, 'derive'));
    symlinkSync(join(outside, 'derive'), join(root, 'data/derive'));
    expect(() => tree.read('data/derive/geometry.yaml')).toThrow(refusal('data/derive'));
    expect(readdirSync(join(outside, 'derive'))).toEqual([]);
  });

  it("the route derivation's rivers, when the data tree has its own, refuse a link out of data/", () => {
    const root = temp('linked-rivers-');
    cpSync(fixture, root, { recursive: true });
    const outside = temp('outside-');
    writeFileSync(join(outside, 'ne_10m_rivers_yangtze_mekong.geojson'), '{"type": "FeatureCollection", "features": []}');
    mkdirSync(join(root, 'data/basemap'));
    symlinkSync(join(outside, 'ne_10m_rivers_yangtze_mekong.geojson'), join(root, 'data/basemap/ne_10m_rivers_yangtze_mekong.geojson'));
    expect(() => referenceLoaders(root).rivers()).toThrow(refusal('data/basemap/ne_10m_rivers_yangtze_mekong.geojson'));
  });

  it('format:data, cite and the editor refuse a folder or file linked out of data/ instead of leaving it out', () => {
    const root = temp('linked-tools-');
    cpSync(fixture, root, { recursive: true });
    const outside = temp('outside-');
    const docs = readdirSync(join(root, 'data/documents')).filter((f) => f.endsWith('.md'));
    cpSync(join(root, 'data/documents'), outside, { recursive: true });
    rmSync(join(root, 'data/documents'), { recursive: true });
    symlinkSync(outside, join(root, 'data/documents'));
    const featureFile = readdirSync(join(root, 'data/features')).find((f) => f.endsWith('.geojson'))!;
    // A layout format:data would change, so that refusing means writing nothing.
    const features = join(root, 'data/features', featureFile);
    const loose = JSON.stringify(JSON.parse(readFileSync(features, 'utf8')));
    writeFileSync(features, loose);

    expect(() => formatData(root)).toThrow(refusal('data/documents'));
    expect(readFileSync(features, 'utf8')).toBe(loose);
    expect(() => dataTreeOnDisk(root).input()).toThrow(LinkOutOfDataError);
    expect(() => dataTreeOnDisk(root).input()).toThrow(refusal('data/documents'));
    const cite = spawnSync(tsx, [join(project, 'scripts/cite.ts'), docs[0].replace(/\.md$/, ''), 'the'], { cwd: project, env: { ...process.env, ATLAS_DATA_ROOT: root }, encoding: 'utf8' });
    expect(cite.status).toBe(2);
    expect(cite.stderr).toMatch(refusal('data/documents'));
    expect(cite.stderr).not.toMatch(/No document/);
  });

  it('a link inside data/ to a folder inside data/ is still read', () => {
    const root = temp('link-inside-');
    cpSync(fixture, root, { recursive: true });
    const real = join(root, 'data/real-documents');
    cpSync(join(root, 'data/documents'), real, { recursive: true });
    rmSync(join(root, 'data/documents'), { recursive: true });
    symlinkSync(real, join(root, 'data/documents'));
    const r = checkData(root);
    expect(r.output).not.toMatch(/symbolic link/);
    expect(r.output).toMatch(/quote not found in document "sample-agreement"/);
  });
});
