/**
 * Rewrite the geometry of every line and polygon feature named in
 * data/derive/geometry.yaml, so that the committed GeoJSON is reproducible:
 *
 *   npx tsx scripts/derive-routes.ts          # rewrite the derived geometry in data/features/*.geojson
 *   npx tsx scripts/derive-routes.ts --check  # exit 1 if a file would change
 *   npx tsx scripts/derive-routes.ts --force  # also replace geometry edited by hand
 *
 * The data tree is $ATLAS_DATA_ROOT (default: the project root). Inputs: the
 * recipes (data/derive/geometry.yaml), point features in data/features/, the
 * Natural Earth reference rivers (data/basemap/ne_10m_rivers_yangtze_mekong.geojson
 * of the data tree, else of the project; override the folder with
 * $ATLAS_REFERENCE_DIR) and world-atlas land-10m (estuary channel).
 *
 * Safe with a user's files: everything is derived and checked first, then all
 * changed files are written atomically (temporary file, rename) or none is.
 * Only the `geometry` and `legs` of features with a recipe change; every other
 * byte stays. data/derive/produced.json records a hash of what each recipe last
 * produced: a geometry that differs from it (edited by hand) is not
 * overwritten unless --force is given. The derivation itself is
 * src/lib/geo/deriveRoutes.ts (pure, shared with the editor).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import * as topojson from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { validateGeometry } from '../src/lib/atlas/geometryChecks.ts';
import { duplicateKeys, jsonSyntaxError } from '../src/lib/atlas/jsonPositions.ts';
import { DeriveContext, deriveAll, parseGeometrySpec, pointsById, type DerivedGeometry } from '../src/lib/geo/deriveRoutes.ts';
import { applyDerived, featuresInText, overwriteConflicts, producedHash, type ProducedRecord } from '../src/lib/geo/deriveFile.ts';
import { writeFilesAtomically } from './atomicWrite.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface DeriveRunOptions {
  /** Directory holding data/ (default $ATLAS_DATA_ROOT, else the project root). */
  root: string;
  check?: boolean;
  force?: boolean;
}

export interface DeriveRunResult {
  exitCode: 0 | 1;
  /** What the CLI prints (errors and the summary). */
  output: string[];
  /** Files written (relative to data/features). */
  written: string[];
}

const RECORD_HEADER = 'derive-routes.ts: hash of the geometry and legs each recipe last produced (do not edit)';

function readRecord(path: string): ProducedRecord {
  if (!existsSync(path)) return new Map();
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as { produced?: Record<string, unknown> };
    return new Map(Object.entries(raw.produced ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return new Map();
  }
}

function formatRecord(derived: ReadonlyMap<string, DerivedGeometry>): string {
  const produced: Record<string, string> = {};
  for (const id of [...derived.keys()].sort()) Object.defineProperty(produced, id, { value: producedHash(derived.get(id)!), enumerable: true });
  return JSON.stringify({ about: RECORD_HEADER, produced }, null, 2) + '\n';
}

export function runDerive(opts: DeriveRunOptions): DeriveRunResult {
  const out: string[] = [];
  const fail = (...lines: string[]): DeriveRunResult => ({ exitCode: 1, output: [...out, ...lines], written: [] });
  const featuresDir = join(opts.root, 'data/features');
  const specPath = join(opts.root, 'data/derive/geometry.yaml');
  const recordPath = join(opts.root, 'data/derive/produced.json');
  if (!existsSync(specPath)) return { exitCode: 0, output: [`no ${specPath}: nothing to derive`], written: [] };

  let rawSpec: unknown;
  try {
    rawSpec = parseYaml(readFileSync(specPath, 'utf8'));
  } catch (e) {
    return fail(`data/derive/geometry.yaml: not readable YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const { spec, errors: specErrors } = parseGeometrySpec(rawSpec);
  if (specErrors.length) return fail(...specErrors.map((e) => `data/derive/geometry.yaml: ${e}`), 'nothing was written');

  // Read every feature file; any file we cannot read safely stops the run before anything is written.
  const files = existsSync(featuresDir) ? readdirSync(featuresDir).filter((f) => f.endsWith('.geojson')).sort() : [];
  const texts = new Map<string, string>();
  const collections: FeatureCollection[] = [];
  const errors: string[] = [];
  for (const f of files) {
    const text = readFileSync(join(featuresDir, f), 'utf8');
    texts.set(f, text);
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
  for (const [f, text] of texts) {
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
  if (errors.length) return fail(...errors, 'nothing was written');

  const ctx = new DeriveContext(spec, pointsById(collections), {
    rivers: () => {
      const own = join(opts.root, 'data/basemap');
      const dir = process.env.ATLAS_REFERENCE_DIR ?? (existsSync(join(own, 'ne_10m_rivers_yangtze_mekong.geojson')) ? own : join(projectRoot, 'data/basemap'));
      return JSON.parse(readFileSync(join(dir, 'ne_10m_rivers_yangtze_mekong.geojson'), 'utf8'));
    },
    land: () => {
      const topo = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('world-atlas/land-10m.json'), 'utf8')) as Topology;
      return topojson.feature(topo, topo.objects.land) as unknown as Feature<MultiPolygon>;
    },
  });
  const { derived, errors: deriveErrors } = deriveAll(ctx);
  for (const [id, d] of derived)
    for (const issue of validateGeometry(d.geometry)) deriveErrors.push(`${id}: the derived geometry is invalid: ${issue.message}`);
  if (deriveErrors.length) return fail(...deriveErrors, 'nothing was written');

  // New file texts; only files holding a recipe's feature can change.
  const changed: { file: string; text: string }[] = [];
  for (const f of new Set(fileOf.values())) {
    const before = texts.get(f)!;
    const after = applyDerived(before, derived);
    if (after !== before) changed.push({ file: f, text: after });
  }
  if (opts.check) {
    for (const c of changed) out.push(`data/features/${c.file}: derived geometry differs from the committed file`);
    if (changed.length) return fail();
    return { exitCode: 0, output: [`checked ${derived.size} features in ${files.length} files`], written: [] };
  }
  if (!opts.force) {
    const conflicts = overwriteConflicts(current, derived, readRecord(recordPath));
    if (conflicts.length)
      return fail(
        ...conflicts.map((c) => `data/features/${fileOf.get(c.id)} ${c.message}`),
        'nothing was written: move the edit into the recipe in data/derive/geometry.yaml, or run with --force to replace the geometry',
      );
  }
  const record = formatRecord(derived);
  const writes = changed.map((c) => ({ path: join(featuresDir, c.file), text: c.text }));
  if (!existsSync(recordPath) || readFileSync(recordPath, 'utf8') !== record) writes.push({ path: recordPath, text: record });
  writeFilesAtomically(writes);
  out.push(`derived ${derived.size} features in ${files.length} files${changed.length ? ` (${changed.length} files rewritten: ${changed.map((c) => c.file).join(', ')})` : ''}`);
  return { exitCode: 0, output: out, written: changed.map((c) => c.file) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const r = runDerive({ root: resolve(process.env.ATLAS_DATA_ROOT ?? projectRoot), check: args.includes('--check'), force: args.includes('--force') });
  for (const line of r.output) (r.exitCode ? console.error : console.log)(line);
  process.exit(r.exitCode);
}
