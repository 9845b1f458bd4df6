import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Geometry, Position } from 'geojson';
import { findSwappedPoints, swappedVertices } from '../../../src/lib/atlas/swappedPositions.ts';
import { compileAtlas } from '../../../src/lib/atlas/compile.ts';
import { validateGeometry } from '../../../src/lib/atlas/geometryChecks.ts';
import { readDataFiles } from '../../../scripts/data-files.ts';

const warsaw: Position = [21.01, 52.23];
const lodz: Position = [19.456, 51.7592];
const wroclaw: Position = [17.03, 51.11];
const berlin: Position = [13.4, 52.52];
const swap = ([lon, lat]: Position): Position => [lat, lon];

describe('swappedVertices', () => {
  it('finds an inner vertex whose swap sits between its neighbours', () => {
    expect(swappedVertices([warsaw, swap(lodz), wroclaw])).toEqual([1]);
  });

  it('finds a swapped end when its neighbour is sound, and only that end', () => {
    expect(swappedVertices([swap(warsaw), lodz, wroclaw, berlin])).toEqual([0]);
    expect(swappedVertices([warsaw, lodz, wroclaw, swap(berlin)])).toEqual([3]);
  });

  it('does not blame the ends next to a swapped inner vertex', () => {
    expect(swappedVertices([warsaw, swap(lodz), wroclaw])).not.toContain(0);
    expect(swappedVertices([warsaw, swap(lodz), wroclaw])).not.toContain(2);
  });

  it('leaves a two-position line alone: either end could be the swapped one', () => {
    expect(swappedVertices([warsaw, swap(lodz)])).toEqual([]);
  });

  it('accepts long sparse legs and positions east of 90°, which cannot be swapped in range', () => {
    const sea: Position[] = [[103.77, 1.26], [80.0, 5.8], [43.4, 12.6], [32.5, 29.9], [4.05, 51.95]];
    expect(swappedVertices(sea)).toEqual([]);
    expect(swappedVertices([[106.4, 29.6], [82.57, 45.17], [19.55, 51.74]])).toEqual([]);
  });
});

describe('findSwappedPoints', () => {
  const point = (id: string, at: Position) => ({ id, geometry: { type: 'Point', coordinates: at } as Geometry });
  const route = { id: 'route', geometry: { type: 'LineString', coordinates: [warsaw, lodz, wroclaw] } as Geometry };

  it('finds a point far from everything whose swap lands on another feature', () => {
    const [hit, ...rest] = findSwappedPoints([route, point('terminal', swap(lodz))]);
    expect(rest).toEqual([]);
    expect(hit.featureId).toBe('terminal');
    expect(hit.swapped).toEqual(lodz);
    expect(hit.swappedKm).toBeLessThan(1);
    expect(hit.writtenKm).toBeGreaterThan(4000);
  });

  it('accepts a point that is simply far from the rest, and a point alone', () => {
    expect(findSwappedPoints([route, point('mombasa', [39.67, -4.05])])).toEqual([]);
    expect(findSwappedPoints([point('alone', swap(lodz))])).toEqual([]);
  });

  it('accepts a point that has neighbours where it is written', () => {
    const oman = point('oman-port', [51.7, 19.5]);
    expect(findSwappedPoints([route, oman, point('terminal', swap(lodz))])).toEqual([]);
  });

  it('finds nothing in the shipped data', () => {
    const atlas = compileAtlas(readDataFiles(resolve(import.meta.dirname, '../../..'))).atlas!;
    expect(findSwappedPoints(atlas.features)).toEqual([]);
    for (const f of atlas.features) {
      const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : [];
      for (const l of lines) expect(swappedVertices(l), f.id).toEqual([]);
    }
  });
});

describe('validateGeometry reports in-range swaps', () => {
  it('in a line and in a polygon ring, with the fix', () => {
    const line = validateGeometry({ type: 'LineString', coordinates: [warsaw, swap(lodz), wroclaw] });
    expect(line.map((i) => i.message)).toEqual([expect.stringMatching(/^LineString\[1\]: position \[51\.7592, 19\.456\] is \d+ km from the positions beside it — it looks like \[lat, lon\] swapped$/)]);
    expect(line[0].hint).toBe('GeoJSON is [longitude, latitude]: write [19.456, 51.7592]');
    expect(line[0].path).toEqual([1]);
    const ring = validateGeometry({ type: 'Polygon', coordinates: [[warsaw, swap(lodz), wroclaw, berlin, warsaw]] });
    expect(ring.map((i) => i.path)).toEqual([[0, 1]]);
    expect(ring[0].message).toMatch(/^Polygon ring 0\[1\]: position \[51\.7592, 19\.456\]/);
  });
});
