/**
 * Build-time basemap: Natural Earth (world-atlas TopoJSON) → planar GeoJSON that
 * MapLibre can draw without antimeridian artefacts.
 *
 * world-atlas is in spherical coordinates: a ring may jump from +180 to −180
 * (Russia, Fiji) or wind around a pole (Antarctica). Drawn as-is on a flat
 * map those jumps become bands across the whole world. We unwrap each ring so
 * longitudes are continuous, close pole-encircling rings along the map edge,
 * and cut anything that strays past ±180 back into the [-180, 180] world.
 */
import { area, bboxClip, booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { feature as topoFeature, mesh as topoMesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { riverLabel } from './basemapWater.ts';

/** River centrelines for the basemap, rounded, as MultiLineStrings; the main rivers carry their label (`label`, `label_zh`; '' for none). */
export function basemapRivers(
  fc: FeatureCollection<LineString | MultiLineString, { name?: string; name_en?: string; featurecla?: string; scalerank?: number }>,
): FeatureCollection<MultiLineString, { name: string; scalerank: number; label: string; label_zh: string }> {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => {
      const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const label = riverLabel(f.properties.name ?? '', f.properties.featurecla ?? 'River', lines[0]?.[0]?.[0] ?? 0);
      return {
        type: 'Feature',
        properties: { name: f.properties.name_en ?? '', scalerank: f.properties.scalerank ?? 9, label: label?.en ?? '', label_zh: label?.zh ?? '' },
        geometry: { type: 'MultiLineString', coordinates: lines.map((l) => l.map(([x, y]) => [round(x, 3), round(y, 3)])) },
      };
    }),
  };
}

/** Web Mercator's latitude limit. */
export const MAX_MERCATOR_LAT = 85.0511;

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Make longitudes continuous: every step between neighbours is less than 180°. */
export function unwrapRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  let offset = 0;
  for (let i = 0; i < ring.length; i++) {
    const [lon, lat] = ring[i];
    if (i > 0) {
      const prev = ring[i - 1][0];
      const d = lon - prev;
      if (d > 180) offset -= 360;
      else if (d < -180) offset += 360;
    }
    out.push([lon + offset, lat]);
  }
  return out;
}

/**
 * Turn one spherical polygon ring into planar rings inside [-180, 180]: unwrap,
 * close pole-encircling rings along the pole, and split across the antimeridian.
 */
export function planarRings(ring: Position[]): Position[][] {
  let r = unwrapRing(ring);
  const drift = r[r.length - 1][0] - r[0][0];
  if (Math.abs(drift) > 180) {
    // The ring winds around a pole: close it along the pole's latitude.
    const poleLat = r.reduce((s, p) => s + p[1], 0) < 0 ? -90 : 90;
    const last = r[r.length - 1];
    r = [...r.slice(0, -1), [last[0], poleLat], [r[0][0], poleLat], r[0]];
  }
  const lons = r.map((p) => p[0]);
  const min = Math.min(...lons);
  const max = Math.max(...lons);
  const out: Position[][] = [];
  for (let shift = -360; shift <= 360; shift += 360) {
    if (max + shift < -180 || min + shift > 180) continue;
    const shifted = r.map(([x, y]) => [x + shift, Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, y))]);
    const clipped = bboxClip({ type: 'Polygon', coordinates: [shifted] }, [-180, -90, 180, 90]).geometry as Polygon;
    for (const c of clipped.coordinates) if (c.length >= 4) out.push(c.map(([x, y]) => [round(x, 3), round(y, 3)]));
  }
  return out;
}

/** Land as a MultiPolygon. Holes are kept with their outer ring when the outer ring does not need cutting. */
export function planarLand(polys: Position[][][]): MultiPolygon {
  const coordinates: Position[][][] = [];
  for (const poly of polys) {
    const [outer, ...holes] = poly;
    const parts = planarRings(outer);
    if (parts.length === 1 && holes.length) {
      coordinates.push([parts[0], ...holes.flatMap((h) => planarRings(h))]);
    } else {
      for (const p of parts) coordinates.push([p]);
    }
  }
  return { type: 'MultiPolygon', coordinates };
}

/** Break boundary lines wherever they jump across the antimeridian. */
export function planarLines(lines: Position[][]): MultiLineString {
  const out: Position[][] = [];
  for (const line of lines) {
    let current: Position[] = [];
    for (let i = 0; i < line.length; i++) {
      if (i > 0 && Math.abs(line[i][0] - line[i - 1][0]) > 180) {
        if (current.length > 1) out.push(current);
        current = [];
      }
      current.push([round(line[i][0], 3), round(line[i][1], 3)]);
    }
    if (current.length > 1) out.push(current);
  }
  return { type: 'MultiLineString', coordinates: out };
}

export interface Basemap {
  land: FeatureCollection<MultiPolygon>;
  borders: FeatureCollection<MultiLineString>;
  /** One label point per country, in its largest polygon, with that polygon's area for ranking. */
  countryLabels: FeatureCollection<Point, { name: string; name_zh: string; area_km2: number }>;
}

/** A label point inside a country's largest polygon (its centroid when that falls inside). */
export function countryLabelPoint(geometry: Polygon | MultiPolygon): { point: Position; areaKm2: number } {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: Polygon = { type: 'Polygon', coordinates: polys[0] };
  let bestArea = -1;
  for (const coordinates of polys) {
    const p: Polygon = { type: 'Polygon', coordinates };
    const a = area(p);
    if (a > bestArea) [best, bestArea] = [p, a];
  }
  const c = centroid(best).geometry.coordinates;
  const point = booleanPointInPolygon(c, best) ? c : pointOnFeature(best).geometry.coordinates;
  return { point: [round(point[0], 3), round(point[1], 3)], areaKm2: Math.round(bestArea / 1e6) };
}

/**
 * Land polygons, land borders (country boundaries between two countries) and
 * country label points from world-atlas countries TopoJSON. `chineseName`
 * gives a country's name in Chinese from its ISO 3166-1 numeric code ('' when unknown).
 */
export function buildBasemap(topology: Topology, chineseName: (isoNumeric: string | undefined) => string = () => ''): Basemap {
  const land = topoFeature(topology, topology.objects.land) as unknown as FeatureCollection<Polygon | MultiPolygon> | Feature<Polygon | MultiPolygon>;
  const landFeatures = 'features' in land ? land.features : [land];
  const polys = landFeatures.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates));
  const borders = topoMesh(topology, topology.objects.countries as GeometryCollection, (a, b) => a !== b);
  const countries = topoFeature(topology, topology.objects.countries) as unknown as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  const countryLabels = countries.features
    .filter((f) => f.geometry)
    .map((f) => {
      const { point, areaKm2 } = countryLabelPoint(f.geometry);
      const id = f.id === undefined ? undefined : String(f.id);
      return { type: 'Feature' as const, properties: { name: f.properties.name, name_zh: chineseName(id), area_km2: areaKm2 }, geometry: { type: 'Point' as const, coordinates: point } };
    })
    .sort((a, b) => b.properties.area_km2 - a.properties.area_km2);
  return {
    countryLabels: { type: 'FeatureCollection', features: countryLabels },
    land: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: planarLand(polys) }] },
    borders: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: planarLines(borders.coordinates) }] },
  };
}
