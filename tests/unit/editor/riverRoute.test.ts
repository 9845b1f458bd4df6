/**
 * The editor's river route recipe ("Follow the river between two ports") and
 * derive-routes share one code path: the geometry the editor previews in the
 * browser is the geometry scripts/derive-routes.ts writes for the recipe the
 * editor saves, and a save re-derives the recipes on the would-be tree.
 * The real-data cases pick their ports from data/ by rule (on or off the
 * centreline), never by a fixed id.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LineString } from 'geojson';
import { afterAll, describe, expect, test } from 'vitest';
import { runDerive } from '../../../scripts/derive-routes.ts';
import { readDataFiles } from '../../../scripts/data-files.ts';
import { checkData } from '../../../scripts/check-data.ts';
import { referenceLoaders, riversPath } from '../../../scripts/reference-files.ts';
import { contentToken } from '../../../src/lib/editor/conflictToken.ts';
import { deleteEdits, draftRecipe, existingFeatureDraft, newFeatureDraft, saveEdits, type EditorFile } from '../../../src/lib/editor/featureDraft.ts';
import { readFeatures } from '../../../src/lib/editor/featureFileEdit.ts';
import { applyRiverPick, deriveRiverRoute, portChoices, riverDeriveContext } from '../../../src/lib/editor/riverRouteDraft.ts';
import { deriveForSave } from '../../../src/lib/editor/saveDerived.ts';
import { parseSaveRequest, planSave } from '../../../src/lib/editor/saveRequest.ts';
import { buildRiverGraph, snapToGraph, yangtzeOnly } from '../../../src/lib/geo/riverPath.ts';
import { putRecipe, RecipeFileError } from '../../../src/lib/geo/recipeFile.ts';
import { riverRouteEnds, riverRouteRecipe } from '../../../src/lib/geo/riverRoute.ts';
import { parseRecord } from '../../../src/lib/geo/deriveTree.ts';
import { producedHash } from '../../../src/lib/geo/deriveFile.ts';

const root = resolve(import.meta.dirname, '../../..');
const dataRoot = resolve(root, process.env.ATLAS_DATA_ROOT ?? '.');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The editor's view of a data tree's feature files, as the dev server sends it. */
function editorFiles(at: string): EditorFile[] {
  return readDataFiles(at).features.map((f) => ({ path: f.path, token: contentToken(f.text), features: readFeatures(f.text) }));
}

describe('river routes on the real data', () => {
  const files = editorFiles(dataRoot);
  const rivers = JSON.parse(readFileSync(riversPath(dataRoot), 'utf8'));
  const graph = buildRiverGraph(rivers, { filter: yangtzeOnly });
  const ports = portChoices(files).map((p) => {
    const g = files.flatMap((f) => f.features).find((x) => x.id === p.id)!.geometry as { coordinates: [number, number] };
    return { ...p, at: g.coordinates, km: snapToGraph(graph, g.coordinates).distKm };
  });
  // Two ports on the centreline, as far apart along it as the data allows: the first and last by longitude.
  const onRiver = ports.filter((p) => p.km < 5).sort((a, b) => a.at[0] - b.at[0]);
  const offRiver = ports.filter((p) => p.km > 50);

  test('the data has ports on the Yangtze to join (and the test picks them by rule)', () => {
    expect(onRiver.length).toBeGreaterThanOrEqual(2);
  });

  test('the editor\'s preview is exactly what derive-routes writes for the recipe the editor saves; check and derive --check pass', () => {
    const [a, b] = [onRiver[0], onRiver[onRiver.length - 1]];
    const id = 'test-river-route-from-the-editor';
    const preview = deriveRiverRoute(riverDeriveContext(rivers, files), id, a.id, b.id);
    if ('error' in preview) throw new Error(preview.error);
    expect(preview.recipe).toEqual(riverRouteRecipe(a.id, b.id));
    expect(preview.derived.geometry.type).toBe('LineString');
    const coords = (preview.derived.geometry as LineString).coordinates;
    expect(coords[0]).toEqual(a.at);
    expect(coords.at(-1)).toEqual(b.at);

    // A copy of data/ with the feature (geometry null) and the recipe, then the real CLI.
    const dir = mkdtempSync(join(tmpdir(), 'river-route-'));
    dirs.push(dir);
    cpSync(join(dataRoot, 'data'), join(dir, 'data'), { recursive: true });
    const feature = { type: 'Feature', id, properties: { name: 'x' }, geometry: null };
    writeFileSync(join(dir, 'data/features/test-river-route.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [feature] }, null, 2) + '\n');
    const spec = join(dir, 'data/derive/geometry.yaml');
    writeFileSync(spec, putRecipe(readFileSync(spec, 'utf8'), id, preview.recipe));
    const run = runDerive({ root: dir });
    expect(run.output.join('\n')).not.toMatch(/error|nothing was written/i);
    expect(run.exitCode).toBe(0);
    const written = readFeatures(readFileSync(join(dir, 'data/features/test-river-route.geojson'), 'utf8'))[0];
    expect(written.geometry).toEqual(preview.derived.geometry);
    expect(parseRecord(readFileSync(join(dir, 'data/derive/produced.json'), 'utf8')).get(id)).toBe(producedHash(preview.derived));
    expect(runDerive({ root: dir, check: true }).exitCode).toBe(0);
  });

  test('the dev server\'s save path (deriveForSave) writes the same geometry and the produced record, and nothing else', () => {
    const [a, b] = [onRiver[0], onRiver[onRiver.length - 1]];
    const id = 'test-river-route-saved';
    const preview = deriveRiverRoute(riverDeriveContext(rivers, files), id, a.id, b.id);
    if ('error' in preview) throw new Error(preview.error);
    const input = readDataFiles(dataRoot);
    const feature = { type: 'Feature', id, properties: { name: 'x' }, geometry: preview.derived.geometry };
    const features = new Map(input.features.map((f) => [f.path, f.text]));
    features.set('data/features/test-river-route.geojson', JSON.stringify({ type: 'FeatureCollection', features: [feature] }, null, 2) + '\n');
    const recordText = readFileSync(join(dataRoot, 'data/derive/produced.json'), 'utf8');
    const r = deriveForSave({
      features,
      specText: putRecipe(readFileSync(join(dataRoot, 'data/derive/geometry.yaml'), 'utf8'), id, preview.recipe),
      recordText,
      loaders: referenceLoaders(dataRoot),
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    // The preview already is the derived geometry: no feature file is rewritten, only the record gains the route.
    expect([...r.writes.keys()]).toEqual(['data/derive/produced.json']);
    expect(r.rederived).toEqual([]);
    const before = parseRecord(recordText);
    const after = parseRecord(r.writes.get('data/derive/produced.json')!);
    expect(after.get(id)).toBe(producedHash(preview.derived));
    // Every recipe already on record keeps its entry (a record that lagged behind its recipes catches up).
    for (const [k, v] of before) expect(after.get(k), k).toBe(v);
  });

  test('two ports that are not on one river network: a clear error naming the port, not a crash', () => {
    expect(offRiver.length).toBeGreaterThan(0);
    const r = deriveRiverRoute(riverDeriveContext(rivers, files), 'x', onRiver[0].id, offRiver[0].id);
    expect('error' in r && r.error).toMatch(new RegExp(`"${offRiver[0].id}" is \\d+ km from the Yangtze centreline.*not on one river network`));
    expect(deriveRiverRoute(riverDeriveContext(rivers, files), 'x', onRiver[0].id, onRiver[0].id)).toEqual({ error: 'Choose two different ports.' });
  });
});

/** A tiny tree: one made-up "Yangtze" along 30°N from 100°E to 101°E, ports on it. */
const RIVERS = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { name_en: 'Yangtze', featurecla: 'River' }, geometry: { type: 'LineString', coordinates: [[100, 30], [100.25, 30.02], [100.5, 30], [100.75, 30.02], [101, 30]] } }],
};
const loaders = { rivers: () => RIVERS as never, land: () => { throw new Error('no land needed'); } };
const port = (id: string, at: [number, number]) => ({ type: 'Feature', id, properties: { name: id, kind: 'port' }, geometry: { type: 'Point', coordinates: at } });
const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features }, null, 2) + '\n';

describe('a save re-derives the recipes (deriveForSave)', () => {
  const spec = putRecipe('places: {}\n', 'route', riverRouteRecipe('a', 'b'));
  const derivedRoute = (a: [number, number], b: [number, number]) => {
    const files = [{ path: 'data/features/ports.geojson', token: 't', features: readFeatures(fc(port('a', a), port('b', b))) }];
    const r = deriveRiverRoute(riverDeriveContext(RIVERS as never, files), 'route', 'a', 'b');
    if ('error' in r) throw new Error(r.error);
    return r.derived;
  };
  const first = derivedRoute([100.1, 30.01], [100.9, 30.01]);
  const tree = (ports: string, route: unknown) => new Map([['data/features/ports.geojson', ports], ['data/features/routes.geojson', fc({ type: 'Feature', id: 'route', properties: { name: 'r' }, geometry: route })]]);
  const record = (g: unknown) => JSON.stringify({ produced: { route: producedHash({ geometry: g }) } });

  test('a port moved in the editor: the route that names it follows, and is reported', () => {
    const moved = fc(port('a', [100.3, 30.02]), port('b', [100.9, 30.01]));
    const r = deriveForSave({ features: tree(moved, first.geometry), specText: spec, recordText: record(first.geometry), loaders });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.rederived).toEqual(['route']);
    const written = readFeatures(r.writes.get('data/features/routes.geojson')!)[0];
    expect(written.geometry).toEqual(derivedRoute([100.3, 30.02], [100.9, 30.01]).geometry);
    expect(parseRecord(r.writes.get('data/derive/produced.json')!).get('route')).toBe(producedHash({ geometry: written.geometry }));
  });

  test('a port deleted while a route names it: refused, the problem on the route\'s geometry', () => {
    const r = deriveForSave({ features: tree(fc(port('b', [100.9, 30.01])), first.geometry), specText: spec, recordText: record(first.geometry), loaders });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ id: 'route', field: 'geometry', message: expect.stringMatching(/unknown place or point feature "a"/) });
  });

  test('a line drawn by hand over a recipe\'s route: refused, not overwritten', () => {
    const hand = { type: 'LineString', coordinates: [[100.1, 30.01], [100.9, 30.01]] };
    const r = deriveForSave({ features: tree(fc(port('a', [100.1, 30.01]), port('b', [100.9, 30.01])), hand), specText: spec, recordText: record(first.geometry), loaders });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ id: 'route', field: 'geometry', message: expect.stringMatching(/changed by hand/) });
  });

  test('no recipes file: nothing to derive', () => {
    expect(deriveForSave({ features: new Map(), specText: null, recordText: null, loaders })).toEqual({ ok: true, writes: new Map(), rederived: [] });
  });
});

describe('putRecipe: one recipe in geometry.yaml, every other byte kept', () => {
  const real = readFileSync(join(dataRoot, 'data/derive/geometry.yaml'), 'utf8');
  test('added at the end of `features:`, replaced in place, removed: the rest of the file is unchanged', () => {
    const added = putRecipe(real, 'new-river-route', riverRouteRecipe('p-one', 'p-two'));
    expect(added.startsWith(real.endsWith('\n') ? real : real + '\n')).toBe(true);
    expect(added.slice(real.length)).toContain('  new-river-route:\n    parts:\n      - leg: river\n        steps:\n          - river: [p-one, p-two]\n');
    expect(putRecipe(added, 'new-river-route', null)).toBe(real);
    const replaced = putRecipe(added, 'new-river-route', riverRouteRecipe('p-one', 'p-three'));
    expect(replaced).toBe(added.replace('[p-one, p-two]', '[p-one, p-three]'));
  });
  test('a file without recipes gets `features:`; an unreadable one is refused', () => {
    expect(putRecipe('places: {}\n', 'r', riverRouteRecipe('a', 'b'))).toBe('places: {}\nfeatures:\n  r:\n    parts:\n      - leg: river\n        steps:\n          - river: [a, b]\n');
    expect(() => putRecipe('features: [1, 2]\n', 'r', riverRouteRecipe('a', 'b'))).toThrow(RecipeFileError);
    expect(() => putRecipe('features:\n\t- x\n', 'r', riverRouteRecipe('a', 'b'))).toThrow(RecipeFileError);
  });
  test('riverRouteEnds recognises the editor\'s recipe and nothing more complex', () => {
    expect(riverRouteEnds(riverRouteRecipe('a', 'b'))).toEqual(['a', 'b']);
    expect(riverRouteEnds({ parts: [{ steps: [{ river: ['a', 'b'] }, { estuary: ['b', 'c'] }] }] })).toBeNull();
    expect(riverRouteEnds(null)).toBeNull();
  });
});

describe('the save request carries the recipe with the feature', () => {
  const files: EditorFile[] = [{ path: 'data/features/rivers.geojson', token: 't-rivers', features: [{ type: 'Feature', id: 'old-route', properties: { kind: 'river-route' }, geometry: null }] }];
  const recipes = { token: 't-spec', recipes: { 'old-route': riverRouteRecipe('a', 'b') } };
  test('a new route: put-feature then put-recipe, against the geometry.yaml version loaded', () => {
    const d = newFeatureDraft(null, files, 'schematic', recipes);
    d.feature.id = 'new-route';
    d.recipe = riverRouteRecipe('a', 'c');
    expect(saveEdits(d).map((e) => [e.kind, e.token])).toEqual([['put-feature', 't-rivers'], ['put-recipe', 't-spec']]);
    expect(saveEdits(d)[1]).toEqual({ kind: 'put-recipe', token: 't-spec', id: 'new-route', recipe: riverRouteRecipe('a', 'c') });
  });
  test('an existing route: unchanged recipe → no recipe edit; renamed → moved; drawn by hand → removed; deleted → removed', () => {
    const d = existingFeatureDraft(files, 'old-route', recipes)!;
    expect(saveEdits(d).map((e) => e.kind)).toEqual(['put-feature']);
    d.feature.id = 'renamed-route';
    expect(saveEdits(d).slice(1)).toEqual([
      { kind: 'put-recipe', token: 't-spec', id: 'old-route', recipe: null },
      { kind: 'put-recipe', token: 't-spec', id: 'renamed-route', recipe: riverRouteRecipe('a', 'b') },
    ]);
    d.feature.id = 'old-route';
    d.recipe = null;
    expect(saveEdits(d).slice(1)).toEqual([{ kind: 'put-recipe', token: 't-spec', id: 'old-route', recipe: null }]);
    expect(deleteEdits(existingFeatureDraft(files, 'old-route', recipes)!).map((e) => e.kind)).toEqual(['delete-feature', 'put-recipe']);
  });
  test('the server checks a put-recipe and plans it against the file on disk (409 when it changed)', () => {
    expect(parseSaveRequest({ edits: [{ kind: 'put-recipe', token: 'x', id: 'Not Kebab', recipe: null }] })).toMatchObject({ ok: false, message: expect.stringMatching(/kebab-case/) });
    expect(parseSaveRequest({ edits: [{ kind: 'put-recipe', token: 'x', id: 'r', recipe: { parts: [{ steps: [{ river: ['a'] }] }] } }] })).toMatchObject({ ok: false, message: expect.stringMatching(/two waypoints/) });
    const ok = parseSaveRequest({ edits: [{ kind: 'put-recipe', token: 'x', id: 'r', recipe: riverRouteRecipe('a', 'b') }] });
    expect(ok.ok).toBe(true);
    const disk = 'places: {}\n';
    const read = (p: string) => (p === 'data/derive/geometry.yaml' ? disk : null);
    const stale = planSave(read, [{ kind: 'put-recipe', token: contentToken('older'), id: 'r', recipe: riverRouteRecipe('a', 'b') }]);
    expect(stale).toMatchObject({ ok: false, conflicts: [expect.stringMatching(/geometry\.yaml changed on disk/)] });
    const plan = planSave(read, [{ kind: 'put-recipe', token: contentToken(disk), id: 'r', recipe: riverRouteRecipe('a', 'b') }]);
    expect(plan.ok && plan.writes.get('data/derive/geometry.yaml')).toContain('  r:\n    parts:');
  });
});

test('the shipped data passes the check with this code path in place', () => {
  expect(checkData(dataRoot).exitCode).toBe(0);
  expect(readdirSync(join(dataRoot, 'data/derive'))).toContain('geometry.yaml');
});

describe('a pick of two ports in the editor (applyRiverPick)', () => {
  const files: EditorFile[] = [{ path: 'data/features/ports.geojson', token: 't', features: readFeatures(fc(port('a', [100.1, 30.01]), port('b', [100.9, 30.01]), port('far', [110, 40]))) }];
  const ctx = riverDeriveContext(RIVERS as never, files);
  const hand = { type: 'LineString', coordinates: [[100, 30], [101, 31]] };

  test('a route sets the geometry and its recipe', () => {
    const draft = newFeatureDraft(null, files, 'schematic');
    const route = deriveRiverRoute(ctx, 'route', 'a', 'b');
    expect(applyRiverPick(draft, route)).toEqual({ ok: true });
    if ('error' in route) throw new Error(route.error);
    expect(draft.feature.geometry).toEqual(route.derived.geometry);
    expect(draftRecipe(draft)).toEqual(riverRouteRecipe('a', 'b'));
  });

  test('a new pick with no route clears the line the earlier pick derived, and its recipe; the error says so', () => {
    const draft = newFeatureDraft(null, files, 'schematic');
    applyRiverPick(draft, deriveRiverRoute(ctx, 'route', 'a', 'b'));
    const failed = deriveRiverRoute(ctx, 'route', 'a', 'far');
    expect('error' in failed).toBe(true);
    const r = applyRiverPick(draft, failed);
    expect(r).toMatchObject({ ok: false, cleared: true, error: expect.stringMatching(/"far".*earlier pick was cleared/s) });
    expect(draft.feature.geometry).toBeNull();
    expect(draftRecipe(draft)).toBeNull();
    expect(saveEdits(draft).filter((e) => e.kind === 'put-recipe')).toEqual([]);
  });

  test('a failed pick leaves a line drawn by hand as it is (it never claimed to follow the river)', () => {
    const draft = newFeatureDraft(null, files, 'schematic');
    draft.feature.geometry = hand;
    const r = applyRiverPick(draft, deriveRiverRoute(ctx, 'route', 'a', 'far'));
    expect(r).toMatchObject({ ok: false, cleared: false });
    expect(draft.feature.geometry).toEqual(hand);
  });
});
