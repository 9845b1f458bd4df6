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
 * src/lib/geo/deriveRoutes.ts, run over the whole tree by src/lib/geo/deriveTree.ts
 * (pure, shared with the editor's dev server).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveTree, GEOMETRY_SPEC_PATH, PRODUCED_PATH } from '../src/lib/geo/deriveTree.ts';
import { dataRootProblem, linkOutOfData } from './data-root.ts';
import { commitFiles, InterruptedWriteError, type FileOps, recoverWrites, recoveryReport } from './transaction.ts';
import { referenceLoaders } from './reference-files.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface DeriveRunOptions {
  /** Directory holding data/ (default $ATLAS_DATA_ROOT, else the project root). */
  root: string;
  check?: boolean;
  force?: boolean;
  /** The file operations the write uses (tests inject a failure between renames). */
  fileOps?: FileOps;
}

export interface DeriveRunResult {
  exitCode: 0 | 1;
  /** What the CLI prints (errors and the summary). */
  output: string[];
  /** Files written (relative to data/features). */
  written: string[];
}

export function runDerive(opts: DeriveRunOptions): DeriveRunResult {
  const featuresDir = join(opts.root, 'data/features');
  const specPath = join(opts.root, GEOMETRY_SPEC_PATH);
  const recordPath = join(opts.root, PRODUCED_PATH);
  const fail = (...lines: string[]): DeriveRunResult => ({ exitCode: 1, output: lines, written: [] });
  const notATree = dataRootProblem(opts.root);
  if (notATree) return fail(notATree);
  // What an interrupted run (or editor save) left is finished or rolled back first; --check only reads.
  const recovered = opts.check ? [] : recoveryReport(recoverWrites(opts.root));
  if (!existsSync(specPath)) return { exitCode: 0, output: [...recovered, `no ${specPath}: nothing to derive`], written: [] };

  const files = readdirSync(featuresDir).filter((f) => f.endsWith('.geojson')).sort();
  const read = [GEOMETRY_SPEC_PATH, PRODUCED_PATH, 'data/features', ...files.map((f) => `data/features/${f}`)];
  const links = read.map((p) => linkOutOfData(opts.root, p)).filter((x) => x !== null);
  if (links.length) return fail(...links.map((l) => `${l.message}\n    fix: ${l.hint}`), 'nothing was written');
  const r = deriveTree({
    specText: readFileSync(specPath, 'utf8'),
    featureTexts: new Map(files.map((f) => [f, readFileSync(join(featuresDir, f), 'utf8')])),
    recordText: existsSync(recordPath) ? readFileSync(recordPath, 'utf8') : null,
    loaders: referenceLoaders(opts.root),
  });
  if (r.errors.length) return fail(...recovered, ...r.errors, 'nothing was written');
  if (opts.check) {
    if (r.changed.length) return fail(...r.changed.map((c) => `data/features/${c.file}: derived geometry differs from the committed file`));
    return { exitCode: 0, output: [`checked ${r.count} features in ${files.length} files`], written: [] };
  }
  if (!opts.force && r.conflicts.length)
    return fail(
      ...recovered,
      ...r.conflicts.map((c) => `data/features/${c.file} ${c.message}`),
      'nothing was written: move the edit into the recipe in data/derive/geometry.yaml, or run with --force to replace the geometry',
    );
  const writes = r.changed.map((c) => ({ path: `data/features/${c.file}`, text: c.text }));
  if (!existsSync(recordPath) || readFileSync(recordPath, 'utf8') !== r.record) writes.push({ path: PRODUCED_PATH, text: r.record });
  try {
    commitFiles(opts.root, writes, opts.fileOps);
  } catch (e) {
    return fail(...recovered, e instanceof InterruptedWriteError ? e.message : `nothing was written: ${(e as Error).message}`);
  }
  const output = [...recovered, `derived ${r.count} features in ${files.length} files${r.changed.length ? ` (${r.changed.length} files rewritten: ${r.changed.map((c) => c.file).join(', ')})` : ''}`];
  return { exitCode: 0, output, written: r.changed.map((c) => c.file) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const r = runDerive({ root: resolve(process.env.ATLAS_DATA_ROOT ?? projectRoot), check: args.includes('--check'), force: args.includes('--force') });
  for (const line of r.output) (r.exitCode ? console.error : console.log)(line);
  process.exit(r.exitCode);
}
