/**
 * scripts/derive-routes.ts is safe with a user's files (issue 15, items 2 and 3):
 * all or nothing, files without recipes untouched, hand edits refused without
 * --force, ATLAS_DATA_ROOT honoured, any id (even "constructor") is just an id.
 * Each case runs the real CLI on a small data tree in a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDerive } from '../../../scripts/derive-routes.ts';
import { killedAtRename } from '../renameFault.ts';

const project = resolve(import.meta.dirname, '../../..');
const cli = join(project, 'scripts/derive-routes.ts');
const tsx = join(project, 'node_modules/.bin/tsx');

const point = (id: string, at: [number, number]) => ({
  type: 'Feature',
  id,
  properties: { name: id, kind: 'port', mode: 'sea', geometry_basis: 'schematic', description: 'x', citations: [] },
  geometry: { type: 'Point', coordinates: at },
});
const line = (id: string, coordinates: unknown) => ({
  type: 'Feature',
  id,
  properties: { name: id, kind: 'sea-route', mode: 'sea', geometry_basis: 'schematic', description: 'x', citations: [] },
  geometry: coordinates === null ? null : { type: 'LineString', coordinates },
});
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A data tree: feature files (given as objects, written in an odd but valid layout) and the recipes. */
function tree(features: Record<string, unknown>, recipesYaml: string): string {
  const root = mkdtempSync(join(tmpdir(), 'derive-'));
  dirs.push(root);
  mkdirSync(join(root, 'data/features'), { recursive: true });
  mkdirSync(join(root, 'data/documents'), { recursive: true });
  mkdirSync(join(root, 'data/derive'), { recursive: true });
  // One space of indentation: not how derive-routes would format it, so any reformatting shows.
  for (const [f, v] of Object.entries(features)) writeFileSync(join(root, 'data/features', f), JSON.stringify(v, null, 1));
  writeFileSync(join(root, 'data/derive/geometry.yaml'), recipesYaml);
  return root;
}

function snapshot(root: string): Record<string, string> {
  const dir = join(root, 'data/features');
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

function derive(root: string, ...args: string[]) {
  const r = spawnSync(tsx, [cli, ...args], { cwd: project, env: { ...process.env, ATLAS_DATA_ROOT: root }, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const RECIPES = `places:
  a: { at: [100, 10] }
  b: { at: [101, 11] }
features:
  alpha-route:
    parts:
      - steps:
          - sea: [a, b]
`;

describe('derive-routes', { timeout: 60_000 }, () => {
  it('writes into the tree named by ATLAS_DATA_ROOT and leaves the project data alone', () => {
    const projectFiles = snapshot(project);
    const root = tree({ 'a.geojson': fc(line('alpha-route', null)) }, RECIPES);
    const r = derive(root);
    expect(r.out).toMatch(/derived 1 feature/);
    expect(r.status).toBe(0);
    const written = JSON.parse(readFileSync(join(root, 'data/features/a.geojson'), 'utf8'));
    expect(written.features[0].geometry.coordinates[0]).toEqual([100, 10]);
    expect(snapshot(project)).toEqual(projectFiles);
    expect(existsSync(join(root, 'data/derive/produced.json'))).toBe(true);
  });

  it('writes nothing when a later recipe names an unknown place', () => {
    const root = tree(
      { 'a.geojson': fc(line('alpha-route', null)), 'z.geojson': fc(line('zulu-route', null)) },
      `${RECIPES}  zulu-route:\n    parts:\n      - steps:\n          - line: [a, nowhere-at-all]\n`,
    );
    const before = snapshot(root);
    const r = derive(root);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/unknown place or point feature "nowhere-at-all"/);
    expect(r.out).not.toMatch(/at .*derive-routes\.ts:\d+/); // a message, not a stack trace
    expect(snapshot(root)).toEqual(before);
  });

  it('leaves files without recipes byte for byte, and the other features of a rewritten file too', () => {
    const root = tree(
      {
        'a.geojson': fc(point('some-port', [100, 10]), line('alpha-route', null)),
        'b.geojson': fc(point('other-port', [105, 12])),
      },
      RECIPES,
    );
    const before = snapshot(root);
    expect(derive(root).status).toBe(0);
    const after = snapshot(root);
    expect(after['b.geojson']).toBe(before['b.geojson']);
    // The point feature's text in a.geojson is unchanged.
    const pointText = before['a.geojson'].slice(before['a.geojson'].indexOf('"id": "some-port"'), before['a.geojson'].indexOf('"id": "alpha-route"'));
    expect(pointText.length).toBeGreaterThan(50);
    expect(after['a.geojson']).toContain(pointText);
    // Running again changes nothing.
    expect(derive(root).status).toBe(0);
    expect(snapshot(root)).toEqual(after);
  });

  it('refuses to overwrite a geometry edited by hand unless --force, naming the feature', () => {
    const root = tree({ 'a.geojson': fc(line('alpha-route', null)) }, RECIPES);
    expect(derive(root).status).toBe(0);
    // Hand edit: move the last vertex.
    const path = join(root, 'data/features/a.geojson');
    const edited = JSON.parse(readFileSync(path, 'utf8'));
    edited.features[0].geometry.coordinates.at(-1)[0] = 101.5;
    writeFileSync(path, JSON.stringify(edited, null, 2));
    const handEdited = readFileSync(path, 'utf8');
    // The recipe changes too, so deriving would rewrite the feature.
    writeFileSync(join(root, 'data/derive/geometry.yaml'), RECIPES.replace('[101, 11]', '[102, 12]'));
    const refused = derive(root);
    expect(refused.status).toBe(1);
    expect(refused.out).toMatch(/"alpha-route".*changed by hand/);
    expect(refused.out).toMatch(/--force/);
    expect(readFileSync(path, 'utf8')).toBe(handEdited);
    const forced = derive(root, '--force');
    expect(forced.status).toBe(0);
    expect(JSON.parse(readFileSync(path, 'utf8')).features[0].geometry.coordinates.at(-1)).toEqual([102, 12]);
  });

  it('lets a recipe replace what it produced itself (the recipe changed, the file was not edited)', () => {
    const root = tree({ 'a.geojson': fc(line('alpha-route', null)) }, RECIPES);
    expect(derive(root).status).toBe(0);
    writeFileSync(join(root, 'data/derive/geometry.yaml'), RECIPES.replace('[101, 11]', '[102, 12]'));
    const r = derive(root);
    expect(r.status, r.out).toBe(0);
    expect(JSON.parse(readFileSync(join(root, 'data/features/a.geojson'), 'utf8')).features[0].geometry.coordinates.at(-1)).toEqual([102, 12]);
  });

  it('treats a feature id named like a built-in property ("constructor") as an ordinary id', () => {
    const root = tree({ 'a.geojson': fc(point('constructor', [100, 10]), point('__proto__', [100.5, 10.5]), line('alpha-route', null)) }, RECIPES.replace('sea: [a, b]', 'sea: [constructor, b]'));
    const r = derive(root);
    expect(r.status, r.out).toBe(0);
    expect(JSON.parse(readFileSync(join(root, 'data/features/a.geojson'), 'utf8')).features[2].geometry.coordinates[0]).toEqual([100, 10]);
  });

  it('refuses a feature file with a duplicate key instead of dropping one', () => {
    const root = tree({ 'a.geojson': fc(line('alpha-route', null)) }, RECIPES);
    const path = join(root, 'data/features/a.geojson');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"type": "Feature",', '"type": "Feature", "id": "first-id",'));
    const before = snapshot(root);
    const r = derive(root);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/key "id" appears twice/);
    expect(snapshot(root)).toEqual(before);
  });

  it('--force killed between rewriting two files is finished by the next run (issue 24, item 1)', () => {
    const root = tree({ 'a.geojson': fc(line('alpha-route', null)), 'z.geojson': fc(line('zulu-route', null)) }, `${RECIPES}  zulu-route:\n    parts:\n      - steps:\n          - sea: [b, a]\n`);
    expect(derive(root).status).toBe(0);
    const moved = RECIPES.replace('[101, 11]', '[102, 12]');
    writeFileSync(join(root, 'data/derive/geometry.yaml'), `${moved}  zulu-route:\n    parts:\n      - steps:\n          - sea: [b, a]\n`);
    const killed = killedAtRename(2);
    const r = runDerive({ root, force: true, fileOps: killed });
    expect(r.exitCode).toBe(1);
    expect(r.output.join('\n')).toMatch(/the write stopped after 1 of 3 files/);
    const ends = () => ['a', 'z'].map((f) => JSON.parse(readFileSync(join(root, `data/features/${f}.geojson`), 'utf8')).features[0].geometry.coordinates);
    // Half done: one file has the new end, the other not yet.
    expect(ends()[0].at(-1)).toEqual([102, 12]);
    expect(ends()[1][0]).toEqual([101, 11]);
    // The next run (in this process: a journal of another live process is left alone, as a write under way).
    const again = runDerive({ root });
    expect(again.output.join('\n')).toMatch(/finished an interrupted write: data\/features\/z\.geojson, data\/derive\/produced\.json/);
    expect(again.exitCode, again.output.join('\n')).toBe(0);
    expect(again.written).toEqual([]);
    expect(ends()[1][0]).toEqual([102, 12]);
    expect(derive(root, '--check').status).toBe(0);
    expect(readdirSync(join(root, 'data'), { recursive: true }).map(String).filter((f) => f.split('/').pop()!.startsWith('.'))).toEqual([]);
  });

  it('a data root that does not exist, or holds no data/documents and data/features, is an error (issue 24, item 2)', () => {
    const missing = derive(join(tmpdir(), 'no-such-atlas-root-24'), '--check');
    expect(missing.status).toBe(1);
    expect(missing.out).toMatch(/the data root .*no-such-atlas-root-24 does not exist/);
    const empty = mkdtempSync(join(tmpdir(), 'derive-empty-'));
    dirs.push(empty);
    const r = derive(empty, '--check');
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/has no data\/documents and no data\/features folder/);
  });

  it('refuses a feature file linked to a file outside data/, and a linked features folder, with the checker\'s message (issue 24, item 3)', () => {
    const root = tree({ 'a.geojson': fc(line('alpha-route', null)) }, RECIPES);
    const outside = mkdtempSync(join(tmpdir(), 'derive-outside-'));
    dirs.push(outside);
    writeFileSync(join(outside, 'system-file'), 'root:x:0:0\n');
    symlinkSync(join(outside, 'system-file'), join(root, 'data/features/linked.geojson'));
    const before = snapshot(root);
    const r = derive(root);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/data\/features\/linked\.geojson is a symbolic link to ".*system-file", outside data\/ \(its contents would be published in atlas\.json\)/);
    expect(r.out).not.toMatch(/readable JSON/);
    expect(snapshot(root)).toEqual(before);

    rmSync(join(root, 'data/features/linked.geojson'));
    const folder = join(outside, 'features');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.geojson'), readFileSync(join(root, 'data/features/a.geojson')));
    rmSync(join(root, 'data/features'), { recursive: true });
    symlinkSync(folder, join(root, 'data/features'));
    const f = derive(root);
    expect(f.status).toBe(1);
    expect(f.out).toMatch(/data\/features is a symbolic link to ".*features", outside data\//);
    expect(JSON.parse(readFileSync(join(folder, 'a.geojson'), 'utf8')).features[0].geometry).toBeNull();
  });
});
