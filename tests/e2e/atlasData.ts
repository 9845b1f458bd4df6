/** The compiled atlas, read on the Node side so tests can aim at real features. */
import { resolve } from 'node:path';
import { booleanPointInPolygon, distance, pointToLineDistance } from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { compileAtlas } from '../../src/lib/atlas/compile.ts';
import type { Atlas, AtlasFeature } from '../../src/lib/atlas/types.ts';
import { readDataFiles } from '../../scripts/data-files.ts';

let cached: Atlas | null = null;

export function loadAtlas(): Atlas {
  if (cached) return cached;
  const r = compileAtlas(readDataFiles(resolve(import.meta.dirname, '../..')));
  if (!r.atlas) throw new Error('data/ does not compile: run npm run check');
  return (cached = r.atlas);
}

export function feature(id: string): AtlasFeature {
  const f = loadAtlas().features.find((x) => x.id === id);
  if (!f) throw new Error(`no feature ${id} in data/`);
  return f;
}

function lines(f: AtlasFeature): Position[][] {
  const g = f.geometry;
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

/**
 * A vertex of `f` that lies at least `clearKm` from every other line and point
 * of the atlas, so a click there hits `f` alone. Null when there is none.
 */
export function isolatedVertex(f: AtlasFeature, clearKm: number): Position | null {
  const others = loadAtlas().features.filter((o) => o.id !== f.id);
  for (const line of lines(f)) {
    for (let i = Math.floor(line.length / 2), step = 0; step < line.length; step++) {
      const v = line[(i + step) % line.length];
      const clear = others.every((o) => {
        if (o.geometry.type === 'Point') {
          const [x, y] = o.geometry.coordinates;
          return Math.hypot((x - v[0]) * Math.cos((y * Math.PI) / 180), y - v[1]) * 111 > clearKm;
        }
        if (o.geometry.type === 'LineString' || o.geometry.type === 'MultiLineString') {
          return lines(o).every((l) => pointToLineDistance(v, { type: 'LineString', coordinates: l } as LineString) > clearKm);
        }
        return true;
      });
      if (clear) return v;
    }
  }
  return null;
}

export type { MultiLineString };

/** The zones (Polygon, MultiPolygon features) that contain a position: a click there on empty ground selects the smallest. */
export function zonesAt(at: Position): AtlasFeature[] {
  return loadAtlas().features.filter((f) => (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') && booleanPointInPolygon(at, f as Feature<Polygon | MultiPolygon>));
}

/** Kilometres from a position to the nearest line or point of the atlas (zones, and the feature `except`, are not counted). */
export function clearanceKm(at: Position, except?: string): number {
  let best = Infinity;
  for (const o of loadAtlas().features) {
    if (o.id === except) continue;
    const g = o.geometry;
    if (g.type === 'Point') {
      const [x, y] = g.coordinates;
      best = Math.min(best, Math.hypot((x - at[0]) * Math.cos((y * Math.PI) / 180), y - at[1]) * 111.2);
    } else for (const l of lines(o)) best = Math.min(best, pointToLineDistance(at, { type: 'LineString', coordinates: l } as LineString));
  }
  return best;
}

/** Empty ground: outside every zone and at least `clearKm` from every line and point. */
export const isEmptyGround = (at: Position, clearKm: number) => zonesAt(at).length === 0 && clearanceKm(at) >= clearKm;

/** The point feature with the most other points within about 150 km: where labels crowd (from the data, whatever it holds). */
export function densestPoint(): [number, number] {
  const pts = loadAtlas().features.filter((f) => f.geometry.type === 'Point').map((f) => (f.geometry as { coordinates: number[] }).coordinates as [number, number]);
  const near = (p: [number, number]) => pts.filter((q) => Math.hypot(q[0] - p[0], q[1] - p[1]) < 1.5).length;
  return pts.reduce((best, p) => (near(p) > near(best) ? p : best));
}

/** A point feature of the atlas with its position. */
export interface PointFeature {
  feature: AtlasFeature;
  at: [number, number];
}

export function points(): PointFeature[] {
  return loadAtlas().features.flatMap((f) => (f.geometry.type === 'Point' ? [{ feature: f, at: f.geometry.coordinates as [number, number] }] : []));
}

/** The point features at least `clearKm` from every other line and point, most isolated first: a click or hover there hits that point alone. */
export function isolatedPoints(clearKm: number): PointFeature[] {
  return points()
    .map((p) => ({ p, clear: clearanceKm(p.at, p.feature.id) }))
    .filter(({ clear }) => clear >= clearKm)
    .sort((a, b) => b.clear - a.clear)
    .map(({ p }) => p);
}

/**
 * The point features with a line of the atlas passing within `withinKm` and no other point
 * within `clearOfPointsKm`, the most lines first: a click there hits lines too, but no other symbol.
 */
export function pointsOnLines(withinKm: number, clearOfPointsKm: number): PointFeature[] {
  const all = points();
  const linesNear = (p: PointFeature) =>
    loadAtlas().features.filter((o) => lines(o).some((l) => pointToLineDistance(p.at, { type: 'LineString', coordinates: l } as LineString) <= withinKm)).length;
  const clearOfPoints = (p: PointFeature) => all.every((q) => q === p || distance(p.at, q.at) > clearOfPointsKm);
  return all
    .filter(clearOfPoints)
    .map((p) => ({ p, n: linesNear(p) }))
    .filter(({ n }) => n > 0)
    .sort((a, b) => b.n - a.n)
    .map(({ p }) => p);
}
