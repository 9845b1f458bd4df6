import { describe, expect, test } from 'vitest';
import { renderFeatures, unionBounds } from '../../../src/lib/map/renderData.ts';
import type { AtlasFeature } from '../../../src/lib/atlas/types.ts';

const line = (id: string, coordinates: number[][], extra: Partial<AtlasFeature['properties']> = {}, type: 'LineString' | 'MultiLineString' = 'LineString'): AtlasFeature => ({
  type: 'Feature',
  id,
  geometry: type === 'LineString' ? { type, coordinates } : { type, coordinates: coordinates as unknown as number[][][] },
  properties: { name: id, kind: 'river-route', mode: 'river', description: '', geometry_basis: 'surveyed', citations: [], references: [], ...extra },
});

describe('renderFeatures', () => {
  test('splits a multi-leg route into one line per leg, coloured by the leg mode, sharing the feature id', () => {
    const f = line('r', [[[0, 0], [1, 0]], [[1, 0], [2, 1]]] as unknown as number[][], { kind: 'river-sea-route', mode: 'multimodal', legs: ['river', 'sea'] }, 'MultiLineString');
    const out = renderFeatures([f]).features;
    expect(out.map((p) => [p.properties.fid, p.properties.mode, p.geometry.type])).toEqual([
      ['r', 'river', 'LineString'],
      ['r', 'sea', 'LineString'],
    ]);
  });

  test('with a mode filter, each leg follows its own mode: the rail leg of a rail-and-sea route is drawn alone', () => {
    const f = line('w', [[[0, 0], [1, 0]], [[1, 0], [2, 1]]] as unknown as number[][], { kind: 'land-sea-corridor', mode: 'multimodal', legs: ['rail', 'sea'] }, 'MultiLineString');
    const port: AtlasFeature = { ...line('p', []), geometry: { type: 'Point', coordinates: [1, 0] }, properties: { ...line('p', []).properties, kind: 'port', mode: 'sea' } };
    const out = renderFeatures([f, port, line('river', [[5, 5], [6, 6]])], new Set(['rail'])).features;
    expect(out.map((p) => [p.properties.fid, p.properties.mode])).toEqual([
      ['w', 'rail'],
      ['p', 'sea'],
    ]);
  });

  test('lines along the same stretch get different lanes; a line elsewhere stays centred', () => {
    const a = line('a', [[110, 30], [112, 30]]);
    const b = line('b', [[110.5, 30.001], [111.5, 30.001]]);
    const c = line('c', [[100, 20], [101, 20]]);
    const lanes = Object.fromEntries(renderFeatures([b, a, c]).features.map((p) => [p.properties.fid, p.properties.lane]));
    expect(lanes).toEqual({ a: 0, b: 1, c: 0 });
  });

  test('the legs of one route keep one lane', () => {
    const r = line('r', [[[110, 30], [112, 30]], [[112, 30], [113, 31]]] as unknown as number[][], { legs: ['river', 'sea'] }, 'MultiLineString');
    const other = line('o', [[110, 30], [112, 30]]);
    const pieces = renderFeatures([other, r]).features.filter((p) => p.properties.fid === 'r');
    expect(new Set(pieces.map((p) => p.properties.lane)).size).toBe(1);
  });

  test('draws the same selection once for both maps, and anew when the selection or the modes change', () => {
    const features = [line('a', [[110, 30], [112, 30]]), line('b', [[110, 30], [112, 30]], { mode: 'rail', kind: 'rail-corridor' })];
    const first = renderFeatures(features, new Set(['river', 'rail']));
    expect(renderFeatures(features, new Set(['rail', 'river']))).toBe(first);
    const riverOnly = renderFeatures(features, new Set(['river']));
    expect(riverOnly).not.toBe(first);
    expect(riverOnly.features.map((p) => p.properties.fid)).toEqual(['a']);
    expect(renderFeatures([...features], new Set(['river', 'rail']))).not.toBe(first);
  });

  test('does not mutate the atlas features', () => {
    const a = line('a', [[110, 30], [112, 30]]);
    const copy = structuredClone(a);
    renderFeatures([a, line('b', [[110, 30], [112, 30]])]);
    expect(a).toEqual(copy);
  });
});

test('unionBounds', () => {
  expect(unionBounds([[0, 0, 1, 1], [-1, 2, 0.5, 3]])).toEqual([-1, 0, 1, 3]);
});
