import './scripts/node20-polyfills.ts';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { atlasPlugin } from './scripts/atlas-plugin.ts';
import { cspPlugin, singleFileCspPlugin } from './scripts/csp-plugin.ts';
import { editorPlugin } from './scripts/editor-plugin.ts';
import { firstMapPlugin } from './scripts/first-map-plugin.ts';
import { parseSiteUrl } from './src/lib/export/shareAddress.ts';

/** `vite build --mode single` (npm run build:single) writes one self-contained dist-single/index.html. */
export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  const version = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }).version;
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const buildDate = (Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date()).toISOString().slice(0, 10);
  return {
    // Shown in the About panel.
    // ATLAS_SITE_URL: where a copy opened from disk (the single file) points its shared links.
    define: { __APP_VERSION__: JSON.stringify(version), __BUILD_DATE__: JSON.stringify(buildDate), __ATLAS_SITE_URL__: JSON.stringify(parseSiteUrl(process.env.ATLAS_SITE_URL)) },
    // Relative asset URLs: the built site works from any folder of any static host.
    base: './',
    // The single file carries its own policy, naming each inline script by its hash once viteSingleFile has inlined them (so it comes after).
    // The editor exists only under `vite` dev.
    plugins: [svelte(), atlasPlugin({ single }), editorPlugin(), firstMapPlugin({ single }), ...(single ? [viteSingleFile(), singleFileCspPlugin()] : [cspPlugin()])],
    // Static files copied as they are (favicon, web manifest, social preview); the single file inlines what it needs.
    publicDir: single ? false : 'public',
    build: {
      target: 'es2022',
      chunkSizeWarningLimit: single ? 8000 : 1500,
      ...(single ? { outDir: 'dist-single' } : {}),
    },
    test: {
      projects: [
        {
          extends: true,
          // A shared, loaded machine makes geometry-heavy tests slow: 30 s, not the default 5 s.
          test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            include: ['tests/e2e/**/*.test.ts'],
            environment: 'node',
            globalSetup: ['tests/e2e/global-setup.ts'],
            testTimeout: 90_000,
            hookTimeout: 120_000,
            // One file at a time. Two at once (each with its own browser) were measured in a
            // fresh-clone CI run: 1,856 s against 1,886 s, and the soak test timed out, because
            // software WebGL already keeps both cores busy with one file.
            fileParallelism: false,
            // expect.poll's own default (1 s) is shorter than one page round trip on a loaded
            // machine: a state the page reaches in time could be missed. Polls end as soon as they match.
            expect: { poll: { timeout: 10_000 } },
          },
        },
      ],
    },
  };
});
