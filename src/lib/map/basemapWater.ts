/**
 * Build-time water for the basemap: Natural Earth lakes as light polygons
 * with the zoom they appear at, and the names of the main rivers, in English
 * and Chinese, for labels along their centrelines. Pure.
 */
import { simplify } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * River names shown along the centrelines (Natural Earth's `name`, and for
 * names used twice the longitude that tells them apart). Chinese: the usual
 * names of these rivers (长江, 汉江 …; the Fujian Min is 闽江, the Sichuan Min 岷江).
 */
export const RIVER_LABELS: { ne: string; west?: boolean; east?: boolean; en: string; zh: string }[] = [
  { ne: 'Chang Jiang', en: 'Yangtze', zh: '长江' },
  { ne: 'Yangtze', en: 'Yangtze', zh: '长江' },
  { ne: 'Jinsha', en: 'Jinsha (Yangtze)', zh: '金沙江' },
  { ne: 'Han', en: 'Han', zh: '汉江' },
  { ne: 'Xiang', en: 'Xiang', zh: '湘江' },
  { ne: 'Gan', en: 'Gan', zh: '赣江' },
  { ne: 'Jialing', en: 'Jialing', zh: '嘉陵江' },
  { ne: 'Min', west: true, en: 'Min', zh: '岷江' },
  { ne: 'Min', east: true, en: 'Min', zh: '闽江' },
  { ne: 'Lancang', en: 'Lancang (Mekong)', zh: '澜沧江' },
  { ne: 'Mekong', en: 'Mekong', zh: '湄公河' },
];

/** The label of a river centreline, or null (lake centrelines and minor rivers are not named). */
export function riverLabel(name: string, featurecla: string, firstLng: number): { en: string; zh: string } | null {
  if (featurecla !== 'River') return null;
  const l = RIVER_LABELS.find((r) => r.ne === name && (!r.west || firstLng < 110) && (!r.east || firstLng >= 110));
  return l ? { en: l.en, zh: l.zh } : null;
}

export interface LakeProperties {
  name: string;
  /** First map zoom (512-pixel tiles) at which the lake is drawn. */
  z: number;
}

const round = (n: number) => Math.round(n * 1e3) / 1e3;

/** A ring rounded to 3 decimals (~100 m) without repeated vertices; null when it collapses. */
function roundRing(ring: Position[]): Position[] | null {
  const out: Position[] = [];
  for (const [x, y] of ring) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length && (out[0][0] !== out[out.length - 1][0] || out[0][1] !== out[out.length - 1][1])) out.push(out[0]);
  return out.length >= 4 ? out : null;
}

/** Simplification tolerance in degrees: about 2 pixels at zoom 8, 7 at zoom 10: lakes are a backdrop. */
export const LAKE_TOLERANCE = 0.005;

/** Lakes for the basemap: simplified, rounded, with the zoom they appear at (Natural Earth's min_zoom, one level earlier for 512-pixel tiles). */
export function basemapLakes(fc: FeatureCollection<Polygon | MultiPolygon, { name?: string | null; min_zoom?: number | null }>): FeatureCollection<MultiPolygon, LakeProperties> {
  const features = fc.features.flatMap((f) => {
    if (!f.geometry) return [];
    const g = simplify(f.geometry, { tolerance: LAKE_TOLERANCE, highQuality: false });
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const coordinates = polys
      .map((rings) => rings.map(roundRing))
      .filter((rings) => rings[0] !== null)
      .map((rings) => rings.filter((r): r is Position[] => r !== null));
    if (!coordinates.length) return [];
    return [{ type: 'Feature' as const, properties: { name: f.properties.name ?? '', z: Math.max(1, (f.properties.min_zoom ?? 6) - 1) }, geometry: { type: 'MultiPolygon' as const, coordinates } }];
  });
  return { type: 'FeatureCollection', features };
}
