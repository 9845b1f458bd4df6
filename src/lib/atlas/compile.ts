/**
 * Compile data/ (documents as Markdown with front matter, features as GeoJSON)
 * into one validated Atlas, collecting every problem instead of stopping at the
 * first. Pure: the caller reads the files (see scripts/data-files.ts).
 */
import { length as turfLength } from '@turf/turf';
import { getIssues as rfc7946Issues } from '@placemarkio/check-geojson';
import {
  findNodeAtLocation,
  parse as parseJsonc,
  parseTree,
  printParseErrorCode,
  type JSONPath,
  type Node as JsonNode,
  type ParseError,
} from 'jsonc-parser';
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
  for (const e of parsed.errors) at(`front matter: ${e.message}`, 'fix the YAML between the two --- lines', e.line ? e.line + 1 : undefined, fileStem(file.path));
  const d = parsed.data;
  if (!d) return null;
  const before = problems.length;
  /** Line of a front-matter field, or of the opening fence when the field is missing. */
  const lineOf = (key: string) => parsed.fieldLines[key] ?? 1;
  const id = str(d.id);
  const stem = fileStem(file.path);
  if (!id) at('document has no `id`', `add \`id: ${stem}\` to the front matter`, lineOf('id'), stem);
  else if (!KEBAB_ID.test(id)) at(`id "${id}" is not kebab-case`, 'use lowercase letters, digits and single hyphens', lineOf('id'), id);
  else if (id !== stem) at(`id "${id}" does not match the file name "${stem}.md"`, 'rename the file or the id so they agree', lineOf('id'), id);
  const who = id ?? stem;
  const title = str(d.title);
  if (!title) at('document has no `title`', 'add the article headline as `title: "…"`', lineOf('title'), who);
  let precision: DatePrecision | undefined;
  if (d.date === undefined) at('document has no `date`', 'add `date: "YYYY-MM-DD"` (or "YYYY-MM" / "YYYY"): the agreement\'s own date, else the publication date', lineOf('date'), who);
  else {
    const r = checkDate(d.date);
    if ('error' in r) at(`date ${r.error}`, 'write the agreement date as "YYYY-MM-DD", "YYYY-MM" or "YYYY" (quoted)', lineOf('date'), who);
    else {
      precision = r.precision;
      if (d.date_precision !== undefined && d.date_precision !== precision)
        at(`date_precision "${String(d.date_precision)}" does not match date "${String(d.date)}" (${precision})`, 'remove date_precision or make it agree', lineOf('date_precision'), who);
    }
  }
  if (d.published !== undefined) {
    const r = checkDate(d.published);
    if ('error' in r) at(`published ${r.error}`, 'write the publication date as "YYYY-MM-DD"', lineOf('published'), who);
  }
  const publisher = str(d.publisher);
  if (!publisher) at('document has no `publisher`', 'add `publisher: "…"`', lineOf('publisher'), who);
  const parties = Array.isArray(d.parties) ? d.parties.filter((p): p is string => typeof p === 'string') : [];
  if (!Array.isArray(d.parties) || parties.length === 0) at('document has no `parties` list', 'add `parties: ["…", "…"]`', lineOf('parties'), who);
  if (!parsed.body.trim()) at('document body is empty', 'paste the article text below the closing ---', parsed.bodyLine, who);
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

const JSON_ERRORS: Record<string, string> = {
  CommaExpected: 'a comma is missing before this point',
  ColonExpected: 'a colon is missing after a property name',
  CloseBraceExpected: 'a closing } is missing',
  CloseBracketExpected: 'a closing ] is missing',
  PropertyNameExpected: 'a property name in double quotes is expected here (a trailing comma?)',
  ValueExpected: 'a value is expected here (a trailing comma, or an unquoted word?)',
  EndOfFileExpected: 'there is text after the end of the JSON',
  InvalidSymbol: 'unexpected character (JSON needs double quotes and no comments)',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  InvalidCommentToken: 'comments are not allowed in JSON',
};

/** JSON.parse says what is wrong but (on Node 20) not where: jsonc-parser gives the offset. */
function jsonSyntaxError(text: string): { message: string; line: number; column: number } | null {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (!errors.length) return null;
  const e = errors[0];
  const code = printParseErrorCode(e.error);
  return { message: JSON_ERRORS[code] ?? code, ...lineColumn(text, e.offset) };
}

/** Fix hints for the messages of @placemarkio/check-geojson (RFC 7946 structure). */
const RFC7946_HINTS: [RegExp, string][] = [
  [/bbox/i, 'remove "bbox" or give [west, south, east, north] numbers'],
  [/ring/i, 'repeat the first position at the end of each ring'],
  [/two or more positions/i, 'a LineString needs at least two positions'],
  [/position/i, 'write each position as [longitude, latitude] numbers'],
  [/properties/i, '"properties" must be an object {…}, and only a Feature has one'],
  [/id must be/i, 'give the feature a string "id"'],
  [/type/i, 'use one of the RFC 7946 types: FeatureCollection, Feature, Point, LineString, Polygon, Multi…'],
];
function rfc7946Hint(message: string): string {
  const hit = RFC7946_HINTS.find(([re]) => re.test(message));
  return `${hit ? hit[1] : 'make the object valid RFC 7946 GeoJSON'} (RFC 7946 structure, checked by @placemarkio/check-geojson)`;
}

/** Positions of values in the JSON text, so every problem can name its line and column. */
class JsonLocator {
  private readonly root: JsonNode | undefined;
  constructor(private readonly text: string) {
    this.root = parseTree(text);
  }
  node(path: JSONPath): JsonNode | undefined {
    return this.root ? findNodeAtLocation(this.root, path) : undefined;
  }
  /** Line/column of the deepest existing node along `path`. */
  at(path: JSONPath): { line?: number; column?: number } {
    for (let n = path.length; n >= 0; n--) {
      const node = this.node(path.slice(0, n));
      if (node) return lineColumn(this.text, node.offset);
    }
    return {};
  }
  /** [start, end) offsets of features[i]. */
  featureRanges(): [number, number][] {
    const arr = this.node(['features']);
    return arr?.type === 'array' ? (arr.children ?? []).map((c) => [c.offset, c.offset + c.length]) : [];
  }
}

interface RawCitation {
  document?: unknown;
  quote?: unknown;
  prefix?: unknown;
}

function compileFeatureFile(
  file: SourceFile,
  documents: Map<string, AtlasDocument>,
  brokenDocuments: Set<string>,
  seenIds: Map<string, string>,
  mentioned: Set<string>,
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
  const loc = new JsonLocator(file.text);
  // RFC 7946 structure (well-kept checker, with offsets); our own semantic checks follow.
  const structural = rfc7946Issues(file.text).map((i) => ({ ...i, ...lineColumn(file.text, i.from) }));
  const ranges = loc.featureRanges();
  const featureOf = (offset: number) => ranges.findIndex(([a, b]) => offset >= a && offset < b);
  const fc = json as { type?: unknown; features?: unknown };
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    const what = Array.isArray(json)
      ? 'a list'
      : json && typeof json === 'object'
        ? fc.type === 'FeatureCollection'
          ? '"features" that is not a list'
          : `"type": ${JSON.stringify(fc.type ?? null)}`
        : typeof json;
    err(`not a GeoJSON FeatureCollection (found ${what})`, 'the file must be {"type": "FeatureCollection", "features": [ … ]}', undefined, 1, 1);
    for (const i of structural) err(`RFC 7946: ${i.message}`, rfc7946Hint(i.message), undefined, i.line, i.column);
    return [];
  }
  const out: AtlasFeature[] = [];
  fc.features.forEach((raw: unknown, index: number) => {
    const f = raw as Partial<Feature> & { id?: unknown };
    const label = typeof f?.id === 'string' && f.id ? f.id : `features[${index}]`;
    const before = problems.length;
    const where = (path: JSONPath) => loc.at(['features', index, ...path]);
    const e = (message: string, hint?: string, path: JSONPath = []) => {
      const { line, column } = where(path);
      err(message, hint, label, line, column);
    };
    if (!f || typeof f !== 'object' || Array.isArray(f) || f.type !== 'Feature') {
      e(`features[${index}] is not a GeoJSON Feature`, 'each entry needs "type": "Feature", "id", "properties" and "geometry"', ['type']);
      return;
    }
    if (typeof f.id !== 'string' || !f.id) {
      e(`features[${index}] has no string "id"${f.id === undefined ? '' : ` (found ${JSON.stringify(f.id)})`}`, 'add a top-level "id": "kebab-case-name" (unique across all files)', ['id']);
    } else if (!KEBAB_ID.test(f.id)) {
      e(`id "${f.id}" is not kebab-case`, 'use lowercase letters, digits and single hyphens', ['id']);
    } else if (seenIds.has(f.id)) {
      e(`duplicate id "${f.id}" (also in ${seenIds.get(f.id)})`, 'ids must be unique across all feature files; rename one', ['id']);
    } else {
      seenIds.set(f.id, file.path);
    }
    const geometryIssues = f.geometry ? validateGeometry(f.geometry as Geometry) : [];
    // Structural issues inside this feature; where our own geometry check already explains the geometry, keep ours (it has a fix).
    const geometryNode = loc.node(['features', index, 'geometry']);
    for (const i of structural.filter((s) => featureOf(s.from) === index)) {
      const inGeometry = geometryNode && i.from >= geometryNode.offset && i.from < geometryNode.offset + geometryNode.length;
      if (inGeometry && geometryIssues.length) continue;
      if (!f.geometry && /geometry member/.test(i.message)) continue; // "feature has no geometry" below says it with a fix
      if (/properties member/.test(i.message)) continue; // "feature has no properties object" below says it with a fix
      err(`RFC 7946: ${i.message}`, rfc7946Hint(i.message), label, i.line, i.column);
    }
    const p = (f.properties ?? {}) as Record<string, unknown>;
    if (f.properties === undefined || f.properties === null || typeof f.properties !== 'object' || Array.isArray(f.properties)) {
      e('feature has no "properties" object', 'add "properties": { "name": …, "kind": …, "mode": …, "citations": [ … ] }', ['properties']);
      return;
    }
    const name = str(p.name);
    if (!name) e('feature has no "name"', 'add "name": "English name" to properties', ['properties', 'name']);
    if (!FEATURE_KINDS.includes(p.kind as never))
      e(p.kind === undefined ? 'feature has no "kind"' : `unknown kind ${JSON.stringify(p.kind)}`, `use one of: ${FEATURE_KINDS.join(', ')}`, ['properties', 'kind']);
    if (!MODES.includes(p.mode as never))
      e(p.mode === undefined ? 'feature has no "mode"' : `unknown mode ${JSON.stringify(p.mode)}`, `use one of: ${MODES.join(', ')}`, ['properties', 'mode']);
    if (!GEOMETRY_BASES.includes(p.geometry_basis as never))
      e(`geometry_basis "${String(p.geometry_basis)}" is not surveyed or schematic`, 'use "surveyed" (follows the real line/place) or "schematic" (endpoints only)', ['properties', 'geometry_basis']);
    if (!str(p.description)) e('feature has no "description"', 'add one or two sentences in our own words', ['properties', 'description']);
    const geometry = f.geometry as Geometry | null | undefined;
    if (!geometry) e('feature has no geometry', 'add a GeoJSON geometry, e.g. {"type": "Point", "coordinates": [lon, lat]}', ['geometry']);
    else for (const g of geometryIssues) e(g.message, g.hint, ['geometry', 'coordinates', ...(g.path ?? [])]);
    const legs = p.legs;
    if (legs !== undefined) {
      const parts = geometry?.type === 'MultiLineString' ? geometry.coordinates.length : -1;
      if (!Array.isArray(legs) || legs.some((m) => !MODES.includes(m as never)))
        e('"legs" must be a list of modes', `one of ${MODES.join(', ')} per part`, ['properties', 'legs']);
      else if (parts !== legs.length)
        e(`"legs" lists ${legs.length} modes but the geometry has ${parts < 0 ? 'no MultiLineString' : parts} parts`, 'give one mode per part of a MultiLineString', ['properties', 'legs']);
    }
    const rawCitations = p.citations;
    if (Array.isArray(rawCitations)) for (const c of rawCitations) if (typeof c?.document === 'string') mentioned.add(c.document);
    const citations: Citation[] = [];
    if (!Array.isArray(rawCitations) || rawCitations.length === 0) {
      e('feature has no citations', 'every feature needs at least one {"document": "<doc-id>", "quote": "<exact passage>"} (find one with: npm run cite -- <doc-id> "<words>")', ['properties', 'citations']);
    } else {
      rawCitations.forEach((c: RawCitation, ci: number) => {
        const docId = c?.document;
        const quote = c?.quote;
        const cpath = (key?: string): JSONPath => ['properties', 'citations', ci, ...(key ? [key] : [])];
        if (typeof docId !== 'string' || typeof quote !== 'string') {
          e(`citations[${ci}] needs a string "document" and "quote"`, 'write {"document": "<doc-id>", "quote": "<exact passage>"}', cpath());
          return;
        }
        const doc = documents.get(docId);
        if (!doc && brokenDocuments.has(docId)) {
          e(`citations[${ci}] names document "${docId}", which has errors of its own`, `fix data/documents/${docId}.md first (see its messages)`, cpath('document'));
          return;
        }
        if (!doc) {
          const known = [...documents.keys()];
          e(
            `citations[${ci}] names unknown document "${docId}"`,
            `use one of: ${known.join(', ') || '(no valid documents)'}; a document's id is its file name in data/documents/ without .md`,
            cpath('document'),
          );
          return;
        }
        const prefix = typeof c.prefix === 'string' ? c.prefix : undefined;
        const r = anchorQuote(doc.body, quote, prefix);
        if (r.ok) citations.push({ document: docId, quote, selector: r.selector });
        else if (r.reason === 'not-found' || r.reason === 'empty')
          e(
            `quote not found in document "${docId}": "${quote}"`,
            `copy the passage exactly from data/documents/${docId}.md; only whitespace may differ (run: npm run cite -- ${docId} ${JSON.stringify(quote.slice(0, 60))} to see the nearest matches)`,
            cpath('quote'),
          );
        else if (r.reason === 'ambiguous')
          e(
            `quote occurs ${r.count} times in document "${docId}": "${quote}"`,
            `add "prefix": "<the words just before the one you mean>" to the citation (run: npm run cite -- ${docId} ${JSON.stringify(quote.slice(0, 60))} to list the prefixes)`,
            cpath('quote'),
          );
        else e(`quote occurs in "${docId}" but never right after prefix "${prefix}": "${quote}"`, 'fix the prefix so it is the text immediately before the quote', cpath('prefix'));
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
  const brokenDocuments = new Set<string>();
  for (const file of docFiles) {
    const doc = compileDocument(file, problems);
    if (!doc) {
      brokenDocuments.add(fileStem(file.path));
      continue;
    }
    if (documents.has(doc.id)) {
      problems.push({ severity: 'error', file: file.path, id: doc.id, message: `duplicate document id "${doc.id}"`, hint: 'give each document its own id' });
      continue;
    }
    documents.set(doc.id, doc);
  }
  const seenIds = new Map<string, string>();
  const mentioned = new Set<string>();
  const features: AtlasFeature[] = [];
  for (const file of [...input.features].sort((a, b) => a.path.localeCompare(b.path))) {
    features.push(...compileFeatureFile(file, documents, brokenDocuments, seenIds, mentioned, problems));
  }
  // Documents named by any citation, even one of a feature with errors: only the truly uncited ones get the warning.
  const cited = mentioned;
  for (const file of docFiles) {
    const id = fileStem(file.path);
    if (documents.has(id) && !cited.has(id))
      problems.push({ severity: 'warning', file: file.path, id, message: `document "${id}" is cited by no feature`, hint: 'cite it from a feature, or remove it' });
  }
  const hasError = problems.some((p) => p.severity === 'error');
  return { atlas: hasError ? null : { documents: [...documents.values()], features }, problems };
}
