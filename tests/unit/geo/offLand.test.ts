import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { indexLand } from '../../../src/lib/geo/landCheck.ts';
import { offLand } from '../../../src/lib/geo/offLand.ts';
import { haversineKm } from '../../../src/lib/geo/coords.ts';

// Two land squares at the equator with a 0.1° (about 11 km) strait between them.
const square = (x0: number, x1: number): FeatureCollection<Polygon>['features'][number] => ({
  type: 'Feature',
  properties: {},
  geometry: { type: 'Polygon', coordinates: [[[x0, -1], [x1, -1], [x1, 1], [x0, 1], [x0, -1]]] },
});
const land = indexLand({ type: 'FeatureCollection', features: [square(0, 1), square(1.1, 2)] });
const strait = haversineKm([1, 0], [1.1, 0]);

describe('offLand', () => {
  it('a line on land is not over water', () => {
    expect(offLand([[0.2, 0], [0.8, 0.5]], land).km).toBe(0);
  });

  it('measures the crossing of a strait to within one step, and says where it is', () => {
    const r = offLand([[0.5, 0], [1.5, 0]], land, 0.25);
    expect(Math.abs(r.km - strait)).toBeLessThanOrEqual(0.25);
    expect(r.from![0]).toBeGreaterThanOrEqual(1);
    expect(r.to![0]).toBeLessThanOrEqual(1.1);
  });

  it('walks a long segment in short steps: one straight segment across the strait still measures the crossing', () => {
    // One straight segment of about 167 km across the strait.
    expect(offLand([[0.25, 0], [1.75, 0]], land).km).toBeGreaterThan(strait - 0.25);
  });

  it('does not count positions the caller skips (the approach to a port)', () => {
    expect(offLand([[0.5, 0], [1.5, 0]], land, 0.25, (p) => p[0] > 0.95).km).toBe(0);
  });
});
