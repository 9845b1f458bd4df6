/**
 * Compile data/ (documents as Markdown with front matter, features as GeoJSON)
 * into one validated Atlas, collecting every problem instead of stopping at the
 * first. Pure: the caller reads the files (see scripts/data-files.ts).
 */
import { area as turfArea, length as turfLength } from '@turf/turf';
import { getIssues as rfc7946Issues } from '@placemarkio/check-geojson';
import type { JSONPath } from 'jsonc-parser';
import type { Feature, Geometry } from 'geojson';
import { anchorQuote } from './anchor.ts';
import { compileDocument, fileStem, KEBAB_ID, str } from './compileDocument.ts';
import { duplicateKeys, JsonLocator, jsonSyntaxError, lineColumn, nestingDepth } from './jsonPositions.ts';
import { countPositions, fmt, LIMITS, POSITION_DEPTH } from './limits.ts';
import type { Problem } from './problems.ts';
import { validateGeometry } from './geometryChecks.ts';
import {
  checkCitationSupport,
  checkGeometryBasis,
  checkPublishedArea,
  checkPublishedLength,
  checkReferences,
  checkReferenceWording,
  checkSurveyedSources,
  checkApproximateNote,
  type CertaintyIssue,
} from './certaintyChecks.ts';
import { findSwappedPoints } from './swappedPositions.ts';
import {
  FEATURE_KINDS,
  MODES,
  ZONE_TYPES,
  type Atlas,
  type AtlasDocument,
  type AtlasFeature,
  type Citation,
  type Mode,
  type ZoneType,
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

export { checkDate, KEBAB_ID } from './compileDocument.ts';
export { lineColumn } from './jsonPositions.ts';

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

interface RawCitation {
  document?: unknown;
  quote?: unknown;
  prefix?: unknown;
  support?: unknown;
  reasoning?: unknown;
}

function compileFeatureFile(
  file: SourceFile,
  documents: Map<string, AtlasDocument>,
  brokenDocuments: Set<string>,
  seenIds: Map<string, string>,
  mentioned: Set<string>,
  problems: Problem[],
  coordinatesAt: Map<string, Omit<Problem, 'severity' | 'message'>>,
): AtlasFeature[] {
  const err = (message: string, hint?: string, id?: string, line?: number, column?: number) =>
    problems.push({ severity: 'error', file: file.path, line, column, id, message, hint });
  // Documents a file we cannot read names, so that they are not reported as "cited by no feature".
  const mentionedIn = (text: string) => {
    for (const m of text.matchAll(/"document"\s*:\s*"([^"\\]+)"/g)) mentioned.add(m[1]);
  };
  // Iterative depth check first: the parsers below recurse and a hostile nesting would overflow the stack.
  const depth = nestingDepth(file.text, LIMITS.jsonDepth);
  if (depth.overAt !== undefined) {
    const { line, column } = lineColumn(file.text, depth.overAt);
    err(`JSON nested more than ${LIMITS.jsonDepth} levels deep (${fmt(depth.depth)} levels)`, 'a feature file needs at most 8 levels (collection, features, feature, geometry, coordinates…): remove the extra brackets', undefined, line, column);
    mentionedIn(file.text);
    return [];
  }
  let json: unknown;
  try {
    json = JSON.parse(file.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const where = jsonSyntaxError(file.text);
    const what = where ? where.message : (e as Error).message;
    err(`not readable JSON (${what})`, 'fix the JSON syntax (a missing comma or bracket is the usual cause)', undefined, where?.line, where?.column);
    mentionedIn(file.text);
    return [];
  }
  for (const d of duplicateKeys(file.text))
    err(`key "${d.key}" appears twice in one object; only the second would count`, `remove one of the two "${d.key}" entries (or merge them)`, undefined, d.line, d.column);
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
  if (fc.features.length > LIMITS.features) {
    err(`the file has ${fmt(fc.features.length)} features; the atlas takes at most ${fmt(LIMITS.features)}`, 'keep the features a reader needs, or split the atlas (see "Limits" in docs/authoring.md)', undefined, 1, 1);
    mentionedIn(file.text);
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
    const g0 = f.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
    const positions = g0 && typeof g0.type === 'string' && Object.hasOwn(POSITION_DEPTH, g0.type) ? countPositions(g0.coordinates, POSITION_DEPTH[g0.type]) : 0;
    if (positions > LIMITS.positionsPerFeature) {
      e(`geometry has ${fmt(positions)} positions; the limit is ${fmt(LIMITS.positionsPerFeature)} per feature`, 'simplify the line (a vertex every few hundred metres is plenty at atlas scale), or split it into several features', ['geometry', 'coordinates']);
      return;
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
    if (p.zone_type !== undefined && (p.kind !== 'zone' || !ZONE_TYPES.includes(p.zone_type as never)))
      e(
        p.kind !== 'zone' ? '"zone_type" is for zones only' : `unknown zone_type ${JSON.stringify(p.zone_type)}`,
        p.kind !== 'zone' ? 'remove "zone_type", or make the feature a zone' : `use one of: ${ZONE_TYPES.join(', ')}`,
        ['properties', 'zone_type'],
      );
    const certainty: CertaintyIssue[] = [];
    const report = () => certainty.splice(0).forEach((i) => e(i.message, i.hint, i.path));
    checkGeometryBasis(p.geometry_basis, certainty);
    report();
    if (!str(p.description)) e('feature has no "description"', 'add one or two sentences in our own words', ['properties', 'description']);
    if (p.description_zh !== undefined && !str(p.description_zh))
      e('"description_zh" is empty or not text', 'write our Chinese translation of "description", or leave "description_zh" out', ['properties', 'description_zh']);
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
        const { support, reasoning } = checkCitationSupport(c as Record<string, unknown>, ci, certainty);
        report();
        const doc = documents.get(docId);
        // A document with errors of its own has its message already: no follow-up per citation (the atlas fails anyway).
        if (!doc && brokenDocuments.has(docId)) return;
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
        if (r.ok) citations.push({ document: docId, quote, selector: r.selector, support, ...(reasoning ? { reasoning } : {}) });
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
    const references = checkReferences(p.references, certainty);
    checkReferenceWording(references, certainty);
    if (!geometryIssues.length) checkSurveyedSources(p.geometry_basis, references, geometry, certainty);
    // A reference with a problem of its own is reported already: its missing note is not a second error.
    const referencesRead = p.references === undefined || (Array.isArray(p.references) && references.length === p.references.length);
    if (referencesRead) checkApproximateNote(p.geometry_basis, references, certainty);
    const publishedLength = checkPublishedLength(p.published_length, geometry, certainty);
    const publishedArea = checkPublishedArea(p.published_area, geometry, certainty);
    report();
    if (problems.length > before || !geometry || typeof f.id !== 'string') return;
    coordinatesAt.set(f.id, { file: file.path, id: f.id, ...where(['geometry', 'coordinates']) });
    // A cooperation link joins two offices; it is not a route, so it has no length to read.
    const lengthKm =
      p.kind !== 'cooperation-link' && (geometry.type === 'LineString' || geometry.type === 'MultiLineString')
        ? Math.round(turfLength({ type: 'Feature', geometry, properties: {} }, { units: 'kilometers' }))
        : undefined;
    const areaKm2 = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon' ? Math.round(turfArea({ type: 'Feature', geometry, properties: {} }) / 1e6) : undefined;
    out.push({
      type: 'Feature',
      id: f.id,
      geometry,
      properties: {
        name: name!,
        name_zh: str(p.name_zh),
        kind: p.kind as AtlasFeature['properties']['kind'],
        mode: p.mode as Mode,
        ...(p.kind === 'zone' && ZONE_TYPES.includes(p.zone_type as never) ? { zone_type: p.zone_type as ZoneType } : {}),
        description: String(p.description),
        ...(str(p.description_zh) ? { description_zh: str(p.description_zh) } : {}),
        geometry_basis: p.geometry_basis as AtlasFeature['properties']['geometry_basis'],
        citations,
        references,
        legs: legs as Mode[] | undefined,
        length_km: lengthKm,
        leg_lengths_km:
          legs && geometry.type === 'MultiLineString'
            ? geometry.coordinates.map((coordinates) => Math.round(turfLength({ type: 'Feature', geometry: { type: 'LineString', coordinates }, properties: {} }, { units: 'kilometers' })))
            : undefined,
        ...(publishedLength ? { published_length: publishedLength } : {}),
        ...(areaKm2 !== undefined ? { area_km2: areaKm2 } : {}),
        ...(publishedArea ? { published_area: publishedArea } : {}),
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
  const coordinatesAt = new Map<string, Omit<Problem, 'severity' | 'message'>>();
  for (const file of [...input.features].sort((a, b) => a.path.localeCompare(b.path))) {
    features.push(...compileFeatureFile(file, documents, brokenDocuments, seenIds, mentioned, problems, coordinatesAt));
  }
  if (features.length > LIMITS.features)
    problems.push({ severity: 'error', file: 'data/features', message: `the atlas has ${fmt(features.length)} features; it takes at most ${fmt(LIMITS.features)}`, hint: 'keep the features a reader needs (see "Limits" in docs/authoring.md)' });
  if (documents.size > LIMITS.documents)
    problems.push({ severity: 'error', file: 'data/documents', message: `the atlas has ${fmt(documents.size)} documents; it takes at most ${fmt(LIMITS.documents)}`, hint: 'see "Limits" in docs/authoring.md' });
  const totalPositions = features.reduce((n, f) => n + countPositions((f.geometry as { coordinates?: unknown }).coordinates, POSITION_DEPTH[f.geometry.type] ?? 0), 0);
  if (totalPositions > LIMITS.positions)
    problems.push({ severity: 'error', file: 'data/features', message: `the atlas has ${fmt(totalPositions)} positions in all; it takes at most ${fmt(LIMITS.positions)}`, hint: 'simplify the longest lines (see "Limits" in docs/authoring.md)' });
  for (const s of findSwappedPoints(features)) {
    const [lon, lat] = s.written;
    problems.push({
      severity: 'error',
      ...coordinatesAt.get(s.featureId)!,
      message: `Point: position [${lon}, ${lat}] is ${Math.round(s.writtenKm)} km from any other feature, but [${lat}, ${lon}] is ${Math.round(s.swappedKm)} km from one — it looks like [lat, lon] swapped`,
      hint: `GeoJSON is [longitude, latitude]: write [${lat}, ${lon}]`,
    });
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
