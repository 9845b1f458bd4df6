import { describe, expect, it } from 'vitest';
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { buildRiverGraph, polylineKm, riverPath, snapToGraph } from '../../../src/lib/geo/riverPath.ts';
import { ccwRing, densifyGreatCircle, haversineKm, ringSignedArea, roundLine } from '../../../src/lib/geo/coords.ts';

// A small synthetic network: a main stem with a 0.5 km gap between two parts,
// a tributary joining at a shared vertex, and a lake line that must be ignored.
const net: FeatureCollection<LineString | MultiLineString> = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name_en: 'Main', featurecla: 'River' },
      geometry: {
        type: 'MultiLineString',
        coordinates: [
          [[0, 0], [1, 0], [2, 0.5]],
          [[2.004, 0.5], [3, 0.5], [4, 0]],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { name_en: 'Trib', featurecla: 'River' },
      geometry: { type: 'LineString', coordinates: [[1, 1], [1, 0]] },
    },
    {
      type: 'Feature',
      properties: { name_en: 'Main', featurecla: 'Lake Centerline' },
      geometry: { type: 'LineString', coordinates: [[0, 0], [4, 0]] },
    },
  ],
};
const onlyMainRiver = (f: { properties: Record<string, unknown> | null }) =>
  f.properties?.name_en === 'Main' && f.properties?.featurecla === 'River';

describe('riverPath', () => {
  const g = buildRiverGraph(net as Parameters<typeof buildRiverGraph>[0], { filter: onlyMainRiver as never, joinToleranceKm: 1 });

  it('snaps points to the nearest segment', () => {
    const s = snapToGraph(g, [0.5, 0.05]);
    expect(s.point[0]).toBeCloseTo(0.5, 5);
    expect(s.point[1]).toBeCloseTo(0, 5);
    expect(s.distKm).toBeCloseTo(haversineKm([0.5, 0.05], [0.5, 0]), 3);
  });

  it('follows the network across a small gap, not the filtered-out straight lake line', () => {
    const r = riverPath(g, [0.5, 0.01], [3.5, 0.26], { simplifyTolerance: 0 });
    expect(r.coordinates[0]).toEqual([0.5, 0]);
    expect(r.coordinates).toContainEqual([2, 0.5]);
    expect(r.coordinates).toContainEqual([3, 0.5]);
    const last = r.coordinates[r.coordinates.length - 1];
    expect(haversineKm(last, [3.5, 0.26])).toBeLessThan(2);
    expect(r.lengthKm).toBeGreaterThan(haversineKm([0.5, 0], [3.5, 0.25]));
  });

  it('returns the straight piece when both points fall on one segment', () => {
    const r = riverPath(g, [0.2, 0], [0.7, 0], { simplifyTolerance: 0 });
    expect(r.coordinates).toEqual([
      [0.2, 0],
      [0.7, 0],
    ]);
  });

  it('refuses points far from the river', () => {
    expect(() => riverPath(g, [0.5, 2], [3, 0.5], { maxSnapKm: 10 })).toThrow(/from the river/);
  });

  it('rounds to 5 decimals', () => {
    const r = riverPath(g, [0.123456789, 0], [3.3333333, 0.3333333]);
    for (const [x, y] of r.coordinates) {
      expect(Math.round(x * 1e5) / 1e5).toBe(x);
      expect(Math.round(y * 1e5) / 1e5).toBe(y);
    }
    expect(polylineKm(r.coordinates)).toBeGreaterThan(0);
  });
});

describe('coords helpers', () => {
  it('densifies long legs along the great circle and keeps the waypoints', () => {
    const out = densifyGreatCircle([[0, 0], [10, 0], [10, 0.1]], 100);
    expect(out[0]).toEqual([0, 0]);
    expect(out).toContainEqual([10, 0]);
    expect(out[out.length - 1]).toEqual([10, 0.1]);
    for (let i = 1; i < out.length; i++) expect(haversineKm(out[i - 1], out[i])).toBeLessThanOrEqual(100.5);
  });

  it('closes rings and makes them counter-clockwise', () => {
    const r = ccwRing([[0, 0], [0, 1], [1, 1], [1, 0]]);
    expect(r[0]).toEqual(r[r.length - 1]);
    expect(ringSignedArea(r)).toBeGreaterThan(0);
  });

  it('rounds and de-duplicates', () => {
    expect(roundLine([[1.000001, 2], [1.000002, 2], [3, 4]])).toEqual([[1, 2], [3, 4]]);
  });
});
