/**
 * Checks of what a feature claims about its own certainty: its geometry basis
 * against its named sources (`references`), how each citation supports it
 * (`support`, `reasoning`), and its published length. Pure; every issue says
 * what is wrong and how to fix it, with the JSON path (inside `properties`)
 * it belongs to.
 */
import type { Geometry } from 'geojson';
import type { JSONPath } from 'jsonc-parser';
import { haversineKm } from '../geo/coords.ts';
import { CITATION_SUPPORTS, GEOMETRY_BASES, type CitationSupport, type GeometryReference, type PublishedArea, type PublishedLength } from './types.ts';
import { isWebUrl } from './webUrl.ts';
import { partLengthKm } from './publishedPart.ts';

export interface CertaintyIssue {
  message: string;
  hint: string;
  /** Path inside the feature, e.g. ['properties', 'citations', 0, 'support']. */
  path: JSONPath;
}

/** A surveyed point lies within this distance of the position its source publishes. */
export const SURVEYED_POINT_KM = 2;

/**
 * Words that mark a build note rather than a reader-facing source: how a
 * geometry was made belongs in data/derive/, not in `references`.
 */
const BUILD_NOTE = /from memory|as remembered|~|\b(?:data|src|scripts|tests)\/|\.(?:ts|yaml|mjs)\b/i;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function isLonLat(v: unknown): v is [number, number] {
  return (
    Array.isArray(v) &&
    v.length === 2 &&
    v.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    Math.abs(v[0] as number) <= 180 &&
    Math.abs(v[1] as number) <= 90
  );
}

/** The feature's `references`, checked; only well-formed ones are returned. */
export function checkReferences(raw: unknown, issues: CertaintyIssue[]): GeometryReference[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    issues.push({ message: '"references" is not a list', hint: 'write "references": [{"title": "<named source>", "url": "https://…"}]', path: ['properties', 'references'] });
    return [];
  }
  const out: GeometryReference[] = [];
  raw.forEach((r: unknown, i: number) => {
    const at = (key?: string): JSONPath => ['properties', 'references', i, ...(key ? [key] : [])];
    if (!isObj(r) || !nonEmpty(r.title)) {
      issues.push({ message: `references[${i}] has no "title"`, hint: 'name the source a reader can look up, e.g. {"title": "Wikipedia: Kunming railway station", "url": "https://…"}', path: at() });
      return;
    }
    let ok = true;
    for (const key of ['url', 'note'] as const)
      if (r[key] !== undefined && !nonEmpty(r[key])) {
        issues.push({ message: `references[${i}].${key} is not text`, hint: `give "${key}" as a non-empty string, or leave it out`, path: at(key) });
        ok = false;
      }
    if (ok && r.url !== undefined && !isWebUrl(r.url)) {
      issues.push({ message: `references[${i}].url "${String(r.url).slice(0, 200)}" is not an http(s) address`, hint: 'link the source with an address starting with https://', path: at('url') });
      ok = false;
    }
    if (r.coordinate !== undefined && !isLonLat(r.coordinate)) {
      issues.push({
        message: `references[${i}].coordinate ${JSON.stringify(r.coordinate)} is not a [lon, lat] position`,
        hint: 'write the position the source publishes as [longitude, latitude] numbers, e.g. [102.72083, 25.0175]',
        path: at('coordinate'),
      });
      ok = false;
    }
    if (ok) out.push(r as unknown as GeometryReference);
  });
  return out;
}

/** References are shown to readers: no build notes in them. */
export function checkReferenceWording(references: GeometryReference[], issues: CertaintyIssue[]): void {
  references.forEach((r, i) => {
    const words = `${r.title} ${r.note ?? ''}`;
    const note = BUILD_NOTE.exec(words);
    if (note)
      issues.push({
        message: `references[${i}] reads like a build note ("${note[0]}"): references are shown to readers`,
        hint: 'name the published source and link it; put how the geometry was made (file paths, "from memory", "~") in data/derive/notes.yaml under the feature id',
        path: ['properties', 'references', i, note.index < r.title.length ? 'title' : 'note'],
      });
  });
}

/** `geometry_basis` is one of the three levels. */
export function checkGeometryBasis(basis: unknown, issues: CertaintyIssue[]): void {
  if (!GEOMETRY_BASES.includes(basis as never))
    issues.push({
      message: basis === undefined ? 'feature has no "geometry_basis"' : `geometry_basis ${JSON.stringify(basis)} is not one of ${GEOMETRY_BASES.join(', ')}`,
      hint: 'use "surveyed" (checked against a published source you cite in references, within ~2 km), "approximate" (placed from general knowledge or at city level, within ~10 km) or "schematic" (a line joining known places, not the real path)',
      path: ['properties', 'geometry_basis'],
    });
}

/** A `surveyed` feature names its published source; a surveyed Point lies within 2 km of the position that source publishes. */
export function checkSurveyedSources(basis: unknown, references: GeometryReference[], geometry: Geometry | null | undefined, issues: CertaintyIssue[]): void {
  if (basis !== 'surveyed') return;
  if (references.length === 0) {
    issues.push({
      message: 'geometry_basis "surveyed" but no reference names a published source',
      hint: 'add "references": [{"title": "<the published source>", "url": "https://…"}] naming where the position or path was checked, or mark the feature "approximate"',
      path: ['properties', 'geometry_basis'],
    });
    return;
  }
  if (geometry?.type !== 'Point' || !isLonLat(geometry.coordinates.slice(0, 2))) return;
  const at = geometry.coordinates as [number, number];
  const published = references.filter((r) => r.coordinate);
  if (published.length === 0) {
    issues.push({
      message: 'a "surveyed" Point needs the position its source publishes: no reference has a "coordinate"',
      hint: 'add "coordinate": [lon, lat] (the published position, e.g. from the Wikipedia infobox) to the reference that gives it, or mark the feature "approximate"',
      path: ['properties', 'references'],
    });
    return;
  }
  const nearest = Math.min(...published.map((r) => haversineKm(at, r.coordinate!)));
  if (nearest > SURVEYED_POINT_KM)
    issues.push({
      message: `a "surveyed" Point must lie within ${SURVEYED_POINT_KM} km of its reference coordinate; it is ${nearest.toFixed(1)} km away`,
      hint: 'move the point to the published position (or check the reference coordinate), or mark the feature "approximate"',
      path: ['geometry', 'coordinates'],
    });
}

/** An `approximate` feature says how it was placed: a reference with a `note` (readers see it under "Where the geometry comes from"). */
export function checkApproximateNote(basis: unknown, references: GeometryReference[], issues: CertaintyIssue[]): void {
  if (basis !== 'approximate' || references.some((r) => nonEmpty(r.note))) return;
  issues.push({
    message: references.length === 0 ? 'geometry_basis "approximate" but no reference says how the position was placed' : 'geometry_basis "approximate" but no reference has a "note" saying how the position was placed',
    hint: 'add a reference with a "note" that says where the position comes from (e.g. {"title": "Natural Earth 10m populated places", "note": "At the city point for Pingxiang: city level, within about 10 km"})',
    path: ['properties', 'references'],
  });
}

/** One citation's `support` and `reasoning`. */
export function checkCitationSupport(c: Obj, ci: number, issues: CertaintyIssue[]): { support: CitationSupport; reasoning?: string } {
  const at = (key: string): JSONPath => ['properties', 'citations', ci, key];
  let support: CitationSupport = 'explicit';
  if (c.support !== undefined) {
    if (CITATION_SUPPORTS.includes(c.support as never)) support = c.support as CitationSupport;
    else
      issues.push({
        message: `citations[${ci}].support ${JSON.stringify(c.support)} is not one of ${CITATION_SUPPORTS.join(', ')}`,
        hint: 'use "explicit" (the quote names what the feature shows; the default) or "inferred" (add a one-sentence "reasoning")',
        path: at('support'),
      });
  }
  const reasoning = c.reasoning;
  if (reasoning !== undefined && !nonEmpty(reasoning)) {
    issues.push({ message: `citations[${ci}].reasoning is not text`, hint: 'write the reasoning as one sentence that names its source', path: at('reasoning') });
    return { support };
  }
  if (support === 'inferred' && reasoning === undefined)
    issues.push({
      message: `citations[${ci}] has support "inferred" but no "reasoning"`,
      hint: 'add "reasoning": one sentence saying why the quote supports the feature, naming its source (e.g. "The text does not name Qinzhou; the corridor\'s sea leg leaves from Qinzhou Port (Guangxi government)")',
      path: at('support'),
    });
  if (support === 'explicit' && reasoning !== undefined)
    issues.push({
      message: `citations[${ci}] has a "reasoning" but its support is explicit`,
      hint: 'if the quote does not name what the feature shows, add "support": "inferred"; if it does, remove "reasoning"',
      path: at('reasoning'),
    });
  return { support, reasoning: reasoning as string | undefined };
}

/** What a published figure measures: its field, its number's key and unit, an example, and the geometries it fits. */
interface MeasureSpec<K extends string> {
  field: 'published_length' | 'published_area';
  key: K;
  unit: string;
  example: string;
  fits: (type: Geometry['type']) => boolean;
  misfit: (type: Geometry['type']) => { message: string; hint: string };
  /** Further optional fields the measure may carry (checked by its own function). */
  extraKeys?: string[];
}

/** A published length or area: `{<key>: positive number, title, url?}` on a geometry it fits. */
function checkPublishedMeasure<K extends string>(raw: unknown, geometry: Geometry | null | undefined, issues: CertaintyIssue[], spec: MeasureSpec<K>): ({ title: string; url?: string } & Record<K, number>) | undefined {
  if (raw === undefined) return undefined;
  const { field, key } = spec;
  const hint = `write "${field}": ${spec.example}`;
  if (!isObj(raw)) {
    issues.push({ message: `"${field}" is not an object`, hint, path: ['properties', field] });
    return undefined;
  }
  const before = issues.length;
  const value = raw[key];
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    issues.push({ message: `${field}.${key} ${JSON.stringify(value)} is not a positive number of ${spec.unit}`, hint, path: ['properties', field, key] });
  if (!nonEmpty(raw.title)) issues.push({ message: `${field} has no "title" naming its source`, hint, path: ['properties', field, 'title'] });
  if (raw.url !== undefined && !nonEmpty(raw.url)) issues.push({ message: `${field}.url is not text`, hint, path: ['properties', field, 'url'] });
  else if (raw.url !== undefined && !isWebUrl(raw.url)) issues.push({ message: `${field}.url "${String(raw.url).slice(0, 200)}" is not an http(s) address`, hint, path: ['properties', field, 'url'] });
  const unknown = Object.keys(raw).filter((k) => ![key, 'title', 'url', ...(spec.extraKeys ?? [])].includes(k));
  if (unknown.length) issues.push({ message: `${field} has unknown field(s) ${unknown.map((k) => `"${k}"`).join(', ')}`, hint, path: ['properties', field, unknown[0]] });
  if (geometry && !spec.fits(geometry.type)) issues.push({ ...spec.misfit(geometry.type), path: ['properties', field] });
  if (issues.length > before) return undefined;
  return { [key]: value as number, title: raw.title as string, ...(raw.url ? { url: raw.url as string } : {}) } as { title: string; url?: string } & Record<K, number>;
}

/**
 * The optional `published_length`: besides the figure and its source,
 * `derived: true` when the figure is our arithmetic on published figures, and
 * `from`/`to` when it describes only part of the line (two of its vertices);
 * the drawn length of that part is returned as `part_km`.
 */
export function checkPublishedLength(raw: unknown, geometry: Geometry | null | undefined, issues: CertaintyIssue[]): PublishedLength | undefined {
  const before = issues.length;
  const measure = checkPublishedMeasure(raw, geometry, issues, {
    field: 'published_length',
    key: 'km',
    unit: 'kilometres',
    example: '{"km": 1035, "title": "<the source that publishes it>", "url": "https://…"}',
    fits: (t) => t === 'LineString' || t === 'MultiLineString',
    misfit: (t) => ({ message: `published_length on a ${t}: only lines have a length`, hint: 'remove "published_length", or give the feature a LineString geometry' }),
    extraKeys: ['derived', 'from', 'to'],
  });
  if (!isObj(raw)) return measure;
  const at = (key: string): JSONPath => ['properties', 'published_length', key];
  if (raw.derived !== undefined && typeof raw.derived !== 'boolean')
    issues.push({ message: 'published_length.derived is not true or false', hint: 'write "derived": true when the figure is your arithmetic on published figures (say which in the title), or leave it out', path: at('derived') });
  const partHint = 'give "from" and "to" as [lon, lat] vertices of the line bounding the part the figure describes (e.g. Kunming and Vientiane on a line drawn from Huaihua), or leave both out when it describes the whole line';
  for (const end of ['from', 'to'] as const)
    if (raw[end] !== undefined && !isLonLat(raw[end])) issues.push({ message: `published_length.${end} ${JSON.stringify(raw[end])} is not a [lon, lat] position`, hint: partHint, path: at(end) });
  if ((raw.from === undefined) !== (raw.to === undefined))
    issues.push({ message: `published_length has "${raw.from === undefined ? 'to' : 'from'}" without "${raw.from === undefined ? 'from' : 'to'}"`, hint: partHint, path: at(raw.from === undefined ? 'to' : 'from') });
  let part_km: number | undefined;
  if (issues.length === before && raw.from !== undefined && geometry) {
    const part = partLengthKm(geometry, raw.from as [number, number], raw.to as [number, number]);
    if (part.ok) part_km = part.km;
    else issues.push({ message: `published_length: ${part.message}`, hint: partHint, path: at('from') });
  }
  if (!measure || issues.length > before) return undefined;
  return {
    ...measure,
    ...(raw.derived === true ? { derived: true } : {}),
    ...(part_km !== undefined ? { from: raw.from as [number, number], to: raw.to as [number, number], part_km: Math.round(part_km) } : {}),
  };
}

/** How far the published parts of an area may sum from its published whole: the rounding of figures given to two decimals. */
const PARTS_SUM_TOLERANCE = 0.01;

/**
 * The optional `published_area`, for zones; `parts_km2` when the source
 * gives each area of a zone drawn as several (one figure per polygon of the
 * MultiPolygon, in order), so each part can be held to its own figure.
 */
export function checkPublishedArea(raw: unknown, geometry: Geometry | null | undefined, issues: CertaintyIssue[]): PublishedArea | undefined {
  const before = issues.length;
  const measure = checkPublishedMeasure(raw, geometry, issues, {
    field: 'published_area',
    key: 'km2',
    unit: 'square kilometres',
    example: '{"km2": 2050000, "title": "<the source that publishes it>", "url": "https://…"}',
    fits: (t) => t === 'Polygon' || t === 'MultiPolygon',
    misfit: (t) => ({ message: `published_area on a ${t}: only zones (Polygon, MultiPolygon) have an area`, hint: 'remove "published_area", or draw the zone as a Polygon (a `polygons` recipe in data/derive/geometry.yaml)' }),
    extraKeys: ['parts_km2'],
  });
  if (!isObj(raw) || raw.parts_km2 === undefined) return measure;
  const parts = raw.parts_km2;
  const at: JSONPath = ['properties', 'published_area', 'parts_km2'];
  const hint = 'give one published figure per polygon of the MultiPolygon, in the order they are drawn (e.g. "parts_km2": [79.98, 19.94, 19.84]), or leave "parts_km2" out';
  const polygons = geometry?.type === 'MultiPolygon' ? geometry.coordinates.length : geometry?.type === 'Polygon' ? 1 : undefined;
  if (!Array.isArray(parts) || parts.length === 0 || !parts.every((v) => typeof v === 'number' && Number.isFinite(v) && v > 0))
    issues.push({ message: `published_area.parts_km2 ${JSON.stringify(parts)} is not a list of positive numbers`, hint, path: at });
  else if (polygons !== undefined && parts.length !== polygons)
    issues.push({ message: `published_area.parts_km2 has ${parts.length} figure(s) for ${polygons} polygon(s)`, hint, path: at });
  else if (typeof raw.km2 === 'number' && Math.abs(parts.reduce((a, b) => a + b, 0) / raw.km2 - 1) > PARTS_SUM_TOLERANCE)
    issues.push({
      message: `published_area.parts_km2 add up to ${+parts.reduce((a, b) => a + b, 0).toFixed(2)} km², not the ${raw.km2} km² of published_area.km2`,
      hint: 'the parts are the published figures of each area and km2 their published total: check both against the source',
      path: at,
    });
  if (!measure || issues.length > before) return undefined;
  return { ...measure, parts_km2: parts as number[] };
}
