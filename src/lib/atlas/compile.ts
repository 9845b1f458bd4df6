/**
 * Compile data/ (documents as Markdown with front matter, features as GeoJSON)
 * into one validated Atlas, collecting every problem instead of stopping at the
 * first. Pure: the caller reads the files (see scripts/data-files.ts).
 */
import { length as turfLength } from '@turf/turf';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Feature, Geometry } from 'geojson';
import { anchorQuote } from './anchor.ts';
import { parseMarkdown } from './frontMatter.ts';
import { splitParagraphs } from './paragraphs.ts';
import type { Problem } from './problems.ts';
import { validateGeometry } from './geometryChecks.ts';
import {
  FEATURE_KINDS,
  GEOMETRY_BASES,
  MODES,
  type Atlas,
  type AtlasDocument,
  type AtlasFeature,
  type Citation,
  type DatePrecision,
  type GeometryReference,
  type Mode,
} from './types.ts';

export interface SourceFile {
  /** Path relative to the project root. */
  path: string;
  text: string;
}

export interface CompileInput {
  documents: SourceFile[];
  features: SourceFile[];
}

export interface CompileResult {
  /** Null when any error was found. */
  atlas: Atlas | null;
  problems: Problem[];
}

export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Check a YYYY, YYYY-MM or YYYY-MM-DD string; returns its precision or an error message. */
export function checkDate(value: unknown): { precision: DatePrecision } | { error: string } {
  if (typeof value !== 'string') return { error: 'must be a quoted string like "2024-11-25", "2024-11" or "2024"' };
  const m = DATE.exec(value);
  if (!m) return { error: `"${value}" is not YYYY, YYYY-MM or YYYY-MM-DD` };
  const [, y, mo, d] = m;
  if (mo !== undefined && (+mo < 1 || +mo > 12)) return { error: `"${value}" has month ${mo}` };
  if (d !== undefined) {
    const days = new Date(Date.UTC(+y, +mo, 0)).getUTCDate();
    if (+d < 1 || +d > days) return { error: `"${value}" is not a real day (${y}-${mo} has ${days} days)` };
    return { precision: 'day' };
  }
  return { precision: mo !== undefined ? 'month' : 'year' };
}

function fileStem(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function compileDocument(file: SourceFile, problems: Problem[]): AtlasDocument | null {
  const parsed = parseMarkdown(file.text);
  const at = (message: string, hint?: string, line?: number, id?: string) =>
    problems.push({ severity: 'error', file: file.path, line, id, message, hint });
  for (const e of parsed.errors) at(`front matter: ${e.message}`, 'fix the YAML between the two --- lines', e.line ? e.line + 1 : undefined);
  const d = parsed.data;
  if (!d) return null;
  const before = problems.length;
  const id = str(d.id);
  if (!id) at('document has no `id`', `add \`id: ${fileStem(file.path)}\` to the front matter`, 2);
  else if (!KEBAB_ID.test(id)) at(`id "${id}" is not kebab-case`, 'use lowercase letters, digits and single hyphens', 2, id);
  else if (id !== fileStem(file.path)) at(`id "${id}" does not match the file name "${fileStem(file.path)}.md"`, 'rename the file or the id so they agree', 2, id);
  const title = str(d.title);
  if (!title) at('document has no `title`', 'add the article headline as `title: "…"`', 2, id);
  let precision: DatePrecision | undefined;
  if (d.date === undefined) at('document has no `date`', 'add `date: "YYYY-MM-DD"` (or "YYYY-MM" / "YYYY")', 2, id);
  else {
    const r = checkDate(d.date);
    if ('error' in r) at(`date ${r.error}`, 'write the agreement date as "YYYY-MM-DD", "YYYY-MM" or "YYYY"', 2, id);
    else {
      precision = r.precision;
      if (d.date_precision !== undefined && d.date_precision !== precision)
        at(`date_precision "${String(d.date_precision)}" does not match date "${String(d.date)}" (${precision})`, 'remove date_precision or make it agree', 2, id);
    }
  }
  if (d.published !== undefined) {
    const r = checkDate(d.published);
    if ('error' in r) at(`published ${r.error}`, 'write the publication date as "YYYY-MM-DD"', 2, id);
  }
  const publisher = str(d.publisher);
  if (!publisher) at('document has no `publisher`', 'add `publisher: "…"`', 2, id);
  const parties = Array.isArray(d.parties) ? d.parties.filter((p): p is string => typeof p === 'string') : [];
  if (!Array.isArray(d.parties) || parties.length === 0) at('document has no `parties` list', 'add `parties: ["…", "…"]`', 2, id);
  if (!parsed.body.trim()) at('document body is empty', 'paste the article text below the closing ---', parsed.bodyLine, id);
  if (problems.length > before || !id || !title || !precision || !publisher) return null;
  return {
    id,
    title,
    date: String(d.date),
    date_precision: precision,
    date_basis: str(d.date_basis),
    published: str(d.published),
    publisher,
    parties,
    url: str(d.url),
    language: str(d.language) ?? 'en',
    summary: str(d.summary) ?? '',
    body: parsed.body,
    paragraphs: splitParagraphs(parsed.body),
  };
}

/** 1-based line/column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** JSON.parse says what is wrong but (on Node 20) not where: jsonc-parser gives the offset. */
function jsonSyntaxError(text: string): { message: string; line: number; column: number } | null {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (!errors.length) return null;
  const e = errors[0];
  return { message: printParseErrorCode(e.error), ...lineColumn(text, e.offset) };
}

function lineOfId(text: string, id: unknown): number | undefined {
  if (typeof id !== 'string') return undefined;
  const i = text.indexOf(JSON.stringify(id));
  return i === -1 ? undefined : lineColumn(text, i).line;
}

interface RawCitation {
  document?: unknown;
  quote?: unknown;
  prefix?: unknown;
}

function compileFeatureFile(
  file: SourceFile,
  documents: Map<string, AtlasDocument>,
  seenIds: Map<string, string>,
  problems: Problem[],
): AtlasFeature[] {
  const err = (message: string, hint?: string, id?: string, line?: number, column?: number) =>
    problems.push({ severity: 'error', file: file.path, line, column, id, message, hint });
  let json: unknown;
  try {
    json = JSON.parse(file.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const where = jsonSyntaxError(file.text);
    const what = where ? where.message : (e as Error).message;
    err(`not readable JSON (${what})`, 'fix the JSON syntax (a missing comma or bracket is the usual cause)', undefined, where?.line, where?.column);
    return [];
  }
  const fc = json as { type?: unknown; features?: unknown };
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    err('not a GeoJSON FeatureCollection', 'the file must be {"type": "FeatureCollection", "features": [ … ]}', undefined, 1);
    return [];
  }
  const out: AtlasFeature[] = [];
  fc.features.forEach((raw: unknown, index: number) => {
    const f = raw as Partial<Feature> & { id?: unknown };
    const line = lineOfId(file.text, f?.id);
    const label = typeof f?.id === 'string' ? f.id : `features[${index}]`;
    const before = problems.length;
    const e = (message: string, hint?: string) => err(message, hint, label, line);
    if (!f || typeof f !== 'object' || f.type !== 'Feature') {
      e(`features[${index}] is not a GeoJSON Feature`, 'each entry needs "type": "Feature", "id", "properties" and "geometry"');
      return;
    }
    if (typeof f.id !== 'string' || !f.id) {
      e(`features[${index}] has no string "id"`, 'add a top-level "id": "kebab-case-name" (unique across all files)');
    } else if (!KEBAB_ID.test(f.id)) {
      e(`id "${f.id}" is not kebab-case`, 'use lowercase letters, digits and single hyphens');
    } else if (seenIds.has(f.id)) {
      e(`duplicate id "${f.id}" (also in ${seenIds.get(f.id)})`, 'ids must be unique across all feature files; rename one');
    } else {
      seenIds.set(f.id, file.path);
    }
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const name = str(p.name);
    if (!name) e('feature has no "name"', 'add "name": "English name" to properties');
    if (!FEATURE_KINDS.includes(p.kind as never)) e(`unknown kind "${String(p.kind)}"`, `use one of: ${FEATURE_KINDS.join(', ')}`);
    if (!MODES.includes(p.mode as never)) e(`unknown mode "${String(p.mode)}"`, `use one of: ${MODES.join(', ')}`);
    if (!GEOMETRY_BASES.includes(p.geometry_basis as never))
      e(`geometry_basis "${String(p.geometry_basis)}" is not surveyed or schematic`, 'use "surveyed" (follows the real line/place) or "schematic" (endpoints only)');
    if (!str(p.description)) e('feature has no "description"', 'add one or two sentences in our own words');
    const geometry = f.geometry as Geometry | null | undefined;
    if (!geometry) e('feature has no geometry', 'add a GeoJSON geometry');
    else for (const g of validateGeometry(geometry)) e(g.message, g.hint);
    const legs = p.legs;
    if (legs !== undefined) {
      const parts = geometry?.type === 'MultiLineString' ? geometry.coordinates.length : -1;
      if (!Array.isArray(legs) || legs.some((m) => !MODES.includes(m as never)))
        e('"legs" must be a list of modes', `one of ${MODES.join(', ')} per part`);
      else if (parts !== legs.length)
        e(`"legs" lists ${legs.length} modes but the geometry has ${parts < 0 ? 'no MultiLineString' : parts} parts`, 'give one mode per part of a MultiLineString');
    }
    const rawCitations = p.citations;
    const citations: Citation[] = [];
    if (!Array.isArray(rawCitations) || rawCitations.length === 0) {
      e('feature has no citations', 'every feature needs at least one {"document": "<doc-id>", "quote": "<exact passage>"}');
    } else {
      rawCitations.forEach((c: RawCitation, ci: number) => {
        const docId = c?.document;
        const quote = c?.quote;
        if (typeof docId !== 'string' || typeof quote !== 'string') {
          e(`citations[${ci}] needs a string "document" and "quote"`);
          return;
        }
        const doc = documents.get(docId);
        if (!doc) {
          e(`citations[${ci}] names unknown document "${docId}"`, `use one of: ${[...documents.keys()].join(', ') || '(no valid documents)'}`);
          return;
        }
        const prefix = typeof c.prefix === 'string' ? c.prefix : undefined;
        const r = anchorQuote(doc.body, quote, prefix);
        if (r.ok) citations.push({ document: docId, quote, selector: r.selector });
        else if (r.reason === 'not-found' || r.reason === 'empty')
          e(`quote not found in document "${docId}": "${quote}"`, `copy the passage exactly from data/documents/${docId}.md (run: npm run cite -- ${docId} "<words>")`);
        else if (r.reason === 'ambiguous')
          e(`quote occurs ${r.count} times in document "${docId}": "${quote}"`, 'add "prefix": "<the words just before the one you mean>" to the citation');
        else e(`quote occurs in "${docId}" but never right after prefix "${prefix}": "${quote}"`, 'fix the prefix so it is the text immediately before the quote');
      });
    }
    const references = Array.isArray(p.references)
      ? (p.references as GeometryReference[]).filter((r) => r && typeof r.title === 'string')
      : [];
    if (problems.length > before || !geometry || typeof f.id !== 'string') return;
    const lengthKm =
      geometry.type === 'LineString' || geometry.type === 'MultiLineString'
        ? Math.round(turfLength({ type: 'Feature', geometry, properties: {} }, { units: 'kilometers' }))
        : undefined;
    out.push({
      type: 'Feature',
      id: f.id,
      geometry,
      properties: {
        name: name!,
        name_zh: str(p.name_zh),
        kind: p.kind as AtlasFeature['properties']['kind'],
        mode: p.mode as Mode,
        description: String(p.description),
        geometry_basis: p.geometry_basis as AtlasFeature['properties']['geometry_basis'],
        citations,
        references,
        legs: legs as Mode[] | undefined,
        length_km: lengthKm,
        leg_lengths_km:
          legs && geometry.type === 'MultiLineString'
            ? geometry.coordinates.map((coordinates) => Math.round(turfLength({ type: 'Feature', geometry: { type: 'LineString', coordinates }, properties: {} }, { units: 'kilometers' })))
            : undefined,
      },
    });
  });
  return out;
}

export function compileAtlas(input: CompileInput): CompileResult {
  const problems: Problem[] = [];
  const documents = new Map<string, AtlasDocument>();
  const docFiles = [...input.documents].sort((a, b) => a.path.localeCompare(b.path));
  for (const file of docFiles) {
    const doc = compileDocument(file, problems);
    if (!doc) continue;
    if (documents.has(doc.id)) {
      problems.push({ severity: 'error', file: file.path, id: doc.id, message: `duplicate document id "${doc.id}"`, hint: 'give each document its own id' });
      continue;
    }
    documents.set(doc.id, doc);
  }
  const seenIds = new Map<string, string>();
  const features: AtlasFeature[] = [];
  for (const file of [...input.features].sort((a, b) => a.path.localeCompare(b.path))) {
    features.push(...compileFeatureFile(file, documents, seenIds, problems));
  }
  const cited = new Set(features.flatMap((f) => f.properties.citations.map((c) => c.document)));
  for (const file of docFiles) {
    const id = fileStem(file.path);
    if (documents.has(id) && !cited.has(id))
      problems.push({ severity: 'warning', file: file.path, id, message: `document "${id}" is cited by no feature`, hint: 'cite it from a feature, or remove it' });
  }
  const hasError = problems.some((p) => p.severity === 'error');
  return { atlas: hasError ? null : { documents: [...documents.values()], features }, problems };
}
