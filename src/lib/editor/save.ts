/**
 * The editor's save, from the request body to the files to write, as a pure
 * function over a data tree: check the request, apply the edits to the files
 * as they are, refuse a new feature that reuses an id, re-derive the route
 * recipes, keep the coverage table in step, and run the build's own validator
 * on the would-be tree. Nothing is written here: the caller writes `writes`
 * all or nothing (scripts/transaction.ts) and sends `reply` with `status`.
 */
import { compileAtlas, type CompileInput, type SourceFile } from '../atlas/compile.ts';
import { fmt, LIMITS } from '../atlas/limits.ts';
import type { Problem } from '../atlas/problems.ts';
import type { ReferenceLoaders } from '../geo/deriveRoutes.ts';
import { GEOMETRY_SPEC_PATH, PRODUCED_PATH } from '../geo/deriveTree.ts';
import { contentToken } from './conflictToken.ts';
import { COVERAGE_PATH, syncCoverage } from './coverageSync.ts';
import { readFeatures } from './featureFileEdit.ts';
import { documentProblemField, featureProblemField } from './problemFields.ts';
import type { FieldProblem, SaveReply } from './protocol.ts';
import { deriveForSave } from './saveDerived.ts';
import { coverageChange, parseSaveRequest, planSave, type Edit } from './saveRequest.ts';
import { MAX_BODY_BYTES } from './writeGuard.ts';

/** The data tree a save reads: files by data-relative path, and every document and feature file as the build reads them. */
export interface SaveTree {
  /** A file's text (e.g. data/coverage.yaml), or null when it does not exist. */
  read(path: string): string | null;
  /** The documents and feature files of the tree. */
  input(): CompileInput;
  /** The reference inputs of the route derivation (rivers, land). */
  loaders: ReferenceLoaders;
}

export interface SaveOutcome {
  status: number;
  reply: SaveReply;
  /** Files to write (data-relative path → text); empty unless the save is accepted. */
  writes: Map<string, string>;
}

const refuse = (status: number, message: string, more: Partial<Extract<SaveReply, { ok: false }>> = {}): SaveOutcome => ({
  status,
  reply: { ok: false, message, ...more },
  writes: new Map(),
});

function withFields(problems: Problem[], writes: Map<string, string>): FieldProblem[] {
  return problems.map((p) => {
    const text = writes.get(p.file);
    const field = text === undefined ? null : p.file.endsWith('.md') ? documentProblemField(text, p) : featureProblemField(text, p);
    return { ...p, field };
  });
}

/**
 * Ids of new features that already belong to another feature. A put-feature
 * without `replaces` is a new feature; one whose id differs from `replaces` is
 * a rename. Either may not take an id that stays on disk after the save's
 * own deletions and replacements, nor one another edit of the save also takes.
 */
export function duplicateIds(edits: Edit[], features: readonly SourceFile[]): FieldProblem[] {
  const where = new Map<string, string>();
  for (const f of features) {
    try {
      for (const x of readFeatures(f.text)) if (typeof x?.id === 'string' && !where.has(x.id)) where.set(x.id, f.path);
    } catch {
      // An unreadable file: the validator reports it.
    }
  }
  for (const e of edits) {
    if (e.kind === 'delete-feature') where.delete(e.id);
    if (e.kind === 'put-feature' && e.replaces !== undefined) where.delete(e.replaces);
  }
  const problems: FieldProblem[] = [];
  const taken = new Set<string>();
  for (const e of edits) {
    if (e.kind !== 'put-feature') continue;
    const id = e.feature.id;
    const replacesItself = e.replaces === id;
    const other = where.get(id);
    if (!replacesItself && other !== undefined)
      problems.push({ field: 'id', file: `data/features/${e.file}`, id, message: `duplicate id "${id}": ${other} already has a feature with this id`, hint: 'give the new feature an id of its own' });
    else if (taken.has(id))
      problems.push({ field: 'id', file: `data/features/${e.file}`, id, message: `duplicate id "${id}": this save puts two features with this id`, hint: 'give each feature an id of its own' });
    taken.add(id);
  }
  return problems;
}

/** Files the save would make larger than the check accepts (LIMITS: the same numbers as check-data's). */
function oversizeFiles(writes: Map<string, string>): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const [path, text] of writes) {
    const limit = path.endsWith('.md') ? LIMITS.documentBytes : path.endsWith('.geojson') ? LIMITS.featureFileBytes : null;
    const bytes = new TextEncoder().encode(text).length;
    if (limit !== null && bytes > limit)
      out.push({ field: path.endsWith('.md') ? 'body' : null, file: path, message: `the file would be ${fmt(bytes)} bytes; the limit is ${fmt(limit)} bytes (see "Limits" in docs/authoring.md)` });
  }
  return out;
}

const foldSpace = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A phrase listed as not mapped must be the document's own words (as the coverage test asks). */
function notMappedProblems(edits: Edit[], documents: readonly { id: string; body: string }[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of edits) {
    if (e.kind !== 'not-mapped') continue;
    const doc = documents.find((d) => d.id === e.document);
    if (!doc) out.push({ field: null, file: COVERAGE_PATH, message: `there is no document "${e.document}"` });
    else if (!foldSpace(doc.body).includes(foldSpace(e.phrase))) out.push({ field: null, file: COVERAGE_PATH, message: `"${foldSpace(e.phrase)}" is not in the text of "${e.document}"` });
  }
  return out;
}

/** The save of `body` (the request's text; null when it was over MAX_BODY_BYTES) on `tree`. */
export function planEditorSave(tree: SaveTree, body: string | null): SaveOutcome {
  if (body === null) return refuse(413, `The edit is larger than ${MAX_BODY_BYTES} bytes.`);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return refuse(400, 'The body is not JSON.');
  }
  const parsed = parseSaveRequest(json);
  if (!parsed.ok) return refuse(400, parsed.message);
  const edits = parsed.value;
  const plan = planSave(tree.read, edits);
  if (!plan.ok) {
    if (plan.conflicts.length) return refuse(409, plan.conflicts.join('\n'), { conflicts: plan.conflicts });
    return refuse(400, plan.errors.join('\n'));
  }
  const tooLarge = oversizeFiles(plan.writes);
  if (tooLarge.length) return refuse(422, `Nothing was written: ${tooLarge.map((p) => `${p.file}: ${p.message}`).join('; ')}.`, { problems: tooLarge });
  const input = tree.input();
  const duplicates = duplicateIds(edits, input.features);
  if (duplicates.length) return refuse(422, `Nothing was written: ${duplicates.map((d) => d.message).join('; ')}.`, { problems: duplicates });

  // The would-be data tree: the files on disk with the planned writes in their place.
  const replace = (files: SourceFile[], ext: string) => {
    const out = files.filter((f) => !plan.writes.has(f.path));
    for (const [path, t] of plan.writes) if (path.endsWith(ext)) out.push({ path, text: t });
    return out;
  };
  const features = replace(input.features, '.geojson');
  // Route recipes re-derived on the would-be tree (scripts/derive-routes.ts's code): their geometry and produced.json join the writes.
  const derived = deriveForSave({
    features: new Map(features.map((f) => [f.path, f.text])),
    specText: plan.writes.get(GEOMETRY_SPEC_PATH) ?? tree.read(GEOMETRY_SPEC_PATH),
    recordText: tree.read(PRODUCED_PATH),
    loaders: tree.loaders,
  });
  if (!derived.ok) return refuse(422, 'Nothing was written: a route could not be derived.', { problems: derived.problems });
  for (const [path, t] of derived.writes) plan.writes.set(path, t);
  // The coverage table lists what the save added, so `npm test` keeps passing.
  const coverageOnDisk = tree.read(COVERAGE_PATH);
  const coverage = syncCoverage(plan.writes.get(COVERAGE_PATH) ?? coverageOnDisk, coverageChange(edits));
  if (!coverage.ok) return refuse(422, `Nothing was written: ${coverage.message}.`);
  if (coverage.text !== null && coverage.text !== coverageOnDisk) plan.writes.set(COVERAGE_PATH, coverage.text);
  const result = compileAtlas({ documents: replace(input.documents, '.md'), features: replace(input.features, '.geojson') });
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length) return refuse(422, 'Nothing was written: the data check found problems.', { problems: withFields(errors, plan.writes) });
  const unanchored = notMappedProblems(edits, result.atlas?.documents ?? []);
  if (unanchored.length) return refuse(422, `Nothing was written: ${unanchored.map((p) => p.message).join('; ')}.`, { problems: unanchored });
  const warnings = withFields(result.problems.filter((p) => p.severity === 'warning'), plan.writes);
  return {
    status: 200,
    reply: { ok: true, tokens: Object.fromEntries([...plan.writes].map(([p, t]) => [p, contentToken(t)])), warnings, rederived: derived.rederived },
    writes: plan.writes,
  };
}
