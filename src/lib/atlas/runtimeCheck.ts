/**
 * The browser's last line of defence: check that a compiled atlas (fetched as
 * JSON at startup) still has the shape the app relies on. The build already
 * validated data/ in full; this catches what can happen afterwards — a
 * hand-edited or truncated atlas.json on a server — and names the problem
 * instead of letting the app crash or draw a wrong highlight.
 *
 * Pure: no DOM. Cheap enough to run on every load (a few ms for the atlas).
 */
import { selectorMatches } from './anchor.ts';
import { checkDate } from './dates.ts';
import { countPositions, fmt, LIMITS, POSITION_DEPTH } from './limits.ts';
import { CITATION_SUPPORTS, FEATURE_KINDS, GEOMETRY_BASES, MODES, ZONE_TYPES, type Atlas } from './types.ts';
import { isWebUrl } from './webUrl.ts';

/** At most this many problems are listed; a broken file would otherwise list thousands. */
const MAX_PROBLEMS = 20;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function isPosition(p: unknown): boolean {
  return (
    Array.isArray(p) &&
    (p.length === 2 || p.length === 3) &&
    p.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    Math.abs(p[0] as number) <= 180 &&
    Math.abs(p[1] as number) <= 90
  );
}

const DEPTH = POSITION_DEPTH;
const isOptStr = (v: unknown) => v === undefined || typeof v === 'string';
/** Only web addresses become links (never javascript: or data:). */
/** A value for a message: short, and never the whole of a huge string. */
const show = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 60)}… (${fmt(s.length)} characters)` : s;
};

function coordinatesOk(c: unknown, depth: number): boolean {
  if (depth === 0) return isPosition(c);
  return Array.isArray(c) && c.length > 0 && c.every((x) => coordinatesOk(x, depth - 1));
}

/** Every problem found (at most MAX_PROBLEMS), as sentences naming the document or feature id. */
export function checkAtlas(value: unknown): string[] {
  const problems: string[] = [];
  const add = (p: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  if (!isObj(value)) return ['the atlas is not a JSON object'];
  const { documents, features } = value;
  if (!Array.isArray(documents) || documents.length === 0) add('the atlas has no "documents" list');
  if (!Array.isArray(features) || features.length === 0) add('the atlas has no "features" list');
  if (problems.length) return problems;
  if ((documents as unknown[]).length > LIMITS.documents) return [`the atlas has ${fmt((documents as unknown[]).length)} documents; this app shows at most ${fmt(LIMITS.documents)}`];
  if ((features as unknown[]).length > LIMITS.features) return [`the atlas has ${fmt((features as unknown[]).length)} features; this app shows at most ${fmt(LIMITS.features)}`];
  let totalPositions = 0;

  const bodies = new Map<string, string>();
  (documents as unknown[]).forEach((d, i) => {
    if (!isObj(d) || !isStr(d.id)) return add(`documents[${i}] has no id`);
    const who = `document "${d.id}"`;
    if (bodies.has(d.id)) add(`${who} appears twice`);
    for (const key of ['title', 'date', 'publisher', 'body'] as const) if (!isStr(d[key])) add(`${who} has no ${key}`);
    if (isStr(d.body) && d.body.length > LIMITS.documentBytes) add(`${who} is ${fmt(d.body.length)} characters long; the limit is ${fmt(LIMITS.documentBytes)}`);
    if (isStr(d.date)) {
      const r = checkDate(d.date);
      if ('error' in r) add(`${who} has an impossible date ${show(d.date)}`);
      else if (d.date_precision !== r.precision) add(`${who} has date_precision ${show(d.date_precision)}, but its date ${show(d.date)} is to the ${r.precision}`);
    }
    if (d.published !== undefined && (typeof d.published !== 'string' || 'error' in checkDate(d.published))) add(`${who} has an impossible published date ${show(d.published)}`);
    if (!Array.isArray(d.parties) || !d.parties.every(isStr)) add(`${who} has "parties" that are not a list of names (${show(d.parties)})`);
    if (d.url !== undefined && !isWebUrl(d.url)) add(`${who} has a url that is not an http(s) address (${show(d.url)})`);
    for (const key of ['language', 'summary', 'date_basis'] as const) if (!isOptStr(d[key])) add(`${who} has a ${key} that is not text`);
    if (
      !Array.isArray(d.paragraphs) ||
      !d.paragraphs.every((p) => isObj(p) && isInt(p.start) && isInt(p.end) && p.start >= 0 && p.start <= p.end && p.end <= (isStr(d.body) ? d.body.length : 0))
    )
      add(`${who} has no paragraph index`);
    if (isStr(d.body)) bodies.set(d.id, d.body);
  });

  const ids = new Set<string>();
  (features as unknown[]).forEach((f, i) => {
    if (!isObj(f) || !isStr(f.id)) return add(`features[${i}] has no id`);
    const who = `feature "${f.id}"`;
    if (ids.has(f.id)) add(`${who} appears twice`);
    ids.add(f.id);
    const g = f.geometry;
    if (!isObj(g) || !Object.hasOwn(DEPTH, String(g.type))) add(`${who} has no usable geometry`);
    else {
      const positions = countPositions(g.coordinates, DEPTH[String(g.type)]);
      totalPositions += positions;
      if (positions > LIMITS.positionsPerFeature) add(`${who} has ${fmt(positions)} positions; this app draws at most ${fmt(LIMITS.positionsPerFeature)} per feature`);
      else if (!coordinatesOk(g.coordinates, DEPTH[String(g.type)])) add(`${who} has broken ${String(g.type)} coordinates`);
    }
    const p = f.properties;
    if (!isObj(p)) return add(`${who} has no properties`);
    if (!isStr(p.name)) add(`${who} has no name`);
    for (const key of ['name_zh', 'description', 'description_zh'] as const) if (!isOptStr(p[key])) add(`${who} has a ${key} that is not text`);
    if (p.length_km !== undefined && !(typeof p.length_km === 'number' && Number.isFinite(p.length_km))) add(`${who} has a broken length_km`);
    if (p.legs !== undefined) {
      const parts = isObj(g) && g.type === 'MultiLineString' && Array.isArray(g.coordinates) ? g.coordinates.length : -1;
      if (!Array.isArray(p.legs) || !p.legs.every((m) => MODES.includes(m as never))) add(`${who} has legs that are not modes (${show(p.legs)})`);
      else if (p.legs.length !== parts) add(`${who} has ${p.legs.length} legs but ${parts < 0 ? 'no MultiLineString' : `${parts} parts`}`);
      else if (
        p.leg_lengths_km !== undefined &&
        !(Array.isArray(p.leg_lengths_km) && p.leg_lengths_km.length === parts && p.leg_lengths_km.every((n) => typeof n === 'number' && Number.isFinite(n)))
      )
        add(`${who} has broken leg_lengths_km`);
    }
    if (!FEATURE_KINDS.includes(p.kind as never)) add(`${who} has unknown kind ${JSON.stringify(p.kind)}`);
    if (!MODES.includes(p.mode as never)) add(`${who} has unknown mode ${JSON.stringify(p.mode)}`);
    if (p.zone_type !== undefined && !ZONE_TYPES.includes(p.zone_type as never)) add(`${who} has unknown zone_type ${JSON.stringify(p.zone_type)}`);
    if (!GEOMETRY_BASES.includes(p.geometry_basis as never)) add(`${who} has unknown geometry_basis ${JSON.stringify(p.geometry_basis)}`);
    if (!Array.isArray(p.references)) add(`${who} has no references list`);
    else
      p.references.forEach((r: unknown, ri: number) => {
        if (!isObj(r) || !isStr(r.title)) add(`${who}: reference ${ri + 1} has no title`);
        else if (r.url !== undefined && !isWebUrl(r.url)) add(`${who}: reference ${ri + 1} has a url that is not an http(s) address`);
        else if (!isOptStr(r.note)) add(`${who}: reference ${ri + 1} has a note that is not text`);
        else if (r.coordinate !== undefined && !isPosition(r.coordinate)) add(`${who}: reference ${ri + 1} has a broken coordinate`);
      });
    if (p.description_zh !== undefined && !isStr(p.description_zh)) add(`${who} has a broken description_zh`);
    for (const [field, key] of [['published_length', 'km'], ['published_area', 'km2']] as const) {
      const measure = p[field];
      if (measure !== undefined && (!isObj(measure) || typeof measure[key] !== 'number' || !((measure[key] as number) > 0) || !isStr(measure.title))) add(`${who} has a broken ${field}`);
      else if (measure !== undefined && (measure as Obj).url !== undefined && !isWebUrl((measure as Obj).url)) add(`${who}: ${field} has a url that is not an http(s) address`);
    }
    const length = p.published_length as Obj | undefined;
    if (isObj(length)) {
      if (length.derived !== undefined && typeof length.derived !== 'boolean') add(`${who}: published_length has a broken "derived"`);
      if ([length.from, length.to].some((v) => v !== undefined && !isPosition(v)) || (length.part_km !== undefined && !(typeof length.part_km === 'number' && Number.isFinite(length.part_km))))
        add(`${who}: published_length has a broken part (from, to, part_km)`);
    }
    const area = p.published_area as Obj | undefined;
    if (isObj(area) && area.parts_km2 !== undefined && !(Array.isArray(area.parts_km2) && area.parts_km2.every((v) => typeof v === 'number' && v > 0)))
      add(`${who}: published_area has broken parts_km2`);
    if (p.area_km2 !== undefined && !(typeof p.area_km2 === 'number' && Number.isFinite(p.area_km2))) add(`${who} has a broken area_km2`);
    if (!Array.isArray(p.citations) || p.citations.length === 0) return add(`${who} has no citations`);
    p.citations.forEach((c: unknown, ci: number) => {
      if (!isObj(c) || !isStr(c.document)) return add(`${who}: citation ${ci + 1} names no document`);
      if (c.support !== undefined && !CITATION_SUPPORTS.includes(c.support as never)) return add(`${who}: citation ${ci + 1} has unknown support ${JSON.stringify(c.support)}`);
      if (c.support === 'inferred' && !isStr(c.reasoning)) return add(`${who}: citation ${ci + 1} is inferred but gives no reasoning`);
      const body = bodies.get(c.document);
      if (body === undefined) return add(`${who}: citation ${ci + 1} names unknown document "${c.document}"`);
      const s = c.selector;
      if (typeof c.quote !== 'string') return add(`${who}: citation ${ci + 1} has no quote`);
      if (!isObj(s) || !isInt(s.start) || !isInt(s.end) || typeof s.exact !== 'string' || typeof s.prefix !== 'string' || typeof s.suffix !== 'string')
        return add(`${who}: citation ${ci + 1} has no selector`);
      if (!selectorMatches(body, s as unknown as Parameters<typeof selectorMatches>[1]))
        add(`${who}: citation ${ci + 1} no longer matches document "${c.document}" (the quote "${String(s.exact).slice(0, 60)}" is not at ${s.start}–${s.end})`);
    });
  });
  if (totalPositions > LIMITS.positions) add(`the atlas has ${fmt(totalPositions)} positions in all; this app draws at most ${fmt(LIMITS.positions)}`);
  return problems;
}

/** Narrow a value to an Atlas, or return the problems that stop it being one. */
export function asAtlas(value: unknown): { ok: true; atlas: Atlas } | { ok: false; problems: string[] } {
  const problems = checkAtlas(value);
  return problems.length ? { ok: false, problems } : { ok: true, atlas: value as Atlas };
}
