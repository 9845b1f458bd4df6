/**
 * Importing GeoJSON into the editor (issue 20, item 5): what geojson.io, uMap and QGIS write becomes drafts,
 * each uncited until the author cites it; every other input is refused with a message that says what is
 * wrong. The shipped features, exported as a file, come back with their geometry unchanged.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validateGeometry } from '../../../src/lib/atlas/geometryChecks.ts';
import { saveEdits, type EditorFile } from '../../../src/lib/editor/featureDraft.ts';
import { readFeatures } from '../../../src/lib/editor/featureFileEdit.ts';
import { draftFromImport, MAX_IMPORT_FEATURES, parseGeoJsonImport } from '../../../src/lib/editor/geojsonImport.ts';

const root = resolve(import.meta.dirname, '../../..', process.env.ATLAS_DATA_ROOT ?? '.');
const files: EditorFile[] = readdirSync(join(root, 'data/features')).map((f) => ({ path: `data/features/${f}`, token: 't', features: readFeatures(readFileSync(join(root, 'data/features', f), 'utf8')) }));

const problems = (text: string) => {
  const r = parseGeoJsonImport(text);
  return r.ok ? [] : r.problems;
};

// What the tools write (shapes as they export them; positions made up around Pingxiang and Nanning).
const GEOJSON_IO = JSON.stringify({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: {}, geometry: { coordinates: [106.74468234512201, 22.10699483275331], type: 'Point' } }],
});
const UMAP = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: 'Pingxiang rail port', description: 'Where the trains cross.', _umap_options: { color: 'Red' } }, geometry: { type: 'Point', coordinates: [106.75, 22.1] } },
    { type: 'Feature', properties: { name: 'Nanning–Pingxiang line' }, geometry: { type: 'LineString', coordinates: [[108.3, 22.8], [107.4, 22.4], [106.75, 22.1]] } },
  ],
  _umap_options: { name: 'Corridor sketch' },
});
const QGIS = JSON.stringify({
  type: 'FeatureCollection',
  name: 'zones',
  crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
  features: [{ type: 'Feature', properties: { fid: 1, Name: 'Sample zone', 'name:zh': '样例区' }, geometry: { type: 'MultiPolygon', coordinates: [[[[108, 22], [108.2, 22], [108.2, 22.2], [108, 22], [108, 22]]]] } }],
});

describe('what the mapping tools write', () => {
  test('geojson.io: a nameless point, its 15 decimals rounded to 5 and said so', () => {
    const r = parseGeoJsonImport(GEOJSON_IO);
    expect(r).toMatchObject({ ok: true, features: [{ name: '', geometry: { type: 'Point', coordinates: [106.74468, 22.10699] } }] });
    expect(r.ok && r.notes.join(' ')).toMatch(/2 coordinates were rounded to 5 decimals/);
  });

  test('uMap: names and descriptions come along, the styling does not', () => {
    const r = parseGeoJsonImport(UMAP);
    expect(r.ok && r.features.map((f) => [f.name, f.description, f.geometry.type])).toEqual([
      ['Pingxiang rail port', 'Where the trains cross.', 'Point'],
      ['Nanning–Pingxiang line', '', 'LineString'],
    ]);
    expect(r.ok && r.notes).toEqual([]);
  });

  test('QGIS: "Name" and "name:zh", a MultiPolygon; a bare geometry and a single Feature import too', () => {
    expect(parseGeoJsonImport(QGIS)).toMatchObject({ ok: true, features: [{ name: 'Sample zone', name_zh: '样例区', geometry: { type: 'MultiPolygon' } }] });
    expect(parseGeoJsonImport(JSON.stringify({ type: 'Point', coordinates: [106.75, 22.1] }))).toMatchObject({ ok: true, features: [{ name: '' }] });
    expect(parseGeoJsonImport(JSON.stringify(JSON.parse(UMAP).features[0]))).toMatchObject({ ok: true, features: [{ name: 'Pingxiang rail port' }] });
    expect(parseGeoJsonImport('\uFEFF' + GEOJSON_IO).ok).toBe(true);
  });
});

describe('refused, with what is wrong', () => {
  test('invalid JSON names the line and column', () => {
    expect(problems('{"type": "Point", "coordinates": [1, 2]')).toEqual([expect.stringMatching(/^not valid JSON: .* \(line 1, column \d+\)$/)]);
    expect(problems('')).toEqual([expect.stringMatching(/nothing to import/)]);
  });

  test('JSON that is not GeoJSON', () => {
    expect(problems('[1, 2]')).toEqual([expect.stringMatching(/^not GeoJSON/)]);
    expect(problems('{"type": "Topology", "objects": {}}')).toEqual([expect.stringMatching(/"type" is "Topology"/)]);
    expect(problems('{"type": "FeatureCollection"}')).toEqual([expect.stringMatching(/no "features" list/)]);
    expect(problems('{"type": "FeatureCollection", "features": []}')).toEqual([expect.stringMatching(/has no features/)]);
    expect(problems('{"type": "FeatureCollection", "features": [{"type": "Point", "coordinates": [1, 2]}]}')).toEqual([expect.stringMatching(/feature 1 is not a GeoJSON Feature/)]);
  });

  test('unsupported or missing geometry, named by the feature\'s name', () => {
    const fc = (geometry: unknown) => JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'X' }, geometry }] });
    expect(problems(fc({ type: 'GeometryCollection', geometries: [] }))).toEqual([expect.stringMatching(/feature 1 \("X"\): a GeometryCollection is not supported/)]);
    expect(problems(fc(null))).toEqual([expect.stringMatching(/feature 1 \("X"\) has no geometry/)]);
    expect(problems(fc({ type: 'Circle', coordinates: [1, 2] }))).toEqual([expect.stringMatching(/unsupported geometry type "Circle"/)]);
  });

  test('coordinates out of range, swapped, or a line of one place: the validator\'s own messages', () => {
    const point = (c: unknown) => JSON.stringify({ type: 'Point', coordinates: c });
    expect(problems(point([200, 30]))).toEqual([expect.stringMatching(/position \[200, 30\] is out of range/)]);
    expect(problems(point([22.1, 106.75]))).toEqual([expect.stringMatching(/out of range — it looks like \[lat, lon\] swapped/)]);
    expect(problems(JSON.stringify({ type: 'LineString', coordinates: [[1, 2], [1, 2]] }))).toEqual(validateGeometry({ type: 'LineString', coordinates: [[1, 2], [1, 2]] }).map((i) => expect.stringContaining(i.message)));
  });

  test('too many features: the limit is named', () => {
    const many = JSON.stringify({ type: 'FeatureCollection', features: Array.from({ length: MAX_IMPORT_FEATURES + 1 }, () => JSON.parse(UMAP).features[0]) });
    expect(problems(many)).toEqual([expect.stringMatching(new RegExp(`has ${MAX_IMPORT_FEATURES + 1} features; one import takes at most ${MAX_IMPORT_FEATURES}`))]);
  });
});

describe('drafts from an import', () => {
  test('each is uncited (the save refuses it until it is cited), keeps its geometry, and an area is a zone', () => {
    const r = parseGeoJsonImport(UMAP + '');
    const q = parseGeoJsonImport(QGIS);
    if (!r.ok || !q.ok) throw new Error('fixtures import');
    for (const f of [...r.features, ...q.features]) {
      const draft = draftFromImport(f, files, 'approximate');
      const p = draft.feature.properties as { name: string; kind: string; citations: unknown[]; references: unknown[] };
      expect(p.name).toBe(f.name);
      expect(p.citations).toEqual([]);
      expect(p.references).toEqual([]);
      expect(draft.feature.geometry).toEqual(f.geometry);
      expect(draft.originalId).toBeNull();
      if (f.geometry.type.endsWith('Polygon')) expect(p.kind).toBe('zone');
      const put = saveEdits({ ...draft, feature: { ...draft.feature, id: 'imported' } }).find((e) => e.kind === 'put-feature');
      expect(put && 'replaces' in put).toBe(false);
    }
  });

  test('the shipped features, exported as files of at most the limit, import with their geometry and names unchanged', () => {
    for (const file of files) {
      const withGeometry = file.features.filter((f) => f.geometry);
      for (let i = 0; i < withGeometry.length; i += MAX_IMPORT_FEATURES) {
        const part = withGeometry.slice(i, i + MAX_IMPORT_FEATURES);
        const r = parseGeoJsonImport(JSON.stringify({ type: 'FeatureCollection', features: part }));
        expect(r.ok ? [] : r.problems, file.path).toEqual([]);
        if (!r.ok) continue;
        expect(r.features.map((f) => f.geometry)).toEqual(part.map((f) => f.geometry));
        expect(r.features.map((f) => f.name)).toEqual(part.map((f) => (f.properties as { name: string }).name));
        expect(r.notes).toEqual([]);
      }
    }
  });
});
