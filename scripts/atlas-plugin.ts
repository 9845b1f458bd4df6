/**
 * Vite plugin: compiles data/ into `virtual:atlas` and world-atlas into
 * `virtual:basemap` at build time. The build fails on any data error; the dev
 * server shows the same messages in its error overlay and reloads on change.
 * `virtual:maplibre-worker` is the URL MapLibre starts its worker from.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
const WORKER = 'virtual:maplibre-worker';
/** Example pages (iframe host) copied into the normal build, so `vite preview` serves them beside the app. */
const EXAMPLES_DIR = 'examples';
/** Basemap layers are served as same-origin JSON files that MapLibre's worker fetches and parses off the main thread. */
const BASEMAP_DIR = 'basemap';

function basemapFiles(root: string): Record<string, string> {
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
  root?: string;
  /**
   * Single-file build: the basemap is embedded in the bundle instead of emitted
   * as JSON files, and MapLibre's worker is created from an inlined string, so
   * the one HTML file works from file:// with no requests.
   */
  single?: boolean;
}

/**
 * The single file's own Content-Security-Policy: everything is inline, so the
 * browser itself refuses any request to a network (only data: and blob: URLs
 * the page makes, and file: frames for the embed preview).
 */
export const SINGLE_FILE_CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline' blob: data:",
  'worker-src blob: data:',
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  'connect-src data: blob:',
  'frame-src file:',
].join('; ');

export function atlasPlugin(options: AtlasPluginOptions = {}): Plugin {
  const single = options.single ?? false;
  let root = options.root ?? process.cwd();
  let files: Record<string, string> | null = null;
  const basemap = () => (files ??= basemapFiles(root));
  return {
    name: 'corridor-atlas-data',
    configResolved(config) {
      root = options.root ?? config.root;
    },
    resolveId(id) {
      if (id === ATLAS || id === BASEMAP || id === WORKER) return '\0' + id;
    },
    load(id) {
      if (id === '\0' + ATLAS) {
        const problems: Problem[] = [];
        const input = readDataFiles(root, problems);
        for (const f of [...input.documents, ...input.features]) this.addWatchFile(resolve(root, f.path));
        const result = compileAtlas(input);
        problems.push(...result.problems);
        const errors = problems.filter((p) => p.severity === 'error');
        if (errors.length || !result.atlas) throw new Error(`data/ has errors:\n${formatProblems(problems)}`);
        for (const w of problems) this.warn(formatProblems([w]).split('\n')[0]);
        return jsonModule(result.atlas);
      }
      if (id === '\0' + WORKER) {
        return single
          ? `import code from 'maplibre-gl/dist/maplibre-gl-worker.mjs?raw';\nexport default URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));`
          : `export { default } from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';`;
      }
      if (id === '\0' + BASEMAP && single) {
        // The layers themselves, as GeoJSON objects: nothing to fetch.
        return jsonModule(Object.fromEntries(Object.entries(basemap()).map(([name, json]) => [name.replace('.json', ''), JSON.parse(json)])));
      }
      if (id === '\0' + BASEMAP) {
        // Paths relative to the page; MapView resolves them against document.baseURI.
        const urls = Object.fromEntries(Object.keys(basemap()).map((name) => [name.replace('.json', ''), `${BASEMAP_DIR}/${name}`]));
        return `export default ${JSON.stringify(urls)};`;
      }
    },
    transformIndexHtml(html) {
      if (!single) return html;
      const meta = `<meta http-equiv="Content-Security-Policy" content="${SINGLE_FILE_CSP}" />`;
      const rest = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
      return /<meta charset[^>]*>/i.test(rest) ? rest.replace(/(<meta charset[^>]*>)/i, `$1\n    ${meta}`) : rest.replace(/<head>/i, `<head>\n    ${meta}`);
    },
    generateBundle() {
      if (single) return;
      for (const [name, source] of Object.entries(basemap())) this.emitFile({ type: 'asset', fileName: `${BASEMAP_DIR}/${name}`, source });
      const examples = resolve(root, EXAMPLES_DIR);
      if (existsSync(examples)) {
        for (const name of readdirSync(examples)) {
          this.emitFile({ type: 'asset', fileName: `${EXAMPLES_DIR}/${name}`, source: readFileSync(resolve(examples, name)) });
        }
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/basemap\/([\w-]+\.json)$/.exec(req.url?.split('?')[0] ?? '');
        const body = m ? basemap()[m[1]] : undefined;
        if (!body) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(body);
      });
      const dataDir = resolve(root, 'data');
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
