/**
 * Vite plugin: compiles data/ into `virtual:atlas` and world-atlas into
 * `virtual:basemap` at build time. The build fails on any data error; the dev
 * server shows the same messages in its error overlay and reloads on change.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { Topology } from 'topojson-specification';
import { compileAtlas } from '../src/lib/atlas/compile.ts';
import { formatProblems, type Problem } from '../src/lib/atlas/problems.ts';
import { basemapRivers, buildBasemap } from '../src/lib/map/basemap.ts';
import { readDataFiles } from './data-files.ts';

const ATLAS = 'virtual:atlas';
const BASEMAP = 'virtual:basemap';
/** Basemap layers are served as same-origin JSON files that MapLibre's worker fetches and parses off the main thread. */
const BASEMAP_DIR = 'basemap';

export function basemapFiles(root: string): Record<string, string> {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
  const { land, borders, countryLabels } = buildBasemap(topology);
  const rivers = basemapRivers(JSON.parse(readFileSync(resolve(root, 'data/basemap/ne_10m_rivers_yangtze_mekong.geojson'), 'utf8')));
  return {
    'land.json': JSON.stringify(land),
    'borders.json': JSON.stringify(borders),
    'rivers.json': JSON.stringify(rivers),
    'country-labels.json': JSON.stringify(countryLabels),
  };
}

/** Emit JSON as a JSON.parse call: parsed faster than an object literal of the same size. */
const jsonModule = (value: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;

export interface AtlasPluginOptions {
  /** Project root (holds data/basemap/); defaults to Vite's root. */
  root?: string;
  /**
   * Directory whose data/documents and data/features are compiled; defaults to
   * the project root. The env var ATLAS_DATA_ROOT sets it from the command line
   * (the benchmark's generated atlas, the hostile-input fixture).
   */
  dataRoot?: string;
}

export function atlasPlugin(options: AtlasPluginOptions = {}): Plugin {
  let root = options.root ?? process.cwd();
  let dataRoot = root;
  let files: Record<string, string> | null = null;
  const basemap = () => (files ??= basemapFiles(root));
  return {
    name: 'corridor-atlas-data',
    config() {
      // The compiled atlas is data, not code: its own chunk, loaded in parallel with the app's code.
      return { build: { rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'atlas-data', test: /virtual:atlas/ }] } } } } };
    },
    configResolved(config) {
      root = options.root ?? config.root;
      const fromEnv = process.env.ATLAS_DATA_ROOT;
      dataRoot = options.dataRoot ?? (fromEnv ? resolve(root, fromEnv) : root);
    },
    resolveId(id) {
      if (id === ATLAS || id === BASEMAP) return '\0' + id;
    },
    load(id) {
      if (id === '\0' + ATLAS) {
        const problems: Problem[] = [];
        const input = readDataFiles(dataRoot, problems);
        for (const f of [...input.documents, ...input.features]) this.addWatchFile(resolve(dataRoot, f.path));
        const result = compileAtlas(input);
        problems.push(...result.problems);
        const errors = problems.filter((p) => p.severity === 'error');
        if (errors.length || !result.atlas) throw new Error(`data/ has errors:\n${formatProblems(problems)}`);
        for (const w of problems) this.warn(formatProblems([w]).split('\n')[0]);
        return jsonModule(result.atlas);
      }
      if (id === '\0' + BASEMAP) {
        // Paths relative to the page; MapView resolves them against document.baseURI.
        const urls = Object.fromEntries(Object.keys(basemap()).map((name) => [name.replace('.json', ''), `${BASEMAP_DIR}/${name}`]));
        return `export default ${JSON.stringify(urls)};`;
      }
    },
    generateBundle() {
      for (const [name, source] of Object.entries(basemap())) this.emitFile({ type: 'asset', fileName: `${BASEMAP_DIR}/${name}`, source });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/basemap\/([\w-]+\.json)$/.exec(req.url?.split('?')[0] ?? '');
        const body = m ? basemap()[m[1]] : undefined;
        if (!body) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(body);
      });
      const dataDir = resolve(dataRoot, 'data');
      server.watcher.add(dataDir);
      const reload = (file: string) => {
        if (!file.startsWith(dataDir)) return;
        const mod = server.moduleGraph.getModuleById('\0' + ATLAS);
        if (mod) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', reload);
      server.watcher.on('change', reload);
      server.watcher.on('unlink', reload);
    },
  };
}
