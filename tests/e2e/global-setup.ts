/**
 * Serves the built app (dist/) with `vite preview` for the browser tests and
 * starts one headless Chromium per test worker, shared by the files that
 * worker runs one after another (its GPU process keeps the compiled map
 * shaders across test files: a fresh browser costs seconds of software-GL
 * shader compiling on its first map). One per worker, not one for all: every
 * page of a browser draws through that browser's single GPU process, so two
 * files in one browser would wait on each other's WebGL. Also builds and
 * serves the app compiled from the hostile-input fixture (dist-hostile/) and
 * one from a generated 2,000-feature atlas (dist-many/).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { writeAtlas } from '../../scripts/bench/generate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    hostileURL: string;
    manyURL: string;
    /** One per test worker: a file uses the one of its VITEST_POOL_ID (harness.ts, launch()). */
    browserWSEndpoints: string[];
  }
}

export default async function setup(project: TestProject) {
  const executablePath = chromiumPath(); // throws with install instructions when missing
  const root = resolve(import.meta.dirname, '../..');
  if (!existsSync(resolve(root, 'dist/index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does this for you).');
  }
  const server = await preview({ root, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseURL', url);

  process.env.ATLAS_DATA_ROOT = 'tests/fixtures/hostile-data';
  try {
    await build({ root, logLevel: 'warn', build: { outDir: 'dist-hostile', emptyOutDir: true } });
  } finally {
    delete process.env.ATLAS_DATA_ROOT;
  }
  const hostile = await preview({ root, build: { outDir: 'dist-hostile' }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const hostileUrl = hostile.resolvedUrls?.local[0];
  if (!hostileUrl) throw new Error('vite preview (hostile fixture) did not report a URL');
  project.provide('hostileURL', hostileUrl);

  // A large generated atlas (the benchmark's generator, seeded): the SVG map draws it batched (SvgBatchedFeatures).
  writeAtlas(resolve(root, 'dist-many-atlas'), { features: 2000, documents: 20, seed: 6 });
  process.env.ATLAS_DATA_ROOT = 'dist-many-atlas';
  try {
    await build({ root, logLevel: 'warn', build: { outDir: 'dist-many', emptyOutDir: true } });
  } finally {
    delete process.env.ATLAS_DATA_ROOT;
  }
  const many = await preview({ root, build: { outDir: 'dist-many' }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const manyUrl = many.resolvedUrls?.local[0];
  if (!manyUrl) throw new Error('vite preview (generated atlas) did not report a URL');
  project.provide('manyURL', manyUrl);
  // Started last, so a failed build above leaves no browser running.
  const workers = Math.max(1, project.config.maxWorkers); // 1 under --no-file-parallelism
  const browserServers = await Promise.all(Array.from({ length: workers }, () => chromium.launchServer({ executablePath, args: CHROMIUM_ARGS, headless: true })));
  project.provide('browserWSEndpoints', browserServers.map((b) => b.wsEndpoint()));
  return async () => {
    await Promise.all(browserServers.map((b) => b.close()));
    await server.close();
    await hostile.close();
    await many.close();
  };
}
