/**
 * Named places to jump to while placing a feature, and the nearest named
 * place to a position: Natural Earth populated places (the basemap's place
 * names), searched by English or Chinese name.
 */
import { haversineKm } from '../geo/coords.ts';

export interface Place {
  name: string;
  name_zh?: string;
  /** Province or state, and country, to tell places of the same name apart. */
  region: string;
  lon: number;
  lat: number;
  /** Natural Earth scalerank: lower is more prominent. */
  rank: number;
}

interface NaturalEarthPlace {
  properties: { name?: string; name_en?: string; name_zh?: string; adm0?: string; adm1?: string; scalerank?: number };
  geometry: { type: string; coordinates: number[] };
}

/** The compact list the editor searches, from Natural Earth's populated places. */
export function placeIndexFrom(fc: { features: NaturalEarthPlace[] }): Place[] {
  return fc.features
    .filter((f) => f.geometry?.type === 'Point' && (f.properties.name_en || f.properties.name))
    .map((f) => ({
      name: (f.properties.name_en || f.properties.name)!,
      name_zh: f.properties.name_zh || undefined,
      region: [f.properties.adm1, f.properties.adm0].filter(Boolean).join(', '),
      lon: +f.geometry.coordinates[0].toFixed(5),
      lat: +f.geometry.coordinates[1].toFixed(5),
      rank: f.properties.scalerank ?? 10,
    }));
}

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’\s-]+/g, '');

/** Places whose English or Chinese name starts with (then contains) the query, most prominent first. */
export function searchPlaces(places: Place[], query: string, limit = 8): Place[] {
  const q = fold(query.trim());
  if (!q) return [];
  const scored: [number, Place][] = [];
  for (const p of places) {
    const en = fold(p.name);
    const zh = p.name_zh ?? '';
    const score = en === q || zh === query.trim() ? 0 : en.startsWith(q) || zh.startsWith(query.trim()) ? 1 : en.includes(q) || (zh && zh.includes(query.trim())) ? 2 : -1;
    if (score >= 0) scored.push([score * 100 + p.rank, p]);
  }
  return scored
    .sort((a, b) => a[0] - b[0] || a[1].name.localeCompare(b[1].name))
    .slice(0, limit)
    .map(([, p]) => p);
}

/** The nearest place to [lon, lat], with its great-circle distance in km. */
export function nearestPlace(places: Place[], lon: number, lat: number): { place: Place; km: number } | null {
  let best: { place: Place; km: number } | null = null;
  for (const p of places) {
    const km = haversineKm([lon, lat], [p.lon, p.lat]);
    if (!best || km < best.km) best = { place: p, km };
  }
  return best;
}
