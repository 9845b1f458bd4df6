import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { indexPolygons, insideLengths } from '../../../src/lib/geo/insideLength.ts';
import { haversineKm } from '../../../src/lib/geo/coords.ts';

// A 0.2° × 0.2° lake at the equator (about 22 km across) with a 0.05° island,
// and a second, separate lake made of two parts (a MultiPolygon).
const lakes: FeatureCollection<Polygon | MultiPolygon> = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Square' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [[0, 0], [0.2, 0], [0.2, 0.2], [0, 0.2], [0, 0]],
          [[0.05, 0.05], [0.05, 0.1], [0.1, 0.1], [0.1, 0.05], [0.05, 0.05]],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { name: 'Twins' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [[[1, 0], [1.1, 0], [1.1, 0.1], [1, 0.1], [1, 0]]],
          [[[1.2, 0], [1.3, 0], [1.3, 0.1], [1.2, 0.1], [1.2, 0]]],
        ],
      },
    },
  ],
};
const index = indexPolygons(lakes, (p) => String(p.name));
const km = (a: number[], b: number[]) => haversineKm(a, b);

describe('insideLengths', () => {
  it('measures a straight crossing exactly, from shore to shore', () => {
    const runs = insideLengths([[-0.1, 0.15], [0.3, 0.15]], index);
    expect(runs).toHaveLength(1);
    expect(runs[0].name).toBe('Square');
    expect(runs[0].km).toBeCloseTo(km([0, 0.15], [0.2, 0.15]), 3);
    expect(runs[0].from[0]).toBeCloseTo(0, 6);
    expect(runs[0].to[0]).toBeCloseTo(0.2, 6);
  });

  it('does not count the part that crosses an island', () => {
    const runs = insideLengths([[-0.1, 0.075], [0.3, 0.075]], index);
    expect(runs[0].km).toBeCloseTo(km([0, 0.075], [0.2, 0.075]) - km([0.05, 0.075], [0.1, 0.075]), 3);
  });

  it('adds up the pieces inside one polygon across several segments and vertices', () => {
    // In at x=0, a vertex inside the lake, out at y=0.2.
    const runs = insideLengths([[-0.1, 0.15], [0.15, 0.15], [0.15, 0.3]], index);
    expect(runs[0].km).toBeCloseTo(km([0, 0.15], [0.15, 0.15]) + km([0.15, 0.15], [0.15, 0.2]), 3);
  });

  it('reports each part of a multi-part lake as its own polygon', () => {
    const runs = insideLengths([[0.9, 0.05], [1.4, 0.05]], index);
    expect(runs.map((r) => r.name)).toEqual(['Twins', 'Twins']);
    for (const r of runs) expect(r.km).toBeCloseTo(km([1, 0.05], [1.1, 0.05]), 3);
  });

  it('returns nothing for a line that stays on land or only touches the shore', () => {
    expect(insideLengths([[-0.1, -0.1], [0.3, -0.1]], index)).toEqual([]);
    expect(insideLengths([[-0.1, 0], [0.3, 0]], index)).toEqual([]);
  });

  it('finds a line that starts and ends inside without crossing a ring', () => {
    const runs = insideLengths([[0.12, 0.12], [0.18, 0.18]], index);
    expect(runs[0].km).toBeCloseTo(km([0.12, 0.12], [0.18, 0.18]), 3);
  });
});
