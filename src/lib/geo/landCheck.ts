/**
 * Does a line cross land? Pure: the land polygons are passed in (e.g. the
 * world-atlas land-50m TopoJSON converted with topojson-client).
 */
import { bbox, booleanPointInPolygon, length, lineIntersect, lineSliceAlong, lineString, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

export interface LandIndex {
  polygons: { poly: Feature<Polygon>; box: [number, number, number, number] }[];
}

/** Split land (Polygon/MultiPolygon features) into single polygons with bounding boxes. */
export function indexLand(land: Feature<Polygon | MultiPolygon> | FeatureCollection<Polygon | MultiPolygon>): LandIndex {
  const feats = land.type === 'FeatureCollection' ? land.features : [land];
  const polygons: LandIndex['polygons'] = [];
  for (const f of feats) {
    const g = f.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of polys) {
      const poly: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: rings } };
      polygons.push({ poly, box: bbox(poly) as [number, number, number, number] });
    }
  }
  return { polygons };
}

export interface LandHit {
  /** Index of the segment (0-based, between vertex i and i+1) of the checked part. */
  segment: number;
  at: Position;
}

function overlaps(a: number[], b: number[]): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

/**
 * Where does the polyline touch land? The first and last `endToleranceKm` of
 * the line are ignored (ports sit on the coast). Returns an empty list when
 * the line stays in the water.
 */
export function landHits(coords: Position[], land: LandIndex, endToleranceKm = 10): LandHit[] {
  if (coords.length < 2) return [];
  let line = lineString(coords);
  const total = length(line, { units: 'kilometers' });
  if (endToleranceKm > 0) {
    if (total <= 2 * endToleranceKm) return [];
    line = lineSliceAlong(line, endToleranceKm, total - endToleranceKm, { units: 'kilometers' });
  }
  const pts = line.geometry.coordinates;
  const hits: LandHit[] = [];
  for (let i = 0; i < pts.length - 1; i++) {
    const seg = lineString([pts[i], pts[i + 1]]);
    const sb = bbox(seg);
    for (const { poly, box } of land.polygons) {
      if (!overlaps(sb, box)) continue;
      const x = lineIntersect(seg, poly);
      if (x.features.length) {
        hits.push({ segment: i, at: x.features[0].geometry.coordinates });
        break;
      }
      if (booleanPointInPolygon(point(pts[i]), poly)) {
        hits.push({ segment: i, at: pts[i] });
        break;
      }
    }
  }
  return hits;
}

/** True when `p` lies on land (inside any land polygon). */
export function isOnLand(p: Position, land: LandIndex): boolean {
  const [x, y] = p;
  return land.polygons.some(({ poly, box }) => x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3] && booleanPointInPolygon(point([x, y]), poly));
}

/**
 * Where a land route (rail, river) leaves the land: points sampled every
 * `stepKm` along the line that are not on land, ignoring the first and last
 * `endToleranceKm` (a port or terminal at the water's edge).
 */
export function waterPoints(coords: Position[], land: LandIndex, stepKm = 10, endToleranceKm = 5): Position[] {
  const line = lineString(coords);
  const total = length(line, { units: 'kilometers' });
  const out: Position[] = [];
  for (let d = 0; d <= total; d += stepKm) {
    if (d < endToleranceKm || d > total - endToleranceKm) continue;
    const p = lineSliceAlong(line, d, d, { units: 'kilometers' }).geometry.coordinates[0];
    if (!isOnLand(p, land)) out.push(p);
  }
  return out;
}
