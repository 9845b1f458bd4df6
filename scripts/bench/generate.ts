/**
 * Generate a synthetic atlas for the benchmark: 10,000 features and 200
 * documents in the same format as data/ (valid for the compiler: every feature
 * cites one exact, unique sentence of its document). Deterministic (seeded).
 *
 *   tsx scripts/bench/generate.ts [outDir] [--features 10000] [--documents 200] [--seed 6]
 *
 * Writes <outDir>/data/documents/*.md and <outDir>/data/features/*.geojson
 * (default outDir: dist-bench/generated-atlas, which git ignores).
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { commitFiles, recoverWrites, type FileOps } from '../transaction.ts';
import { mulberry32 } from '../seededRandom.ts';
import { fmt, LIMITS } from '../../src/lib/atlas/limits.ts';

/** The file that marks a folder as the generator's own: only such a folder (or a new or empty one) is ever written to. */
export const GENERATED_MARKER = '.corridor-atlas-generated';

/** The generator will not write where it could destroy someone's files. */
export class RefusedOutputDir extends Error {}

export interface GenerateOptions {
  features: number;
  documents: number;
  seed: number;
}

const POINT_KINDS = [
  ['port', 'river'],
  ['port', 'sea'],
  ['airport', 'air'],
  ['land-port', 'road'],
  ['rail-hub', 'rail'],
  ['customs', 'administrative'],
] as const;
const LINE_KINDS = [
  ['rail-corridor', 'rail'],
  ['river-route', 'river'],
  ['sea-route', 'sea'],
  ['land-sea-corridor', 'multimodal'],
  ['cooperation-link', 'administrative'],
] as const;


const r5 = (n: number) => Math.round(n * 1e5) / 1e5;

/** The synthetic atlas as file contents keyed by path relative to the output directory. */
export function generateAtlas(opts: GenerateOptions): Record<string, string> {
  const rand = mulberry32(opts.seed);
  const files: Record<string, string> = {};
  const sentences: string[][] = Array.from({ length: opts.documents }, () => []);
  const groups: Record<string, unknown[]> = { points: [], lines: [], zones: [] };
  // Clustered around hubs, as real corridors are: dense cities, empty country between.
  const hubs = Array.from({ length: 120 }, () => [76 + rand() * 48, 19 + rand() * 28]);
  const near = (spread: number) => {
    const [x, y] = hubs[Math.floor(rand() * hubs.length)];
    return [r5(x + (rand() - 0.5) * spread), r5(y + (rand() - 0.5) * spread)];
  };
  for (let i = 0; i < opts.features; i++) {
    const doc = i % opts.documents;
    const id = `gen-feature-${i}`;
    const r = rand();
    let kind: string, mode: string, geometry: unknown, group: string;
    if (r < 0.6) {
      [kind, mode] = POINT_KINDS[i % POINT_KINDS.length];
      geometry = { type: 'Point', coordinates: near(3) };
      group = 'points';
    } else if (r < 0.95) {
      [kind, mode] = LINE_KINDS[i % LINE_KINDS.length];
      const n = 2 + Math.floor(rand() * 10);
      let [x, y] = near(2);
      const coords = [[x, y]];
      const heading = rand() * Math.PI * 2;
      for (let k = 1; k < n; k++) {
        x = r5(Math.max(-179, Math.min(179, x + Math.cos(heading + (rand() - 0.5)) * (0.3 + rand()))));
        y = r5(Math.max(-80, Math.min(80, y + Math.sin(heading + (rand() - 0.5)) * (0.3 + rand()))));
        coords.push([x, y]);
      }
      geometry = { type: 'LineString', coordinates: coords };
      group = 'lines';
    } else {
      kind = 'zone';
      mode = 'administrative';
      const [x, y] = near(3);
      const s = 0.05 + rand() * 0.25;
      geometry = { type: 'Polygon', coordinates: [[[x, y], [r5(x + s), y], [r5(x + s), r5(y + s)], [x, r5(y + s)], [x, y]]] };
      group = 'zones';
    }
    const name = `Generated ${kind} ${i}`;
    const quote = `Item ${i}: the parties agree that ${name} will be developed as a ${mode} link of the corridor.`;
    sentences[doc].push(quote);
    groups[group].push({
      type: 'Feature',
      id,
      properties: {
        name,
        name_zh: `生成要素 ${i}`,
        kind,
        mode,
        description: `A synthetic ${kind} for the benchmark (number ${i}).`,
        ...certainty(group, i, geometry),
        citations: [{ document: `gen-document-${doc}`, quote }],
      },
      geometry,
    });
  }
  for (const [group, features] of Object.entries(groups)) {
    files[`data/features/generated-${group}.geojson`] = JSON.stringify({ type: 'FeatureCollection', features }, null, 1);
  }
  sentences.forEach((list, d) => {
    const paragraphs: string[] = [];
    for (let k = 0; k < list.length; k += 5) paragraphs.push(`On this matter the customs services met again. ${list.slice(k, k + 5).join(' ')}`);
    const month = String((d % 12) + 1).padStart(2, '0');
    files[`data/documents/gen-document-${d}.md`] = [
      '---',
      `id: gen-document-${d}`,
      `title: "Generated cooperation agreement ${d}"`,
      `date: "${2015 + (d % 10)}-${month}-15"`,
      `publisher: "Benchmark generator"`,
      `parties: ["Customs A${d}", "Customs B${d}"]`,
      'language: en',
      `summary: "Synthetic agreement ${d} for the benchmark."`,
      '---',
      paragraphs.join('\n\n'),
      '',
    ].join('\n');
  });
  return files;
}

/**
 * All three certainty levels, each as the validator wants it: a surveyed point
 * names its (synthetic) source and the published coordinate, a surveyed line
 * names its source, an approximate point or zone says how it was placed, a
 * schematic line needs nothing more.
 */
function certainty(group: string, i: number, geometry: unknown): Record<string, unknown> {
  const source = { title: 'Benchmark gazetteer (synthetic)', url: 'https://example.org/benchmark-gazetteer' };
  if (group === 'points') {
    return i % 2 ? approximate(source) : { geometry_basis: 'surveyed', references: [{ ...source, coordinate: (geometry as { coordinates: number[] }).coordinates }] };
  }
  if (group === 'lines') return i % 3 === 0 ? { geometry_basis: 'schematic' } : { geometry_basis: 'surveyed', references: [source] };
  return approximate(source);
}

const approximate = (source: { title: string; url: string }) => ({ geometry_basis: 'approximate', references: [{ ...source, note: 'Placed at the synthetic gazetteer position, within about 10 km' }] });

/**
 * Make `outDir` the generator's own, or refuse: a folder that does not exist
 * yet is created and marked; an empty one is marked; one that holds the marker
 * was made by the generator before. Anything else (a project root, a home
 * folder) is refused before a single file is touched.
 */
export function claimOutputDir(outDir: string): void {
  if (!existsSync(outDir)) {
    mkdirSync(outDir, { recursive: true });
  } else {
    if (!statSync(outDir).isDirectory()) throw new RefusedOutputDir(`${outDir} is not a folder; give the generator a new folder to write into`);
    if (!existsSync(join(outDir, GENERATED_MARKER)) && readdirSync(outDir).length > 0)
      throw new RefusedOutputDir(
        `refusing to write into ${outDir}: it already holds files the generator did not make (no ${GENERATED_MARKER} marker), and it would replace its data/ folder. ` +
          'Give a new or empty folder (the default is dist-bench/generated-atlas).',
      );
  }
  writeFileSync(join(outDir, GENERATED_MARKER), 'Written by scripts/bench/generate.ts, which may replace this folder\'s data/ on its next run.\n');
}

/** The files under `dir` (relative to `root`, "/"-separated), not following links and leaving out hidden ones (the write's own records). */
function filesUnder(root: string, dir: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.name.startsWith('.')) return [];
    return e.isDirectory() ? filesUnder(root, path) : [path];
  });
}

/**
 * Write the atlas into `outDir`/data in one all-or-nothing write that also
 * removes the files of an earlier, larger atlas: killed half-way, the next
 * run (or recoverWrites) finishes it, and the folder never holds half of each.
 */
export function writeAtlas(outDir: string, opts: GenerateOptions, fileOps?: FileOps): void {
  claimOutputDir(outDir);
  recoverWrites(outDir);
  const files = generateAtlas(opts);
  const stale = filesUnder(outDir, 'data').filter((path) => !Object.hasOwn(files, path));
  commitFiles(outDir, [...Object.entries(files).map(([path, text]) => ({ path, text })), ...stale.map((path) => ({ path, text: null }))], fileOps);
}

const USAGE = 'usage: tsx scripts/bench/generate.ts [outDir] [--features 10000] [--documents 200] [--seed 6]';

/** Each flag: its default and the whole numbers it accepts (within what the data check accepts). */
const FLAGS = {
  features: { default: 10_000, min: 1, max: LIMITS.features },
  documents: { default: 200, min: 1, max: LIMITS.documents },
  seed: { default: 6, min: 0, max: 2 ** 32 - 1 },
} as const;

export type GenerateArgs = { ok: true; outDir: string | null; opts: GenerateOptions } | { ok: false; message: string };

/** Read the command line: every flag a whole number in its range, and no more documents than features (each is cited by one). */
export function parseGenerateArgs(args: string[]): GenerateArgs {
  const values: Record<string, number> = Object.fromEntries(Object.entries(FLAGS).map(([k, f]) => [k, f.default]));
  const fail = (message: string): GenerateArgs => ({ ok: false, message: `${message}\n${USAGE}` });
  let outDir: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      if (outDir !== null) return fail(`one output folder only (got "${outDir}" and "${arg}")`);
      outDir = arg;
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!Object.hasOwn(FLAGS, name)) return fail(`unknown flag --${name}`);
    const flag = FLAGS[name as keyof typeof FLAGS];
    const raw = inline ?? args[++i];
    if (raw === undefined) return fail(`--${name} needs a number`);
    const n = Number(raw);
    if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < flag.min || n > flag.max)
      return fail(`--${name} must be a whole number from ${fmt(flag.min)} to ${fmt(flag.max)} (got "${raw}")`);
    values[name] = n;
  }
  if (values.documents > values.features)
    return fail(`--documents (${fmt(values.documents)}) may not exceed --features (${fmt(values.features)}): every document must be cited by a feature`);
  return { ok: true, outDir, opts: { features: values.features, documents: values.documents, seed: values.seed } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = parseGenerateArgs(process.argv.slice(2));
  if (!args.ok) {
    console.error(args.message);
    process.exit(2);
  }
  const out = resolve(args.outDir ?? 'dist-bench/generated-atlas');
  const opts = args.opts;
  try {
    writeAtlas(out, opts);
  } catch (e) {
    if (!(e instanceof RefusedOutputDir)) throw e;
    console.error(e.message);
    process.exit(1);
  }
  console.log(`wrote ${opts.features} features and ${opts.documents} documents to ${out}/data`);
}
