/**
 * Shared browser-test plumbing: a real headless Chromium (playwright-core),
 * a page that records page errors, console errors and every request that
 * leaves the app's origin, and screenshots for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import type { MapView as View } from '../../src/lib/atlas/urlState.ts';
import { pixelOf as project } from '../../src/lib/view/webMercator.ts';

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');

export function baseURL(): string {
  return inject('baseURL');
}

/** The app built from the hostile-input fixture (tests/fixtures/hostile-data). */
export function hostileURL(): string {
  return inject('hostileURL');
}

/** The app built from a generated 2,000-feature atlas (dist-many-atlas/, made by scripts/bench/generate.ts). */
export function manyURL(): string {
  return inject('manyURL');
}

/**
 * The headless Chromium this test worker's files share (started by global-setup;
 * `close()` only disconnects), or, with `args` (e.g. --disable-webgl), one of the caller's own.
 */
export async function launch(opts: { args?: string[] } = {}): Promise<Browser> {
  if (!opts.args?.length) return chromium.connect(workerBrowserEndpoint());
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...opts.args], headless: true });
}

/** Vitest numbers its workers 1…maxWorkers (VITEST_POOL_ID): each has a browser of its own, so two files never share one GPU process. */
function workerBrowserEndpoint(): string {
  const endpoints = inject('browserWSEndpoints');
  const poolId = Number(process.env.VITEST_POOL_ID ?? 1);
  return endpoints[(Number.isInteger(poolId) && poolId > 0 ? poolId - 1 : 0) % endpoints.length];
}

export interface WatchedPage {
  page: Page;
  errors: string[];
  offOrigin: string[];
}

/** A page that blocks and records any request leaving the app's origin. */
export async function openPage(browser: Browser, opts: { width?: number; height?: number; base?: string; touch?: boolean } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 }, deviceScaleFactor: 1, hasTouch: opts.touch, isMobile: opts.touch });
  const page = await context.newPage();
  const origin = new URL(opts.base ?? baseURL()).origin;
  const errors: string[] = [];
  const offOrigin: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    offOrigin.push(url);
    return route.abort();
  });
  return { page, errors, offOrigin };
}

/** Navigate to a hash of the app and wait until the map has loaded and painted. */
export async function gotoApp(page: Page, hash = '', search = '', base = baseURL()): Promise<void> {
  await page.goto(`${base}${search}${hash}`);
  await page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]', { timeout: 60_000 });
  await waitForIdle(page);
}

/** Wait until the map has finished moving and drawing. */
export async function waitForIdle(page: Page): Promise<void> {
  await page.waitForSelector('[aria-label="Map of corridors"][data-idle="true"]', { timeout: 30_000 });
}

/** A download's bytes, read through Playwright: the shared browser is a remote one, where `download.path()` is not available. */
export async function downloadBytes(dl: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await dl.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = resolve(SCREENSHOT_DIR, `${name}.png`);
  await capture(page, path);
  return path;
}

/**
 * Capture `page` to `path`. Headless Chromium captures only the page in front,
 * and on a loaded machine its compositor can miss the capture's deadline
 * ("Unable to capture screenshot"): bring the page forward, wait for it to
 * paint a frame, and try again a few times before giving up.
 */
export async function capture(page: Page, path: string, attempts = 4): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.bringToFront();
    // A page in the background paints no frames: do not wait on one for ever.
    await page.evaluate(() => new Promise<void>((done) => {
      requestAnimationFrame(() => requestAnimationFrame(() => done()));
      setTimeout(done, 2000);
    }));
    try {
      await page.screenshot({ path, timeout: 120_000 });
      return;
    } catch (error) {
      if (attempt >= attempts || !/Unable to capture screenshot/.test(String(error))) throw error;
      await page.waitForTimeout(500 * attempt);
    }
  }
}

/** Change the hash of the open app (no reload) and wait until the map shows that view. */
export async function setHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
  const m = /map=([\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(hash);
  if (m) {
    await page.waitForFunction(
      ([z, lat, lng]) => {
        const v = /map=([\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(location.hash);
        return !!v && Math.abs(+v[1] - z) < 0.01 && Math.abs(+v[2] - lat) < 0.01 && Math.abs(+v[3] - lng) < 0.01;
      },
      [+m[1], +m[2], +m[3]],
    );
  }
  await waitForIdle(page);
}

/** The map's current view, read from the URL hash (the public contract). */
export async function currentView(page: Page): Promise<View> {
  const hash = await page.evaluate(() => location.hash);
  const m = /map=([\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(hash);
  if (!m) throw new Error(`no map view in hash "${hash}"`);
  return { zoom: +m[1], lat: +m[2], lng: +m[3] };
}

/** Click the map canvas where [lng, lat] is drawn; fails clearly if something covers that spot. */
export async function clickMapAt(page: Page, lng: number, lat: number): Promise<{ x: number; y: number }> {
  const canvas = page.locator('.maplibregl-canvas');
  const box = (await canvas.boundingBox())!;
  const view = await currentView(page);
  const p = project(view, box.width, box.height, lng, lat);
  if (p.x < 0 || p.y < 0 || p.x > box.width || p.y > box.height) throw new Error(`[${lng}, ${lat}] is outside the map at ${JSON.stringify(view)}`);
  const covered = await page.evaluate(([x, y]) => {
    const el = document.elementFromPoint(x, y);
    return el?.classList.contains('maplibregl-canvas') ? null : (el?.outerHTML.slice(0, 120) ?? 'nothing');
  }, [box.x + p.x, box.y + p.y]);
  if (covered) throw new Error(`[${lng}, ${lat}] is covered by ${covered}`);
  await canvas.click({ position: { x: p.x, y: p.y } });
  return p;
}

/** The colour the map canvas shows at a CSS pixel (needs preserveDrawingBuffer, which the app sets). */
export async function mapPixel(page: Page, x: number, y: number): Promise<[number, number, number]> {
  return page.evaluate(
    ([px, py]) => {
      const map = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
      const ratio = map.width / map.clientWidth;
      const c = document.createElement('canvas');
      c.width = c.height = 1;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(map, Math.round(px * ratio), Math.round(py * ratio), 1, 1, 0, 0, 1, 1);
      const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
      return [r, g, b] as [number, number, number];
    },
    [x, y],
  );
}
