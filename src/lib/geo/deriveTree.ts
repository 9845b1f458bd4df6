/**
 * Derive every route recipe of a data tree held in memory: the recipes
 * (data/derive/geometry.yaml), the feature files and the record of what each
 * recipe last produced (data/derive/produced.json) go in as text; the feature
 * files whose derived geometry changed and the new record come out, with the
 * errors and the hand edits a re-derivation would overwrite. Pure (no file
 * system): scripts/derive-routes.ts runs it on the files on disk, and the
 * editor's dev server on the files as they would be after a save — one code
 * path for both.
 */
import type { FeatureCollection } from 'geojson';
import { parse as parseYaml } from 'yaml';
import { validateGeometry } from '../atlas/geometryChecks.ts';
import { duplicateKeys, jsonSyntaxError } from '../atlas/jsonPositions.ts';
import { DeriveContext, deriveAll, parseGeometrySpec, pointsById, type DerivedGeometry, type ReferenceLoaders } from './deriveRoutes.ts';
import { applyDerived, featuresInText, overwriteConflicts, producedHash, type OverwriteConflict, type ProducedRecord } from './deriveFile.ts';

export const GEOMETRY_SPEC_PATH = 'data/derive/geometry.yaml';
export const PRODUCED_PATH = 'data/derive/produced.json';
const RECORD_HEADER = 'derive-routes.ts: hash of the geometry and legs each recipe last produced (do not edit)';

/** The record of last outputs (produced.json), read leniently: an unreadable record is an empty one. */
export function parseRecord(text: string | null): ProducedRecord {
  if (text === null) return new Map();
  try {
    const raw = JSON.parse(text) as { produced?: Record<string, unknown> };
    return new Map(Object.entries(raw.produced ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return new Map();
  }
}

/** produced.json's text for these derived geometries (ids sorted, two-space JSON). */
export function formatRecord(derived: ReadonlyMap<string, DerivedGeometry>): string {
  const produced: Record<string, string> = {};
  for (const id of [...derived.keys()].sort()) Object.defineProperty(produced, id, { value: producedHash(derived.get(id)!), enumerable: true });
  return JSON.stringify({ about: RECORD_HEADER, produced }, null, 2) + '\n';
}

export interface DeriveTreeInput {
  /** The text of data/derive/geometry.yaml. */
  specText: string;
  /** Every feature file's text, by file name (e.g. "rivers.geojson"). */
  featureTexts: ReadonlyMap<string, string>;
  /** The text of data/derive/produced.json, null when there is none. */
  recordText: string | null;
  loaders: ReferenceLoaders;
}

export interface DeriveTreeResult {
  /** Problems that stop the run (nothing may be written). */
  errors: string[];
  /** Geometries a re-derivation would overwrite although derive-routes did not write them. */
  conflicts: (OverwriteConflict & { file: string })[];
  /** Feature files whose text changes, by file name. */
  changed: { file: string; text: string }[];
  /** The new text of produced.json. */
  record: string;
  /** How many recipes were derived. */
  count: number;
  /** Per recipe id, the feature file it fills. */
  fileOf: ReadonlyMap<string, string>;
}

/** Derive all recipes of the tree; nothing throws for bad input, it is reported. */
export function deriveTree(input: DeriveTreeInput): DeriveTreeResult {
  const result = (errors: string[], rest: Partial<DeriveTreeResult> = {}): DeriveTreeResult => ({
    errors,
    conflicts: [],
    changed: [],
    record: input.recordText ?? '',
    count: 0,
    fileOf: new Map(),
    ...rest,
  });
  let rawSpec: unknown;
  try {
    rawSpec = parseYaml(input.specText);
  } catch (e) {
    return result([`${GEOMETRY_SPEC_PATH}: not readable YAML: ${(e as Error).message.split('\n')[0]}`]);
  }
  const { spec, errors: specErrors } = parseGeometrySpec(rawSpec);
  if (specErrors.length) return result(specErrors.map((e) => `${GEOMETRY_SPEC_PATH}: ${e}`));

  // Any file we cannot read safely stops the run.
  const collections: FeatureCollection[] = [];
  const errors: string[] = [];
  for (const [f, text] of input.featureTexts) {
    const syntax = jsonSyntaxError(text);
    if (syntax) {
      errors.push(`data/features/${f}:${syntax.line}:${syntax.column}: not readable JSON (${syntax.message})`);
      continue;
    }
    for (const d of duplicateKeys(text)) errors.push(`data/features/${f}:${d.line}:${d.column}: key "${d.key}" appears twice in one object (the second would silently win)`);
    collections.push(JSON.parse(text) as FeatureCollection);
  }
  // Where each recipe's feature lives.
  const fileOf = new Map<string, string>();
  const current = new Map<string, { geometry: unknown; legs?: unknown }>();
  for (const [f, text] of input.featureTexts) {
    for (const [id, cur] of featuresInText(text)) {
      if (!spec.recipes.has(id)) continue;
      if (fileOf.has(id)) errors.push(`data/features/${f}: feature "${id}" is also in ${fileOf.get(id)}; a recipe can fill only one`);
      else {
        fileOf.set(id, f);
        current.set(id, cur);
      }
    }
  }
  const missing = [...spec.recipes.keys()].filter((id) => !fileOf.has(id));
  if (missing.length) errors.push(`recipes without a feature in data/features/: ${missing.join(', ')} (add the feature, with "geometry": null, or remove the recipe)`);
  if (errors.length) return result(errors, { fileOf });

  const ctx = new DeriveContext(spec, pointsById(collections), input.loaders);
  const { derived, errors: deriveErrors } = deriveAll(ctx);
  for (const [id, d] of derived)
    for (const issue of validateGeometry(d.geometry)) deriveErrors.push(`${id}: the derived geometry is invalid: ${issue.message}`);
  if (deriveErrors.length) return result(deriveErrors, { fileOf });

  // New file texts; only files holding a recipe's feature can change.
  const changed: { file: string; text: string }[] = [];
  for (const f of new Set(fileOf.values())) {
    const before = input.featureTexts.get(f)!;
    const after = applyDerived(before, derived);
    if (after !== before) changed.push({ file: f, text: after });
  }
  const conflicts = overwriteConflicts(current, derived, parseRecord(input.recordText)).map((c) => ({ ...c, file: fileOf.get(c.id)! }));
  return { errors: [], conflicts, changed, record: formatRecord(derived), count: derived.size, fileOf };
}
