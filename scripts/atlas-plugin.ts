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
import { buildBasemap } from '../src/lib/map/basemap.ts';
import { readDataFiles } from './data-files.ts';

const ATLAS = 'virtual:atlas';
const BASEMAP = 'virtual:basemap';

/** Emit JSON as a JSON.parse call: parsed faster than an object literal of the same size. */
const jsonModule = (value: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;

export function atlasPlugin(options: { root?: string } = {}): Plugin {
  let root = options.root ?? process.cwd();
  return {
    name: 'corridor-atlas-data',
    configResolved(config) {
      root = options.root ?? config.root;
    },
    resolveId(id) {
      if (id === ATLAS || id === BASEMAP) return '\0' + id;
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
      if (id === '\0' + BASEMAP) {
        const require = createRequire(import.meta.url);
        const file = require.resolve('world-atlas/countries-50m.json');
        const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
        return jsonModule(buildBasemap(topology));
      }
    },
    configureServer(server) {
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
