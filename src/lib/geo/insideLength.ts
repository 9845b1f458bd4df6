/**
 * How far does a polyline run inside each of a set of polygons (lakes)?
 *
 * Exact for the polyline as stored: every segment is cut at each point where
 * it crosses a polygon ring (turf `lineIntersect`), and each piece counts as
 * inside when its midpoint lies in the polygon (turf `booleanPointInPolygon`,
 * holes — islands — excluded). Piece lengths are great-circle distances.
 * Pure: the polygons are passed in.
 */
import { bbox, booleanPointInPolygon, lineIntersect, lineString, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { haversineKm } from './coords.ts';

export interface NamedPolygon {
  name: string;
  poly: Feature<Polygon>;
  box: [number, number, number, number];
}

/** One entry per single polygon (a MultiPolygon's parts become separate entries with the same name). */
export function indexPolygons(fc: FeatureCollection<Polygon | MultiPolygon>, nameOf: (props: Record<string, unknown>) => string): NamedPolygon[] {
  const out: NamedPolygon[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of polys) {
      const poly: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: rings } };
      out.push({ name: nameOf(f.properties ?? {}), poly, box: bbox(poly) as [number, number, number, number] });
    }
  }
  return out;
}

export interface InsideRun {
  /** The polygon's name. */
  name: string;
  /** Total length of the line inside this one polygon, km. */
  km: number;
  /** Where the longest inside piece starts and ends. */
  from: Position;
  to: Position;
}

/** Parameter (0..1) of `p` along the segment a→b (p is on the segment). */
function along(a: Position, b: Position, p: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return 0;
  return Math.min(1, Math.max(0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
}

/**
 * For every polygon the line enters, the total length inside it. Polygons the
 * line never enters are left out; the result is sorted longest first.
 */
export function insideLengths(coords: Position[], polygons: NamedPolygon[]): InsideRun[] {
  const runs = new Map<NamedPolygon, InsideRun & { longest: number }>();
  for (let i = 0; i < coords.length - 1; i++) {
    const a = coords[i];
    const b = coords[i + 1];
    const sb = [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])];
    for (const entry of polygons) {
      const { poly, box } = entry;
      if (sb[0] > box[2] || sb[2] < box[0] || sb[1] > box[3] || sb[3] < box[1]) continue;
      const cuts = lineIntersect(lineString([a, b]), poly).features.map((x) => along(a, b, x.geometry.coordinates));
      const ts = [0, ...cuts, 1].sort((x, y) => x - y);
      for (let k = 0; k < ts.length - 1; k++) {
        const t0 = ts[k];
        const t1 = ts[k + 1];
        if (t1 - t0 < 1e-12) continue;
        const at = (t: number): Position => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
        if (!booleanPointInPolygon(point(at((t0 + t1) / 2)), poly, { ignoreBoundary: true })) continue;
        const from = at(t0);
        const to = at(t1);
        const km = haversineKm(from, to);
        const run = runs.get(entry) ?? { name: entry.name, km: 0, from, to, longest: 0 };
        run.km += km;
        if (km > run.longest) Object.assign(run, { longest: km, from, to });
        runs.set(entry, run);
      }
    }
  }
  return [...runs.values()].map(({ name, km, from, to }) => ({ name, km, from, to })).sort((x, y) => y.km - x.km);
}
