import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import type { Topology } from 'topojson-specification';
import { buildBasemap, planarLines, planarRings, unwrapRing } from '../../../src/lib/map/basemap.ts';

describe('unwrapRing', () => {
  test('removes the jump at the antimeridian', () => {
    const r = unwrapRing([[179, 60], [-179, 61], [-178, 62]]);
    expect(r.map((p) => p[0])).toEqual([179, 181, 182]);
  });
});

describe('planarRings', () => {
  test('splits a ring that crosses the antimeridian into two rings inside ±180', () => {
    const ring = [[178, 60], [-178, 60], [-178, 62], [178, 62], [178, 60]];
    const rings = planarRings(ring);
    expect(rings).toHaveLength(2);
    for (const r of rings) for (const [x] of r) expect(Math.abs(x)).toBeLessThanOrEqual(180);
    // No edge spans the world.
    for (const r of rings) for (let i = 1; i < r.length; i++) expect(Math.abs(r[i][0] - r[i - 1][0])).toBeLessThanOrEqual(180);
  });

  test('closes a pole-encircling ring along the pole instead of across the map', () => {
    const ring = [[-180, -70], [-90, -72], [0, -70], [90, -71], [180, -70]];
    const rings = planarRings(ring);
    expect(rings.length).toBeGreaterThanOrEqual(1);
    const ys = rings.flat().map((p) => p[1]);
    expect(Math.min(...ys)).toBeLessThan(-85);
  });

  test('does not mutate its input', () => {
    const ring = [[178, 60], [-178, 60], [-178, 62], [178, 62], [178, 60]];
    const copy = structuredClone(ring);
    planarRings(ring);
    expect(ring).toEqual(copy);
  });
});

describe('planarLines', () => {
  test('breaks a line where it jumps across the antimeridian', () => {
    expect(planarLines([[[170, 0], [179, 0], [-179, 0], [-170, 0]]]).coordinates).toHaveLength(2);
  });
});

describe('buildBasemap on world-atlas 50m', () => {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
  const { land, borders } = buildBasemap(topology);

  test('no land edge spans more than 180° of longitude (no band across the map), except along the bottom edge of the map', () => {
    let worst = 0;
    for (const poly of land.features[0].geometry.coordinates)
      for (const ring of poly)
        for (let i = 1; i < ring.length; i++) {
          const atMapEdge = Math.abs(ring[i][1]) > 85 && Math.abs(ring[i - 1][1]) > 85;
          if (!atMapEdge) worst = Math.max(worst, Math.abs(ring[i][0] - ring[i - 1][0]));
        }
    expect(worst).toBeLessThan(180);
  });

  test('all land stays within the world and Mercator latitude limits', () => {
    for (const poly of land.features[0].geometry.coordinates)
      for (const ring of poly)
        for (const [x, y] of ring) {
          expect(Math.abs(x)).toBeLessThanOrEqual(180);
          expect(Math.abs(y)).toBeLessThanOrEqual(85.06);
        }
  });

  test('borders never jump across the antimeridian', () => {
    for (const line of borders.features[0].geometry.coordinates)
      for (let i = 1; i < line.length; i++) expect(Math.abs(line[i][0] - line[i - 1][0])).toBeLessThan(180);
  });
});
