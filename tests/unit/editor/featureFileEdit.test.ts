import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { deleteFeature, putFeature, readFeatures } from '../../../src/lib/editor/featureFileEdit.ts';
import { formatCollection, formatFeatureFile, orderKeysLike } from '../../../src/lib/editor/jsonFormat.ts';

const dataRoot = resolve(import.meta.dirname, '../../..', process.env.ATLAS_DATA_ROOT ?? '.', 'data/features');
const files = readdirSync(dataRoot).filter((f) => f.endsWith('.geojson'));

const point = (id: string, lon = 114.5, lat = 30.6) => ({
  type: 'Feature',
  id,
  properties: { name: 'A', kind: 'port', mode: 'river', description: 'd', geometry_basis: 'approximate', citations: [{ document: 'x', quote: 'q' }] },
  geometry: { type: 'Point', coordinates: [lon, lat] },
});

/** Lines of `after` that are not in `before` (and the other way round), as a plain line diff would count them. */
function changedLines(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

describe('the atlas JSON style', () => {
  test("re-serialising the project's feature files gives their bytes back (they are written in this style)", () => {
    // Of the project's own data (a user's hand-written file may use another style; edits keep it, see below).
    const own = resolve(import.meta.dirname, '../../../data/features');
    for (const file of readdirSync(own).filter((f) => f.endsWith('.geojson'))) {
      const text = readFileSync(resolve(own, file), 'utf8');
      // Not a byte diff: a file laid out by hand or by another tool is put right by one command.
      expect(formatFeatureFile(text) === text, `data/features/${file} is not in the atlas JSON layout: run \`npm run format:data\` (only whitespace changes)`).toBe(true);
    }
  });

  test('in a file of another style, changing one value rewrites only that value', () => {
    const text = '{"type": "FeatureCollection", "features": [\n  {"type": "Feature", "id": "a", "properties": {"name": "A", "description": "old"}, "geometry": { "type": "Point", "coordinates": [1, 2] }}\n]}\n';
    const [f] = readFeatures(text);
    const out = putFeature(text, { ...f, properties: { name: 'A', description: 'new' } });
    expect(out).toBe(text.replace('"old"', '"new"'));
    const moved = putFeature(text, { ...f, geometry: { type: 'Point', coordinates: [3, 4] } });
    expect(readFeatures(moved)[0].geometry).toEqual({ type: 'Point', coordinates: [3, 4] });
    expect(moved.startsWith('{"type": "FeatureCollection", "features": [\n  {"type": "Feature", "id": "a", "properties": {"name": "A", "description": "old"}, "geometry": ')).toBe(true);
  });
});

describe('putFeature / deleteFeature touch only their feature', () => {
  test.each(files)('%s: changing one property of each feature changes exactly that line', (file) => {
    const text = readFileSync(resolve(dataRoot, file), 'utf8');
    for (const f of readFeatures(text)) {
      const changed = structuredClone(f) as Record<string, any>;
      changed.properties.description = 'CHANGED';
      const out = putFeature(text, changed as never);
      const d = changedLines(text, out);
      expect(d.removed, f.id).toHaveLength(1);
      expect(d.added).toEqual([d.removed[0].replace(/"description": ".*"(,?)$/, '"description": "CHANGED"$1')]);
      expect(readFeatures(out).map((x) => x.id)).toEqual(readFeatures(text).map((x) => x.id));
    }
  });

  test.each(files)('%s: deleting a feature removes its lines only, and the rest parses to the same features', (file) => {
    const text = readFileSync(resolve(dataRoot, file), 'utf8');
    const features = readFeatures(text);
    for (const f of features) {
      const out = deleteFeature(text, f.id);
      expect(readFeatures(out)).toEqual(features.filter((x) => x.id !== f.id));
      const d = changedLines(text, out);
      expect(d.added.length).toBeLessThanOrEqual(1); // at most the line that loses or keeps its comma
      if (formatCollection(readFeatures(text)) === text) expect(formatCollection(readFeatures(out))).toBe(out);
    }
  });

  test.each(files)('%s: appending a feature keeps every existing byte before it', (file) => {
    const text = readFileSync(resolve(dataRoot, file), 'utf8');
    const out = putFeature(text, point('brand-new-feature') as never);
    const lastClose = text.lastIndexOf('}', text.lastIndexOf(']'));
    expect(out.slice(0, lastClose + 1)).toBe(text.slice(0, lastClose + 1));
    expect(readFeatures(out).at(-1)).toEqual(point('brand-new-feature'));
    // A file in the atlas style stays in it.
    if (formatCollection(readFeatures(text)) === text) expect(formatCollection(readFeatures(out))).toBe(out);
  });
});

describe('key order', () => {
  test('an edited feature keeps its own key order, even an unusual one', () => {
    const text = `{\n  "type": "FeatureCollection",\n  "features": [\n    {\n      "id": "odd",\n      "type": "Feature",\n      "geometry": { "type": "Point", "coordinates": [1, 2] },\n      "properties": { "mode": "river", "name": "X" }\n    }\n  ]\n}\n`;
    const out = putFeature(text, { type: 'Feature', id: 'odd', properties: { name: 'Y', mode: 'river' }, geometry: { type: 'Point', coordinates: [1, 2] } });
    const keys = Object.keys(JSON.parse(out).features[0]);
    expect(keys).toEqual(['id', 'type', 'geometry', 'properties']);
    expect(Object.keys(JSON.parse(out).features[0].properties)).toEqual(['mode', 'name']);
  });

  test('new keys go where the canonical order puts them', () => {
    expect(Object.keys(orderKeysLike({ name: 1, kind: 1, citations: 1 }, { citations: 1, name: 1, kind: 1, name_zh: 1, geometry_basis: 1 }, ['name', 'name_zh', 'kind', 'geometry_basis', 'citations']))).toEqual([
      'name',
      'name_zh',
      'kind',
      'geometry_basis',
      'citations',
    ]);
  });

  test('a new file holds the feature in canonical order; deleting the only feature leaves an empty list', () => {
    const shuffled = { geometry: point('n').geometry, properties: point('n').properties, id: 'n', type: 'Feature' };
    const out = putFeature(null, shuffled);
    expect(Object.keys(JSON.parse(out).features[0])).toEqual(['type', 'id', 'properties', 'geometry']);
    expect(JSON.parse(deleteFeature(out, 'n')).features).toEqual([]);
    expect(readFeatures(putFeature(deleteFeature(out, 'n'), point('m') as never)).map((f) => f.id)).toEqual(['m']);
  });

  test('the input feature is not mutated', () => {
    const f = point('p');
    const before = structuredClone(f);
    putFeature(null, f as never);
    expect(f).toEqual(before);
  });

  test('putFeature with replaces renames a feature in place', () => {
    const text = formatCollection([point('a'), point('b'), point('c')]);
    const out = putFeature(text, point('b2') as never, 'b');
    expect(readFeatures(out).map((f) => f.id)).toEqual(['a', 'b2', 'c']);
  });
});
