/**
 * What a save may ask for, checked before anything is read or written:
 * create or replace a document, put a feature into a feature file (replacing
 * one by id, or appending), delete a feature, set or remove a feature's route
 * recipe, list a phrase of a document as not mapped in the coverage table. Every edit names the version of the file it was made against (see
 * conflictToken.ts). Paths are built here, from checked names, and can only
 * land under data/documents/ or data/features/, or be the recipes file
 * data/derive/geometry.yaml or the coverage table data/coverage.yaml.
 */
import { KEBAB_ID } from '../atlas/compileDocument.ts';
import { fmt, LIMITS } from '../atlas/limits.ts';
import { conflictMessage } from './conflictToken.ts';
import { formatDocument, DOCUMENT_KEY_ORDER, type DocumentFrontMatter } from './documentFile.ts';
import { deleteFeature, FeatureFileError, putFeature, type RawFeature } from './featureFileEdit.ts';
import { recipeProblem, type Recipe } from '../geo/deriveRoutes.ts';
import { GEOMETRY_SPEC_PATH } from '../geo/deriveTree.ts';
import { putRecipe } from '../geo/recipeFile.ts';
import { COVERAGE_PATH, putNotMapped, type CoverageChange } from './coverageSync.ts';

export type Edit =
  | { kind: 'put-document'; token: string; front: DocumentFrontMatter; body: string }
  | { kind: 'put-feature'; file: string; token: string; feature: RawFeature; replaces?: string }
  | { kind: 'delete-feature'; file: string; token: string; id: string }
  /** Set (or, with null, remove) the route recipe of feature `id` in data/derive/geometry.yaml. */
  | { kind: 'put-recipe'; token: string; id: string; recipe: Recipe | null }
  /** List `phrase` of `document` in data/coverage.yaml as not on the map, and why. */
  | { kind: 'not-mapped'; token: string; document: string; phrase: string; why: string };

export const MAX_EDITS = 20;
/** Nesting an edit may have: its feature sits two levels down in its file ({"features": [ … ]}), which allows LIMITS.jsonDepth. */
export const MAX_EDIT_DEPTH = LIMITS.jsonDepth - 1;
/** The longest text each part of an edit may hold, in characters (docs/authoring.md, "Limits", states them). */
export const EDIT_TEXT_LIMITS = {
  /** A document's or feature's id, a file name, a version token. */
  id: 200,
  /** A feature, as JSON text. */
  feature: 500_000,
  /** One front-matter field of a document (title, summary, url …). */
  frontField: 5_000,
  /** One name in a document's parties. */
  party: 500,
  /** One line of page chrome removed from a pasted article, and why. */
  chromeLine: 5_000,
  chromeWhy: 500,
  /** A phrase listed as not mapped, and why. */
  notMappedPhrase: 2_000,
  notMappedWhy: 500,
} as const;
/** Lines of page chrome one document may list. */
export const MAX_CHROME_LINES = 500;
const MAX_STRING = EDIT_TEXT_LIMITS.feature;
const MAX_ID = EDIT_TEXT_LIMITS.id;
const FEATURE_FILE = /^[a-z0-9]+(?:-[a-z0-9]+)*\.geojson$/;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isString = (v: unknown, max: number = MAX_STRING): v is string => typeof v === 'string' && v.length <= max;
/** Why `v` is not text of at most `max` characters (naming `what` and the limit), or null. */
function textProblem(v: unknown, max: number, what: string): string | null {
  if (typeof v !== 'string') return `${what} must be text`;
  if (v.length > max) return `${what} is ${fmt(v.length)} characters long; the limit is ${fmt(max)} (see "Limits" in docs/authoring.md)`;
  return null;
}

function parseFront(v: unknown): Parsed<DocumentFrontMatter> {
  if (!isObject(v)) return fail('"front" must be an object of front-matter fields');
  for (const [k, x] of Object.entries(v)) {
    if (!DOCUMENT_KEY_ORDER.includes(k as keyof DocumentFrontMatter)) return fail(`unknown front-matter field "${k}"`);
    if (k === 'parties') {
      if (!Array.isArray(x)) return fail('"parties" must be a list of names');
      const problem = x.map((p, i) => textProblem(p, EDIT_TEXT_LIMITS.party, `"parties"[${i}]`)).find(Boolean);
      if (problem) return fail(problem);
    } else if (k === 'removed_chrome') {
      if (!Array.isArray(x) || x.some((c) => !isObject(c) || Object.keys(c).length !== 2)) return fail('"removed_chrome" must be a list of {line, why}');
      if (x.length > MAX_CHROME_LINES) return fail(`"removed_chrome" lists ${fmt(x.length)} lines; the limit is ${fmt(MAX_CHROME_LINES)}`);
      const problem = x
        .flatMap((c, i) => [textProblem(c.line, EDIT_TEXT_LIMITS.chromeLine, `"removed_chrome"[${i}].line`), textProblem(c.why, EDIT_TEXT_LIMITS.chromeWhy, `"removed_chrome"[${i}].why`)])
        .find(Boolean);
      if (problem) return fail(problem);
    } else {
      const problem = textProblem(x, EDIT_TEXT_LIMITS.frontField, `front-matter field "${k}"`);
      if (problem) return fail(problem);
    }
  }
  if (!isString(v.id, MAX_ID) || !KEBAB_ID.test(v.id)) return fail(`the document id must be kebab-case (lowercase letters, digits, single hyphens), at most ${MAX_ID} characters`);
  return { ok: true, value: v as unknown as DocumentFrontMatter };
}

/** Whether `value` nests objects and lists deeper than `limit` (counted without recursion, so any depth is safe to ask about). */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

function parseEdit(v: unknown, i: number): Parsed<Edit> {
  const at = `edits[${i}]`;
  if (!isObject(v)) return fail(`${at} must be an object`);
  if (nestedDeeperThan(v, MAX_EDIT_DEPTH))
    return fail(`${at} is nested more than ${MAX_EDIT_DEPTH} levels deep: a feature file allows ${LIMITS.jsonDepth} levels of [ and { (see "Limits" in docs/authoring.md)`);
  if (!isString(v.token, MAX_ID)) return fail(`${at} has no version token`);
  if (v.kind === 'put-document') {
    const front = parseFront(v.front);
    if (!front.ok) return fail(`${at}: ${front.message}`);
    if (typeof v.body !== 'string') return fail(`${at}: "body" must be text`);
    const bytes = utf8Bytes(v.body);
    if (bytes > LIMITS.documentBytes)
      return fail(`${at}: the document text is ${fmt(bytes)} bytes (UTF-8); the limit is ${fmt(LIMITS.documentBytes)} bytes per document (see "Limits" in docs/authoring.md): split it, or keep only the article text`);
    return { ok: true, value: { kind: 'put-document', token: v.token, front: front.value, body: v.body } };
  }
  if (v.kind === 'put-feature' || v.kind === 'delete-feature') {
    if (!isString(v.file, MAX_ID) || !FEATURE_FILE.test(v.file)) return fail(`${at}: "file" must be a kebab-case name ending in .geojson (a file in data/features/), at most ${MAX_ID} characters`);
    if (v.kind === 'delete-feature') {
      if (!isString(v.id, MAX_ID)) return fail(`${at}: "id" must be a feature id (at most ${MAX_ID} characters)`);
      return { ok: true, value: { kind: 'delete-feature', file: v.file, token: v.token, id: v.id } };
    }
    const f = v.feature;
    if (!isObject(f) || f.type !== 'Feature' || !isString(f.id, MAX_ID) || !f.id) return fail(`${at}: "feature" must be a GeoJSON Feature with a string id of at most ${MAX_ID} characters`);
    const size = JSON.stringify(f).length;
    if (size > EDIT_TEXT_LIMITS.feature) return fail(`${at}: the feature is ${fmt(size)} characters of JSON; the limit is ${fmt(EDIT_TEXT_LIMITS.feature)} (see "Limits" in docs/authoring.md): simplify its line, or split it`);
    if (v.replaces !== undefined && !isString(v.replaces, MAX_ID)) return fail(`${at}: "replaces" must be a feature id (at most ${MAX_ID} characters)`);
    return { ok: true, value: { kind: 'put-feature', file: v.file, token: v.token, feature: f as RawFeature, replaces: v.replaces as string | undefined } };
  }
  if (v.kind === 'put-recipe') {
    if (!isString(v.id, MAX_ID) || !KEBAB_ID.test(v.id)) return fail(`${at}: "id" must be a kebab-case feature id of at most ${MAX_ID} characters`);
    if (v.recipe !== null) {
      const problem = recipeProblem(v.recipe);
      if (problem) return fail(`${at}: the recipe ${problem}`);
      if (JSON.stringify(v.recipe).length > 100_000) return fail(`${at}: the recipe is too large`);
    }
    return { ok: true, value: { kind: 'put-recipe', token: v.token, id: v.id, recipe: v.recipe as Recipe | null } };
  }
  if (v.kind === 'not-mapped') {
    if (!isString(v.document, MAX_ID) || !KEBAB_ID.test(v.document)) return fail(`${at}: "document" must be a kebab-case document id of at most ${MAX_ID} characters`);
    const tooLong = textProblem(v.phrase, EDIT_TEXT_LIMITS.notMappedPhrase, '"phrase"') ?? textProblem(v.why, EDIT_TEXT_LIMITS.notMappedWhy, '"why"');
    if (typeof v.phrase !== 'string' || !v.phrase.trim()) return fail(`${at}: "phrase" must be the document's own words for the place`);
    if (typeof v.why !== 'string' || !v.why.trim()) return fail(`${at}: say why it is not mapped (at most ${EDIT_TEXT_LIMITS.notMappedWhy} characters)`);
    if (tooLong) return fail(`${at}: ${tooLong}`);
    return { ok: true, value: { kind: 'not-mapped', token: v.token, document: v.document, phrase: v.phrase, why: v.why } };
  }
  return fail(`${at}: unknown kind ${JSON.stringify(v.kind)} (put-document, put-feature, delete-feature, put-recipe or not-mapped)`);
}

/** Check a parsed request body. */
export function parseSaveRequest(body: unknown): Parsed<Edit[]> {
  if (!isObject(body) || !Array.isArray(body.edits)) return fail('the body must be {"edits": [ … ]}');
  if (body.edits.length === 0) return fail('nothing to save');
  if (body.edits.length > MAX_EDITS) return fail(`at most ${MAX_EDITS} edits per save`);
  const edits: Edit[] = [];
  for (let i = 0; i < body.edits.length; i++) {
    const r = parseEdit(body.edits[i], i);
    if (!r.ok) return r;
    edits.push(r.value);
  }
  return { ok: true, value: edits };
}

/** The data-relative path an edit writes. */
export function editPath(edit: Edit): string {
  if (edit.kind === 'put-document') return `data/documents/${edit.front.id}.md`;
  if (edit.kind === 'put-recipe') return GEOMETRY_SPEC_PATH;
  if (edit.kind === 'not-mapped') return COVERAGE_PATH;
  return `data/features/${edit.file}`;
}

function applyEdit(current: string | null, edit: Edit): string {
  if (edit.kind === 'put-document') return formatDocument(edit.front, edit.body);
  if (edit.kind === 'put-feature') return putFeature(current, edit.feature, edit.replaces ?? edit.feature.id);
  if (edit.kind === 'put-recipe') return putRecipe(current ?? '', edit.id, edit.recipe);
  if (edit.kind === 'not-mapped') return putNotMapped(current, edit.document, edit.phrase, edit.why);
  if (current === null) throw new FeatureFileError(`data/features/${edit.file} does not exist`);
  return deleteFeature(current, edit.id);
}

export type SavePlan = { ok: true; writes: Map<string, string> } | { ok: false; conflicts: string[]; errors: string[] };

/**
 * Apply the edits to the files as they are on disk (`read` gives a file's
 * text, or null when it does not exist). Each file's first edit must carry the
 * token of the disk version; later edits of the same file build on the first.
 */
export function planSave(read: (path: string) => string | null, edits: Edit[]): SavePlan {
  const texts = new Map<string, string | null>();
  const conflicts: string[] = [];
  const errors: string[] = [];
  for (const edit of edits) {
    const path = editPath(edit);
    if (!texts.has(path)) {
      const disk = read(path);
      const conflict = conflictMessage(path, edit.token, disk);
      if (conflict) {
        conflicts.push(conflict);
        texts.set(path, disk);
        continue;
      }
      texts.set(path, disk);
    }
    try {
      texts.set(path, applyEdit(texts.get(path)!, edit));
    } catch (e) {
      errors.push(`${path}: ${(e as Error).message}`);
    }
  }
  if (conflicts.length || errors.length) return { ok: false, conflicts, errors };
  return { ok: true, writes: new Map([...texts].filter((e): e is [string, string] => e[1] !== null)) };
}

/** What a save changes for the coverage table: documents written, features written (with their citations), ids gone. */
export function coverageChange(edits: Edit[]): CoverageChange {
  const documents: string[] = [];
  const features: CoverageChange['features'] = [];
  const removed: string[] = [];
  for (const e of edits) {
    if (e.kind === 'put-document') documents.push(e.front.id);
    if (e.kind === 'delete-feature') removed.push(e.id);
    if (e.kind !== 'put-feature') continue;
    const citations = ((e.feature.properties as { citations?: unknown } | undefined)?.citations ?? []) as { document?: unknown; quote?: unknown }[];
    features.push({
      id: e.feature.id,
      citations: Array.isArray(citations) ? citations.filter((c) => typeof c?.document === 'string' && typeof c?.quote === 'string') as { document: string; quote: string }[] : [],
    });
    if (e.replaces && e.replaces !== e.feature.id) removed.push(e.replaces);
  }
  return { documents, features, removed };
}
