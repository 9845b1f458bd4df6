/**
 * Builds the benchmark's comparison pages (bare MapLibre, Leaflet) against the
 * same data and basemap as the app. The data root comes from ATLAS_DATA_ROOT
 * (relative to the project) as for the app; the raw GeoJSON is emitted as
 * bench-data/features.geojson, which the pages fetch like a naive map would.
 */
import '../node20-polyfills.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { atlasPlugin } from '../atlas-plugin.ts';

const projectRoot = resolve(import.meta.dirname, '../..');

function benchData(): Plugin {
  return {
    name: 'bench-data',
    generateBundle() {
      const dataRoot = resolve(projectRoot, process.env.ATLAS_DATA_ROOT ?? '.');
      const dir = join(dataRoot, 'data/features');
      const features = readdirSync(dir)
        .filter((f) => f.endsWith('.geojson'))
        .sort()
        .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).features)
        // MapLibre keeps only numeric feature ids; the string id is also put in a property for promoteId.
        .map((f: { id: string; properties: object }) => ({ ...f, properties: { ...f.properties, fid: f.id } }));
      this.emitFile({ type: 'asset', fileName: 'bench-data/features.geojson', source: JSON.stringify({ type: 'FeatureCollection', features }) });
    },
  };
}

export default defineConfig({
  root: resolve(import.meta.dirname, 'pages'),
  base: './',
  logLevel: 'warn',
  plugins: [atlasPlugin({ projectRoot }), benchData()],
  build: {
    target: 'es2022',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: {
        maplibre: resolve(import.meta.dirname, 'pages/maplibre.html'),
        leaflet: resolve(import.meta.dirname, 'pages/leaflet.html'),
      },
    },
  },
});
