/** Small, pure coordinate helpers shared by the geometry derivation code. */
import { greatCircle, point } from '@turf/turf';
import type { Position } from 'geojson';

export type LonLat = [number, number];

const R_KM = 6371.0088;

/** Great-circle distance between two [lon, lat] positions, km. */
export function haversineKm(a: Position, b: Position): number {
  const toRad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * toRad;
  const dLon = (b[0] - a[0]) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * toRad) * Math.cos(b[1] * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * R_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Round a position to `decimals` places (default 5, the atlas maximum). */
export function roundPosition(p: Position, decimals = 5): LonLat {
  const f = 10 ** decimals;
  return [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
}

/** Round and drop consecutive duplicates. */
export function roundLine(coords: Position[], decimals = 5): LonLat[] {
  const out: LonLat[] = [];
  for (const c of coords) {
    const r = roundPosition(c, decimals);
    const last = out[out.length - 1];
    if (!last || last[0] !== r[0] || last[1] !== r[1]) out.push(r);
  }
  return out;
}

/**
 * Densify a polyline along great circles: every leg longer than `stepKm` gets
 * intermediate great-circle points (turf greatCircle), so long sea legs and
 * cooperation arcs curve the way they do on the globe.
 */
export function densifyGreatCircle(waypoints: Position[], stepKm = 100): LonLat[] {
  const out: LonLat[] = [];
  for (let i = 0; i < waypoints.length; i++) {
    const a = waypoints[i];
    if (i === 0) {
      out.push([a[0], a[1]]);
      continue;
    }
    const prev = waypoints[i - 1];
    const d = haversineKm(prev, a);
    const n = Math.ceil(d / stepKm);
    if (n >= 2) {
      const gc = greatCircle(point(prev as number[]), point(a as number[]), { npoints: n + 1 });
      if (gc.geometry.type === 'LineString') {
        const pts = gc.geometry.coordinates;
        for (let k = 1; k < pts.length - 1; k++) out.push([pts[k][0], pts[k][1]]);
      }
    }
    out.push([a[0], a[1]]);
  }
  return out;
}

/** Signed area (shoelace, planar lon/lat); > 0 means counter-clockwise. */
export function ringSignedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

/** Close a ring and orient it counter-clockwise (RFC 7946 exterior ring). */
export function ccwRing(ring: Position[]): LonLat[] {
  const r = ring.map((p) => [p[0], p[1]] as LonLat);
  const first = r[0];
  const last = r[r.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) r.push([first[0], first[1]]);
  return ringSignedArea(r) < 0 ? r.reverse() : r;
}
