/**
 * `npm run bench`: the app against the floor (bare MapLibre) and Leaflet, with
 * the real data and with a generated atlas of 10,000 features / 200 documents,
 * in headless Chromium (SwiftShader WebGL here). Prints a table of medians and
 * ratios and writes bench-results/latest.json.
 *
 *   npm run bench -- [--runs 5] [--clicks 20] [--only real|generated]
 */
import '../node20-polyfills.ts';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/e2e/chromium.ts';
import type { MapView as View } from '../../src/lib/atlas/urlState.ts';
import { pixelOf as project } from '../../src/lib/view/webMercator.ts';
import { writeAtlas } from './generate.ts';
import { serve } from './serve.ts';
import { hashOf, startHashes } from './startView.ts';
import { clickTargets, type Target } from './targets.ts';

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const flag = (name: string, d: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : d);
const RUNS = flag('runs', 5);
const CLICKS = flag('clicks', 20);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const WIDTH = 1280;
const HEIGHT = 800;

interface Dataset {
  name: 'real' | 'generated';
  label: string;
  dataRoot: string;
}
const DATASETS: Dataset[] = [
  { name: 'real', label: 'real data', dataRoot: '.' },
  { name: 'generated', label: '10,000 features', dataRoot: 'dist-bench/generated-atlas' },
];
type PageKind = 'app' | 'maplibre' | 'leaflet';

interface Sample {
  ttr: number;
  /** First frame with the features drawn on the land. */
  fmp: number;
  fps: number;
  heapMB: number;
  jsKB: number;
  dataKB: number;
  clicks: number[];
}

const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
/** Percentile; a miss (NaN) counts as slower than everything. */
const pct = (xs: number[], p: number) => {
  const s = xs.map((x) => (Number.isFinite(x) ? x : Infinity)).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};

async function buildAll(ds: Dataset) {
  if (ds.name === 'generated' && !existsSync(resolve(root, ds.dataRoot, 'data/features'))) {
    writeAtlas(resolve(root, ds.dataRoot), { features: 10_000, documents: 200, seed: 6 });
  }
  const out = resolve(root, 'dist-bench', ds.name);
  process.env.ATLAS_DATA_ROOT = ds.dataRoot;
  try {
    console.log(`building the app and the comparison pages for the ${ds.label}…`);
    await build({ root, logLevel: 'warn', build: { outDir: resolve(out, 'app'), emptyOutDir: true } });
    await build({ configFile: resolve(root, 'scripts/bench/vite.config.ts'), build: { outDir: resolve(out, 'pages') } });
  } finally {
    delete process.env.ATLAS_DATA_ROOT;
  }
  return out;
}

/** In every page: time from mousedown to the source panel showing the wanted feature, painted. */
const INIT = () => {
  const b = { t0: 0, want: null as string | null, done: null as number | null };
  (window as unknown as { __bench: typeof b }).__bench = b;
  addEventListener('mousedown', () => (b.t0 = performance.now()), true);
  new MutationObserver(() => {
    if (!b.want || b.done !== null) return;
    const a = document.querySelector('aside[aria-label="Source"]');
    if (a?.getAttribute('data-feature-id') === b.want) {
      const want = b.want;
      requestAnimationFrame(() => {
        if (b.want === want && b.done === null) b.done = performance.now() - b.t0;
      });
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-feature-id'] });
};

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1e6;
}

const mapSelector = (kind: PageKind) => (kind === 'app' ? '[aria-label="Map of corridors"]' : '#map');

/** Frames (requestAnimationFrame callbacks) per second while the mouse drags the map in a circle for 3 s. */
async function panFps(page: Page, kind: PageKind): Promise<number> {
  const box = (await page.locator(mapSelector(kind)).boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  // A string, not a function: tsx would wrap a named inner function in a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = 0;
    window.__counting = true;
    const tick = () => { if (!window.__counting) return; window.__frames++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const t0 = Date.now();
  let a = 0;
  while (Date.now() - t0 < 3000) {
    a += 0.15;
    await page.mouse.move(cx + Math.cos(a) * 150 - 150, cy + Math.sin(a) * 100);
  }
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number; __counting: boolean };
    w.__counting = false;
    return w.__frames;
  });
  const seconds = (Date.now() - t0) / 1000;
  await page.mouse.up();
  return frames / seconds;
}

async function clickLatencies(page: Page, kind: PageKind, view: View, targets: Target[], n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = targets[i % targets.length];
    const box = (await page.locator(mapSelector(kind)).boundingBox())!;
    const p = project(view, box.width, box.height, t.lng, t.lat);
    await page.evaluate((id) => {
      const b = (window as unknown as { __bench: { want: string | null; done: number | null } }).__bench;
      b.want = id;
      b.done = null;
    }, t.id);
    await page.mouse.click(box.x + p.x, box.y + p.y);
    const ms = await page
      .waitForFunction(() => (window as unknown as { __bench: { done: number | null } }).__bench.done, undefined, { timeout: 5000, polling: 10 })
      .then((h) => h.jsonValue() as Promise<number>)
      .catch(() => NaN);
    if (Number.isNaN(ms)) console.warn(`  ${kind}: clicking ${t.id} did not open its panel within 5 s (counted as a miss)`);
    out.push(ms);
  }
  return out;
}

async function waitRendered(page: Page): Promise<number> {
  const h = await page.waitForFunction(() => performance.getEntriesByName('map-first-idle')[0]?.startTime, undefined, { timeout: 120_000, polling: 20 });
  return (await h.jsonValue()) as number;
}

/** "First meaningful map": the page's own mark for the first frame with features on land (NaN when it has none). */
const firstMeaningful = (page: Page) => page.evaluate(() => performance.getEntriesByName('map-first-meaningful')[0]?.startTime ?? NaN);

async function measure(
  browser: Browser,
  kind: PageKind,
  base: string,
  server: Awaited<ReturnType<typeof serve>>,
  startHash: string,
  clickView: View,
  targets: Target[],
): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 1 });
  const origin = new URL(base).origin;
  await context.route('**/*', (r) => (r.request().url().startsWith(origin) || /^(data|blob):/.test(r.request().url()) ? r.continue() : r.abort()));
  await context.addInitScript(INIT);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  server.reset();
  const path = kind === 'app' ? '' : `${kind}.html`;
  await page.goto(`${base}${path}${startHash}`, { waitUntil: 'commit', timeout: 120_000 });
  const ttr = await waitRendered(page);
  const fmp = await firstMeaningful(page);
  await page.waitForTimeout(300);
  const jsKB = server.bytes.js / 1024;
  const dataKB = server.bytes.data / 1024;
  const heap = await heapMB(page);
  const fps = await panFps(page, kind);
  // Clicks at a view where the targets stand alone.
  await page.goto(`${base}${path}${hashOf(clickView)}`, { waitUntil: 'commit', timeout: 120_000 });
  await page.reload({ waitUntil: 'commit', timeout: 120_000 });
  await waitRendered(page);
  await page.waitForTimeout(500);
  const clicks = await clickLatencies(page, kind, clickView, targets, CLICKS);
  if (errors.length) throw new Error(`${kind}: page errors: ${errors.join('; ')}`);
  await context.close();
  return { ttr, fmp, fps, heapMB: heap, jsKB, dataKB, clicks };
}

interface Row {
  dataset: string;
  page: PageKind;
  ttrMs: number;
  fmpMs: number;
  panFps: number;
  clickP50: number;
  clickP95: number;
  heapMB: number;
  jsKB: number;
  dataKB: number;
  samples: Sample[];
}

async function main() {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  const rows: Row[] = [];
  try {
    for (const ds of DATASETS.filter((d) => !only || d.name === only)) {
      const out = await buildAll(ds);
      const app = await serve(resolve(out, 'app'), { csp: true });
      const pages = await serve(resolve(out, 'pages'));
      const { view, targets } = clickTargets(resolve(root, ds.dataRoot));
      const start = startHashes(resolve(out, 'app'));
      console.log(`${ds.label}: the app opens at "${start.app}", the comparison pages at "${start.pages}"`);
      console.log(`${ds.label}: clicking ${targets.map((t) => t.id).join(', ')} at ${hashOf(view)}`);
      try {
        for (const kind of ['app', 'maplibre', 'leaflet'] as PageKind[]) {
          const samples: Sample[] = [];
          for (let r = 0; r < RUNS; r++) {
            const startHash = kind === 'app' ? start.app : start.pages;
            const s = await measure(browser, kind, kind === 'app' ? app.url : pages.url, kind === 'app' ? app : pages, startHash, view, targets).catch((e: Error) => {
              console.warn(`  ${ds.name} ${kind} run ${r + 1} failed: ${e.message.split('\n')[0]}`);
              return null;
            });
            if (!s) continue;
            console.log(`  ${ds.name} ${kind} run ${r + 1}: first meaningful ${s.fmp.toFixed(0)} ms, render ${s.ttr.toFixed(0)} ms, pan ${s.fps.toFixed(1)} fps, click p50 ${median(s.clicks).toFixed(0)} ms`);
            samples.push(s);
          }
          const clicks = samples.flatMap((s) => s.clicks);
          rows.push({
            dataset: ds.label,
            page: kind,
            ttrMs: median(samples.map((s) => s.ttr)),
            fmpMs: median(samples.map((s) => s.fmp)),
            panFps: median(samples.map((s) => s.fps)),
            clickP50: median(clicks),
            clickP95: pct(clicks, 95),
            heapMB: median(samples.map((s) => s.heapMB)),
            jsKB: median(samples.map((s) => s.jsKB)),
            dataKB: median(samples.map((s) => s.dataKB)),
            samples,
          });
        }
      } finally {
        await app.close();
        await pages.close();
      }
    }
  } finally {
    await browser.close();
  }
  report(rows);
}

function maplibreGzipKB(): number {
  const dir = resolve(root, 'node_modules/maplibre-gl/dist');
  return ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs'].reduce((n, f) => n + gzipSync(readFileSync(resolve(dir, f)), { level: 6 }).length, 0) / 1024;
}

function report(rows: Row[]) {
  const names: Record<PageKind, string> = { app: 'app', maplibre: 'floor (bare MapLibre)', leaflet: 'Leaflet' };
  const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '–');
  const lines = [
    `| data | page | first meaningful map (ms) | first render (ms) | pan (fps) | click→panel p50 / p95 (ms) | JS heap (MB) | JS gz (KB) | data gz (KB) |`,
    `| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
    ...rows.map((r) => `| ${r.dataset} | ${names[r.page]} | ${f(r.fmpMs)} | ${f(r.ttrMs)} | ${f(r.panFps, 1)} | ${f(r.clickP50)} / ${f(r.clickP95)} | ${f(r.heapMB, 1)} | ${f(r.jsKB)} | ${f(r.dataKB)} |`),
  ];
  const get = (ds: string, p: PageKind) => rows.find((r) => r.dataset === ds && r.page === p);
  const mlKB = maplibreGzipKB();
  const targets: { target: string; value: string; ok: boolean }[] = [];
  // Issue 23's first-render targets: within 1.1 × the floor on the real data, 1.5 × at 10,000 features.
  for (const [ds, limit] of [['real data', 1.1], ['10,000 features', 1.5]] as const) {
    const a = get(ds, 'app');
    const m = get(ds, 'maplibre');
    const l = get(ds, 'leaflet');
    if (!a || !m) continue;
    const ttr = a.ttrMs / m.ttrMs;
    targets.push({ target: `${ds}: app ÷ floor first render ≤ ${limit.toFixed(1)}`, value: ttr.toFixed(2), ok: ttr <= limit });
    const fps = a.panFps / m.panFps;
    targets.push({ target: `${ds}: app ÷ floor pan fps ≥ 0.9`, value: fps.toFixed(2), ok: fps >= 0.9 });
    targets.push({ target: `${ds}: app click→panel p95 ≤ 100 ms`, value: `${f(a.clickP95)} ms`, ok: a.clickP95 <= 100 });
    targets.push({ target: `${ds}: app JS ≤ maplibre-gl gzip (${f(mlKB)} KB) + 100 KB`, value: `${f(a.jsKB)} KB`, ok: a.jsKB <= mlKB + 100 });
    // What a reader would otherwise pick: the app's first meaningful map no later than Leaflet's first render.
    if (l) targets.push({ target: `${ds}: app first meaningful map ≤ Leaflet's first render (${f(l.ttrMs)} ms)`, value: `${f(a.fmpMs)} ms`, ok: a.fmpMs <= l.ttrMs });
  }
  lines.push('', '| target | measured | holds |', '| --- | ---: | :---: |', ...targets.map((t) => `| ${t.target} | ${t.value} | ${t.ok ? 'yes' : '**no**'} |`));
  const machine = `${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Chromium headless with SwiftShader WebGL, ${WIDTH}×${HEIGHT}, ${RUNS} runs, ${CLICKS} clicks per run`;
  lines.push('', machine);
  const table = lines.join('\n');
  console.log('\n' + table);
  mkdirSync(resolve(root, 'bench-results'), { recursive: true });
  writeFileSync(resolve(root, 'bench-results/latest.json'), JSON.stringify({ date: new Date().toISOString(), machine, rows, targets }, null, 2));
  writeFileSync(resolve(root, 'bench-results/latest.md'), table + '\n');
  console.log('\nwrote bench-results/latest.json and bench-results/latest.md');
}

await main();
