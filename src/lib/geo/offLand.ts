/**
 * How much of a land route runs over water: the line is walked in short
 * steps and every step whose midpoint lies outside the land polygons counts.
 * Sampling every 10 km (landCheck.waterPoints) misses a 13 km crossing of an
 * inlet; this walks every 250 m. To stay fast on continent-sized polygons,
 * each segment is tested only against the land clipped to a small box round
 * it (turf `bboxClip`). Pure: the land is passed in.
 */
import { bboxClip, booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { haversineKm } from './coords.ts';
import type { LandIndex } from './landCheck.ts';

export interface OffLand {
  /** Length of the line over water, km. */
  km: number;
  /** The first and last sampled positions over water (empty when none). */
  from?: Position;
  to?: Position;
}

/** Margin round a segment's box, degrees: keeps the segment inside the clipped land, off the clip's own edges. */
const MARGIN = 0.02;

/** `skip`: positions not to count (e.g. the approach to a port whose reclaimed terminals the coastline lacks). */
export function offLand(coords: Position[], land: LandIndex, stepKm = 0.25, skip: (p: Position) => boolean = () => false): OffLand {
  const out: OffLand = { km: 0 };
  for (let i = 1; i < coords.length; i++) {
    const a = coords[i - 1];
    const b = coords[i];
    const box: [number, number, number, number] = [Math.min(a[0], b[0]) - MARGIN, Math.min(a[1], b[1]) - MARGIN, Math.max(a[0], b[0]) + MARGIN, Math.max(a[1], b[1]) + MARGIN];
    const near: Feature<Polygon | MultiPolygon>[] = land.polygons
      .filter(({ box: p }) => !(box[0] > p[2] || box[2] < p[0] || box[1] > p[3] || box[3] < p[1]))
      .map(({ poly }) => bboxClip(poly, box) as Feature<Polygon>)
      .filter((f) => f.geometry.coordinates.length > 0);
    const km = haversineKm(a, b);
    const steps = Math.max(1, Math.ceil(km / stepKm));
    for (let k = 0; k < steps; k++) {
      const t = (k + 0.5) / steps;
      const p: Position = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
      if (skip(p) || near.some((poly) => booleanPointInPolygon(point(p), poly))) continue;
      out.km += km / steps;
      out.from ??= p;
      out.to = p;
    }
  }
  return out;
}
