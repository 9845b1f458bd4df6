/**
 * Positions that are within range but look like [lat, lon] written where
 * GeoJSON wants [lon, lat]. Out-of-range swaps are caught position by position
 * (geometryChecks.ts); an in-range swap (Łódź at [51.76, 19.46] lands in Oman)
 * only shows against its surroundings:
 * - a line vertex far from its neighbours whose swap sits among them;
 * - a point far from everything else in the atlas whose swap lands on it.
 */
import KDBush from 'kdbush';
import { around, distance } from 'geokdbush';
import { coordAll } from '@turf/turf';
import type { Geometry, Position } from 'geojson';

/** A vertex or point this far from its context is suspicious… */
const FAR_KM = 500;
/** …when its swap is at least this many times closer to it… */
const RATIO = 10;
/** …and, for a point, lands this close to another feature. */
const NEAR_KM = 100;

const swap = ([lon, lat]: Position): Position => [lat, lon];
const swappable = ([lon]: Position) => Math.abs(lon) <= 90;
const km = (a: Position, b: Position) => distance(a[0], a[1], b[0], b[1]);

function looksSwapped(writtenKm: number, swappedKm: number): boolean {
  return writtenKm > FAR_KM && swappedKm * RATIO < writtenKm;
}

function fitsBetter(p: Position, neighbours: Position[]): boolean {
  const s = swap(p);
  return swappable(p) && neighbours.every((q) => looksSwapped(km(p, q), km(s, q)));
}

/**
 * Indexes of the vertices of a line whose swap fits their neighbours far
 * better than the vertex as written. An inner vertex is judged by both
 * neighbours; an end only by a neighbour that is itself above suspicion, and
 * not at all on a two-position line, where either end could be the swapped one.
 * Positions must already be valid [lon, lat].
 */
export function swappedVertices(line: Position[]): number[] {
  const inner = new Set<number>();
  for (let i = 1; i < line.length - 1; i++) if (fitsBetter(line[i], [line[i - 1], line[i + 1]])) inner.add(i);
  const ends: number[] = [];
  const last = line.length - 1;
  if (line.length >= 3) {
    if (!inner.has(1) && fitsBetter(line[0], [line[1]])) ends.push(0);
    if (!inner.has(last - 1) && fitsBetter(line[last], [line[last - 1]])) ends.push(last);
  }
  return [...inner, ...ends].sort((a, b) => a - b);
}

export interface SwappedPoint {
  featureId: string;
  written: Position;
  swapped: Position;
  /** Distance from the written position to the nearest other feature. */
  writtenKm: number;
  /** Distance from the swapped position to the nearest other feature. */
  swappedKm: number;
}

/** Point features whose [lon, lat] reads as [lat, lon] against the rest of the atlas. */
export function findSwappedPoints(features: { id: string; geometry: Geometry }[]): SwappedPoint[] {
  const owner: number[] = [];
  const all: Position[] = [];
  features.forEach((f, i) => {
    for (const p of coordAll(f.geometry)) {
      all.push(p);
      owner.push(i);
    }
  });
  if (all.length === 0) return [];
  const index = new KDBush(all.length);
  for (const [lon, lat] of all) index.add(lon, lat);
  index.finish();
  const nearestKm = (p: Position, self: number, within: number): number => {
    const [hit] = around(index, p[0], p[1], 1, within, (j) => owner[j] !== self);
    return hit === undefined ? Number.POSITIVE_INFINITY : km(p, all[hit]);
  };
  const out: SwappedPoint[] = [];
  features.forEach((f, i) => {
    if (f.geometry.type !== 'Point' || !swappable(f.geometry.coordinates)) return;
    const written = f.geometry.coordinates;
    const swapped = swap(written);
    const swappedKm = nearestKm(swapped, i, NEAR_KM);
    if (!Number.isFinite(swappedKm)) return; // the swap lands on nothing
    const writtenKm = nearestKm(written, i, Number.POSITIVE_INFINITY);
    if (looksSwapped(writtenKm, swappedKm)) out.push({ featureId: f.id, written, swapped, writtenKm, swappedKm });
  });
  return out;
}
