/**
 * Vite plugin: compiles data/ into `virtual:atlas` and world-atlas into
 * `virtual:basemap` at build time. The build fails on any data error; the dev
 * server shows the same messages in its error overlay and reloads on change.
 * `virtual:maplibre-worker` is the URL MapLibre starts its worker from.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { Topology } from 'topojson-specification';
import { compileAtlas } from '../src/lib/atlas/compile.ts';
import { checkAtlas } from '../src/lib/atlas/runtimeCheck.ts';
import { formatProblems, type Problem } from '../src/lib/atlas/problems.ts';
import countries from 'i18n-iso-countries';
import countriesZh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import * as OpenCC from 'opencc-js';
import { basemapRivers, buildBasemap } from '../src/lib/map/basemap.ts';
import { basemapPlaces } from '../src/lib/map/basemapPlaces.ts';
import { basemapLakes } from '../src/lib/map/basemapWater.ts';
import { readDataFiles } from './data-files.ts';
import { assertInsideData } from './data-root.ts';
import { isEditorWrite } from './editor-writes.ts';

const ATLAS = 'virtual:atlas';
/** The compiled atlas ships as a same-origin JSON file the app fetches at startup (see src/lib/atlas/loadAtlas.ts). */
const ATLAS_FILE = 'atlas.json';
const BASEMAP = 'virtual:basemap';
const WORKER = 'virtual:maplibre-worker';
/** Example pages (iframe host) copied into the normal build, so `vite preview` serves them beside the app. */
const EXAMPLES_DIR = 'examples';
/** Basemap layers are served as same-origin JSON files that MapLibre's worker fetches and parses off the main thread. */
const BASEMAP_DIR = 'basemap';

/** Country names in Simplified Chinese by ISO 3166-1 numeric code (world-atlas ids), from i18n-iso-countries. */
function chineseCountryName(): (isoNumeric: string | undefined) => string {
  countries.registerLocale(countriesZh);
  return (id) => {
    const alpha2 = id ? countries.numericToAlpha2(id) : undefined;
    return (alpha2 && countries.getName(alpha2, 'zh')) || '';
  };
}

function basemapFiles(root: string): Record<string, string> {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
  const { land, borders, countryLabels } = buildBasemap(topology, chineseCountryName());
  const read = (name: string) => {
    assertInsideData(root, `data/basemap/${name}`);
    return JSON.parse(readFileSync(resolve(root, 'data/basemap', name), 'utf8'));
  };
  const rivers = basemapRivers(read('ne_10m_rivers_yangtze_mekong.geojson'));
  // Natural Earth mixes traditional and simplified characters in name_zh: the map shows simplified.
  const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
  const places = basemapPlaces(read('ne_10m_populated_places_corridors.geojson'), toSimplified);
  const lakes = basemapLakes(read('ne_10m_lakes_corridors.geojson'));
  return {
    'land.json': JSON.stringify(land),
    'borders.json': JSON.stringify(borders),
    'lakes.json': JSON.stringify(lakes),
    'rivers.json': JSON.stringify(rivers),
    'country-labels.json': JSON.stringify(countryLabels),
    'places.json': JSON.stringify(places),
  };
}

/** Emit JSON as a JSON.parse call: parsed faster than an object literal of the same size. */
const jsonModule = (value: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;

/** The data errors as one Error: the build prints it and fails; the dev server shows it in its overlay. */
function dataError(problems: Problem[], root: string): Error {
  const first = problems.find((p) => p.severity === 'error');
  const err = new Error(`data/ has errors (run \`npm run check\` to see the same list):\n${formatProblems(problems)}`) as Error & {
    id?: string;
    loc?: { file: string; line: number; column: number };
  };
  if (first) {
    err.id = resolve(root, first.file);
    if (first.line) err.loc = { file: err.id, line: first.line, column: (first.column ?? 1) - 1 };
  }
  // The message is the useful part; a stack through the plugin would only bury it.
  err.stack = err.message;
  return err;
}

export interface AtlasPluginOptions {
  /** Directory holding data/documents and data/features (default: $ATLAS_DATA_ROOT relative to the working directory, else Vite's root). */
  root?: string;
  /** Directory holding data/basemap (default: Vite's root). */
  projectRoot?: string;
  /**
   * Single-file build: the atlas and the basemap are embedded in the bundle
   * instead of emitted as JSON files, and MapLibre's worker is created from an
   * inlined string, so the one HTML file works from file:// with no requests.
   */
  single?: boolean;
}

/**
 * The single file has no public/ beside it: the favicon goes inline as a
 * data: URL, and links to files that are not there (web manifest, social
 * preview image) are left out.
 */
function singleFileHead(html: string, projectRoot: string): string {
  const favicon = resolve(projectRoot, 'public/favicon.svg');
  const icon = existsSync(favicon) ? `data:image/svg+xml;base64,${readFileSync(favicon).toString('base64')}` : 'data:,';
  return html
    .replace(/(<link rel="icon" href=")[^"]*(")/i, `$1${icon}$2`)
    .replace(/\s*<link rel="manifest"[^>]*>/i, '')
    .replace(/\s*<meta (property|name)="(og|twitter):[^>]*>/gi, '');
}

/** The atlas plugin's name, by which others find its `api`. */
export const ATLAS_PLUGIN_NAME = 'corridor-atlas-data';

/** What the atlas plugin offers other plugins (the first map, scripts/first-map-plugin.ts). */
export interface AtlasPluginApi {
  /** The atlas as compiled for this build (null before data/ compiled, or when it failed). */
  atlasJson(): string | null;
  /** The basemap files, by file name ("land.json"), as JSON text. */
  basemapFiles(): Record<string, string>;
}

export function atlasPlugin(options: AtlasPluginOptions = {}): Plugin<AtlasPluginApi> {
  const single = options.single ?? false;
  const dataRootOption = options.root ?? process.env.ATLAS_DATA_ROOT;
  let root = dataRootOption ? resolve(dataRootOption) : process.cwd();
  let projectRoot = options.projectRoot ?? process.cwd();
  let files: Record<string, string> | null = null;
  const basemap = () => (files ??= basemapFiles(projectRoot));
  /** The last successfully compiled atlas, as JSON text, and its versioned page-relative URL. */
  let atlasJson: string | null = null;
  let atlasHref: string | null = null;
  /** Whether data/ has been compiled since it last changed (the dev server answers from that compile). */
  let compiled = false;
  /** Compile data/ into `atlasJson`; throws the data errors (build failure, dev overlay). */
  function compile(watch?: (file: string) => void, warn?: (message: string) => void): string {
    const problems: Problem[] = [];
    const input = readDataFiles(root, problems);
    for (const f of [...input.documents, ...input.features]) watch?.(resolve(root, f.path));
    const result = compileAtlas(input);
    problems.push(...result.problems);
    const errors = problems.filter((p) => p.severity === 'error');
    atlasJson = null;
    compiled = true;
    if (errors.length || !result.atlas) throw dataError(problems, root);
    for (const w of problems) warn?.(formatProblems([w]).split('\n')[0]);
    const json = JSON.stringify(result.atlas);
    // The browser checks the atlas with runtimeCheck.ts; the build runs the same check, so the two can never disagree.
    const shape = checkAtlas(JSON.parse(json));
    if (shape.length) throw new Error(`the compiled atlas fails the check the browser runs on it (src/lib/atlas/runtimeCheck.ts):\n${shape.join('\n')}`);
    atlasJson = json;
    return atlasJson;
  }
  return {
    name: ATLAS_PLUGIN_NAME,
    api: { atlasJson: () => atlasJson, basemapFiles: basemap },
    configResolved(config) {
      projectRoot = options.projectRoot ?? config.root;
      root = dataRootOption ? resolve(dataRootOption) : config.root;
    },
    resolveId(id) {
      if (id === ATLAS || id === BASEMAP || id === WORKER) return '\0' + id;
    },
    load(id) {
      if (id === '\0' + ATLAS) {
        const json = compile((file) => this.addWatchFile(file), (message) => this.warn(message));
        // Single file: the atlas travels inside it as a data: URL, fetched and re-checked like the file.
        if (single) return `export default ${JSON.stringify(`data:application/json;base64,${Buffer.from(json).toString('base64')}`)};`;
        const version = createHash('sha256').update(json).digest('hex').slice(0, 12);
        atlasHref = `${ATLAS_FILE}?v=${version}`;
        // Page-relative URL of the atlas file; main.ts resolves it against document.baseURI.
        return `export default ${JSON.stringify(atlasHref)};`;
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
      if (!single) {
        // Start fetching the atlas and the basemap with the page, not after the code has loaded and run: the
        // SVG map paints from them first (MapStage), and MapLibre's workers revalidate the same files.
        const hrefs = [...(atlasHref ? [atlasHref] : []), ...Object.keys(basemap()).map((name) => `${BASEMAP_DIR}/${name}`)];
        return html.replace(/<\/head>/i, `${hrefs.map((href) => `  <link rel="preload" href="${href}" as="fetch" crossorigin />\n`).join('')}  </head>`);
      }
      // Its Content-Security-Policy is singleFileCspPlugin's (scripts/csp-plugin.ts).
      return singleFileHead(html, projectRoot);
    },
    generateBundle() {
      if (single) return;
      if (atlasJson) this.emitFile({ type: 'asset', fileName: ATLAS_FILE, source: atlasJson });
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
        if (req.url?.split('?')[0] === `/${ATLAS_FILE}`) {
          // Asked before the app's module graph compiled data/ (a fresh server, a preload): compile now, not a false 500.
          if (!compiled) {
            try {
              compile();
            } catch {
              // atlasJson stays null: the errors are answered below and shown by the overlay.
            }
          }
          if (atlasJson === null) {
            // Data errors: the module import already failed and the overlay shows why.
            res.statusCode = 500;
            res.end('data/ has errors: see the terminal or the error overlay');
            return;
          }
          res.setHeader('Content-Type', 'application/json');
          res.setHeader('Cache-Control', 'no-store');
          res.end(atlasJson);
          return;
        }
        const m = /^\/basemap\/([\w-]+\.json)$/.exec(req.url?.split('?')[0] ?? '');
        const body = m ? basemap()[m[1]] : undefined;
        if (!body) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(body);
      });
      const dataDir = resolve(root, 'data');
      server.watcher.add(dataDir);
      const reload = (file: string) => {
        // The editor's temporary files (.name.tmp, renamed over the target a moment later) are not data.
        if (!file.startsWith(dataDir) || /(^|[\\/])\.[^\\/]*$/.test(file)) return;
        compiled = false;
        const mod = server.moduleGraph.getModuleById('\0' + ATLAS);
        if (mod) server.moduleGraph.invalidateModule(mod);
        // After an editor save the editor's page reloads by itself (see editor-writes.ts).
        if (!isEditorWrite(file)) server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', reload);
      server.watcher.on('change', reload);
      server.watcher.on('unlink', reload);
    },
  };
}
