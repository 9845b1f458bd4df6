/**
 * The places the editor can suggest for a feature, each with the position,
 * certainty and reference a click on it sets: the atlas's own point features,
 * the stations and ports whose published position data/derive/geometry.yaml
 * records, and Natural Earth's populated places. Chinese names come from the
 * atlas's own gazetteer first (万象, not Natural Earth's 永珍). Pure.
 */
import type { GeometryBasis, GeometryReference } from '../atlas/types.ts';
import { PLACES as ATLAS_NAMES } from '../atlas/gazetteer.ts';
import { SURVEYED_POINT_KM } from '../atlas/certaintyChecks.ts';
import { haversineKm } from '../geo/coords.ts';
import type { Place } from './places.ts';

export type GazetteerSource = 'atlas' | 'station' | 'natural-earth';

export interface GazetteerEntry {
  /** What the suggestion places, for the author ("Vientiane railway station"). */
  label: string;
  /** Its Chinese name to show, when known. */
  name_zh?: string;
  /** Spellings the text may use: English (matched as whole words) and Chinese (matched anywhere). */
  en: string[];
  zh: string[];
  source: GazetteerSource;
  lon: number;
  lat: number;
  /** surveyed only when the reference publishes this very position; else approximate. */
  basis: Extract<GeometryBasis, 'surveyed' | 'approximate'>;
  reference: GeometryReference;
  /** Lower is more prominent (Natural Earth scalerank; 0 for the atlas's own places). */
  rank: number;
  /** The atlas feature it is, for the atlas's own places. */
  featureId?: string;
}

/** A point feature of the atlas, as the compiled atlas or a feature file has it. */
export interface PointFeatureLike {
  id?: string;
  properties: { name?: string; name_zh?: string; geometry_basis?: string; references?: GeometryReference[] };
  geometry: { type: string; coordinates?: unknown } | null;
}

/** A place of data/derive/geometry.yaml that records the position a source publishes. */
export interface PublishedPlace {
  key: string;
  published: [number, number];
  note: string;
}

const NATURAL_EARTH: Pick<GeometryReference, 'title' | 'url'> = {
  title: 'Natural Earth 10m populated places',
  url: 'https://www.naturalearthdata.com/downloads/10m-cultural-vectors/10m-populated-places/',
};

/** Words that may not appear in a reader-facing reference (see certaintyChecks.ts): dropped from borrowed notes. */
const tidy = (s: string) => s.replace(/\s*~\s*/g, ' ').replace(/\s+/g, ' ').trim();
const isLonLat = (v: unknown): v is [number, number] => Array.isArray(v) && v.length >= 2 && v.slice(0, 2).every((n) => typeof n === 'number' && Number.isFinite(n));
const round5 = (n: number) => +n.toFixed(5);

/** The atlas's own Chinese name for any of these English spellings, with all its spellings. */
function atlasNames(en: string[]): { zh?: string; en: string[] } {
  const lower = new Set(en.map((s) => s.toLowerCase()));
  const row = ATLAS_NAMES.find((r) => r.en.some((e) => lower.has(e.toLowerCase())));
  return row ? { zh: row.zh, en: [...new Set([...en, ...row.en])] } : { en };
}

function entry(base: Omit<GazetteerEntry, 'en' | 'zh' | 'name_zh'>, en: string[], zhOwn: string | undefined): GazetteerEntry {
  const names = atlasNames([...new Set(en.filter(Boolean))]);
  const zh = [names.zh, zhOwn].filter((z): z is string => !!z && z.length >= 2);
  return { ...base, en: names.en, zh: [...new Set(zh)], name_zh: names.zh ?? zhOwn };
}

/** The atlas's point features: at their own position, surveyed only when one of their references publishes it. */
export function entriesFromFeatures(features: PointFeatureLike[]): GazetteerEntry[] {
  const out: GazetteerEntry[] = [];
  for (const f of features) {
    const name = f.properties.name?.trim();
    if (!name || f.geometry?.type !== 'Point' || !isLonLat(f.geometry.coordinates)) continue;
    const [lon, lat] = f.geometry.coordinates.map(round5);
    const refs = f.properties.references ?? [];
    const published = refs.find((r) => r.coordinate && haversineKm([lon, lat], r.coordinate) <= SURVEYED_POINT_KM);
    const reference: GeometryReference = published
      ? { ...published, note: tidy(`The position this source publishes for ${name}`) }
      : refs[0]
        ? { title: refs[0].title, ...(refs[0].url ? { url: refs[0].url } : {}), note: `At the position of ${name}, as placed from this source` }
        : { title: `Corridor Atlas: ${name}`, note: `At the position of ${name} in this atlas` };
    const base = { label: name, source: 'atlas' as const, lon, lat, basis: published ? ('surveyed' as const) : ('approximate' as const), reference, rank: 0 };
    out.push(entry(typeof f.id === 'string' ? { ...base, featureId: f.id } : base, [name], f.properties.name_zh));
  }
  return out;
}

/** The places of data/derive/geometry.yaml whose `published` position a source gives (from its parsed YAML). */
export function publishedPlacesFrom(geometryYaml: unknown): PublishedPlace[] {
  const places = (geometryYaml as { places?: unknown } | null)?.places;
  if (!places || typeof places !== 'object') return [];
  return Object.entries(places as Record<string, { published?: unknown; note?: unknown }>)
    .filter(([, p]) => p && isLonLat(p.published) && typeof p.note === 'string')
    .map(([key, p]) => ({ key, published: [round5((p.published as number[])[0]), round5((p.published as number[])[1])], note: p.note as string }));
}

const PARENTHESISED = /\s*\(((?:[^()]|\([^()]*\))+)\)/g;
const COORDINATES = /[-\d.]+\s*°[\d′″'".\s]*[NSEW]?|\b\d+(\.\d+)?[NSEW]\b/g;
/** A parenthesised group that names where a position was published, not a country or an aside. */
const NAMES_A_SOURCE = /wikipedia|natural earth|\b[\w-]+\.(?:com|net|org|gov|cn|pl|de|ru)\b/i;

/** "Hami station, 42°51′04″N 93°30′24″E (Wikipedia, Hami railway station)" → "Hami station". */
function labelOf(note: string): string {
  const head = note.split(/,\s|:\s|;\s/)[0];
  const open = head.lastIndexOf('(');
  const cut = open >= 0 && head.indexOf(')', open) < 0 ? head.slice(0, open) : head;
  return tidy(cut.replace(PARENTHESISED, (m, inner: string) => (/\d/.test(inner) ? '' : m)));
}

/** The source a note names in parentheses ("Wikipedia, Hami railway station"), without coordinates; null when it names none. */
function sourceOf(note: string, label: string): string | null {
  const groups = [...note.matchAll(PARENTHESISED)].map((m) => tidy(m[1].replace(COORDINATES, '')).replace(/^[,;\s]+|[,;\s]+$/g, ''));
  const named = groups.filter((g) => NAMES_A_SOURCE.test(g)).pop();
  if (!named) return null;
  return named.includes(',') ? named : `${named}: ${label}`;
}

const titleCase = (key: string) => key.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');

/**
 * Stations and ports with a published position: surveyed at that position,
 * with the source their note names. A place whose note names no source is
 * left out: nothing would back the claim.
 */
export function entriesFromPublishedPlaces(places: PublishedPlace[]): GazetteerEntry[] {
  return places.flatMap((p) => {
    const label = labelOf(p.note) || titleCase(p.key);
    const title = sourceOf(p.note, label);
    if (!title) return [];
    const [lon, lat] = p.published;
    const reference: GeometryReference = { title, note: tidy(p.note), coordinate: [lon, lat] };
    return [entry({ label, source: 'station', lon, lat, basis: 'surveyed', reference, rank: 0 }, [label, titleCase(p.key)], undefined)];
  });
}

/** Natural Earth's populated places: city-level points, so approximate. */
export function entriesFromNaturalEarth(places: Place[]): GazetteerEntry[] {
  return places.map((p) => {
    const where = p.region ? `${p.name} (${p.region})` : p.name;
    const reference: GeometryReference = { ...NATURAL_EARTH, note: `At the Natural Earth point for ${where}: city level, within about 10 km` };
    return entry({ label: where, source: 'natural-earth', lon: p.lon, lat: p.lat, basis: 'approximate', reference, rank: p.rank }, [p.name], p.name_zh);
  });
}

/** The whole gazetteer the editor suggests from: the atlas's own points, then published stations, then Natural Earth's cities. */
export function editorGazetteer(features: PointFeatureLike[], published: PublishedPlace[], places: Place[]): GazetteerEntry[] {
  return [...entriesFromFeatures(features), ...entriesFromPublishedPlaces(published), ...entriesFromNaturalEarth(places)];
}
