/**
 * The first map drawn into index.html at build time (issue 23, item 2): with
 * an empty link in a desktop window, the map is on screen before any script
 * of the app has run; the app starts under it in the same view and replaces
 * it when its own map has painted, every feature where it was drawn. A link
 * with its own view, a phone or a small window never paints it. The app's
 * scripts are held at the network here, so the test sees each stage for as
 * long as it needs, whatever the machine's speed.
 */
import type { Point } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { showsFirstMap, viewOfAttribute, windowRange } from '../../src/lib/view/firstMap.ts';
import { featureBounds, unionBounds } from '../../src/lib/map/renderData.ts';
import { pixelOf } from '../../src/lib/view/webMercator.ts';
import { loadAtlas } from './atlasData.ts';
import { baseURL, currentView, hostileURL, launch, openPage, screenshot } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Hold every request whose URL matches until `release()`; `asked` says whether one came. */
async function hold(page: Page, url: RegExp) {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const state = { asked: false, release };
  await page.route(url, async (route) => {
    state.asked = true;
    await held;
    await route.continue();
  });
  return state;
}

const APP_ENTRY = /\/assets\/index-[\w-]+\.js$/;
const MAPLIBRE_VIEW = /\/assets\/MapView-[\w-]+\.js$/;
/** The windows the built page shows its drawn map in: decided by the atlas (tests/unit/view/firstMap.test.ts checks the rule). */
const range = windowRange(unionBounds(loadAtlas().features.map(featureBounds)));
const painted = (page: Page) => page.evaluate(() => performance.getEntriesByName('map-first-meaningful').length > 0);

/** Centre on screen of each point feature's symbol inside `root`, by id. */
const symbolCentres = (page: Page, root: string) =>
  page.evaluate((sel) => {
    const out: Record<string, { x: number; y: number }> = {};
    for (const g of document.querySelectorAll<SVGGElement>(`${sel} g.point[data-feature-id]`)) {
      const r = g.getBoundingClientRect();
      out[g.dataset.featureId!] = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    return out;
  }, root);

test('an empty link: the map is drawn before any script runs, and the app takes over in the same view, every feature in place', async () => {
  const size = { width: 1280, height: 800 };
  expect(showsFirstMap({ ...size, hash: '', search: '', storedLang: null }, range)).toBe(true);
  const w = await openPage(browser, size);
  const entry = await hold(w.page, APP_ENTRY);
  const mapView = await hold(w.page, MAPLIBRE_VIEW);
  await w.page.goto(baseURL(), { waitUntil: 'commit' });

  // Drawn and painted while the app's code has not even arrived.
  const drawn = w.page.locator('#first-map');
  await drawn.waitFor({ state: 'visible', timeout: 60_000 });
  await expect.poll(() => painted(w.page), { timeout: 60_000 }).toBe(true);
  await expect.poll(() => entry.asked, { timeout: 30_000 }).toBe(true);
  expect(await w.page.locator('#app').evaluate((el) => el.childElementCount)).toBe(0);
  expect(await drawn.locator('path.land').getAttribute('d')).toBeTruthy();
  const view = viewOfAttribute(await drawn.getAttribute('data-view'));
  expect(view).not.toBeNull();

  // Every point feature of the atlas that the view puts on the map is drawn there.
  const stage = (await drawn.locator('.stage').boundingBox())!;
  const points = loadAtlas().features.filter((f) => f.geometry.type === 'Point');
  const onMap = points.filter((f) => {
    const [lng, lat] = (f.geometry as Point).coordinates;
    const p = pixelOf(view!, stage.width, stage.height, lng, lat);
    return p.x > 10 && p.y > 10 && p.x < stage.width - 10 && p.y < stage.height - 10;
  });
  expect(onMap.length).toBeGreaterThan(0);
  const before = await symbolCentres(w.page, '#first-map');
  for (const f of onMap) {
    const [lng, lat] = (f.geometry as Point).coordinates;
    const p = pixelOf(view!, stage.width, stage.height, lng, lat);
    expect(before[f.id], f.id).toBeDefined();
    expect(Math.abs(before[f.id].x - (stage.x + p.x)), f.id).toBeLessThan(1);
    expect(Math.abs(before[f.id].y - (stage.y + p.y)), f.id).toBeLessThan(1);
  }
  // Nothing in it can be used yet, and assistive technology skips it (the app's copy is the one to use).
  expect(await drawn.getAttribute('inert')).not.toBeNull();
  expect(await drawn.getAttribute('aria-hidden')).toBe('true');
  await screenshot(w.page, 'first-map-drawn');

  // The app starts under it, in its view, and it goes when the app's own SVG map has painted.
  entry.release();
  await drawn.waitFor({ state: 'detached', timeout: 90_000 });
  const live = await currentView(w.page);
  expect(live.zoom).toBeCloseTo(view!.zoom, 2);
  expect(live.lat).toBeCloseTo(view!.lat, 2);
  expect(live.lng).toBeCloseTo(view!.lng, 2);
  const after = await symbolCentres(w.page, '[data-renderer="svg-preview"]');
  for (const f of onMap) {
    expect(Math.abs(after[f.id].x - before[f.id].x), f.id).toBeLessThan(0.5);
    expect(Math.abs(after[f.id].y - before[f.id].y), f.id).toBeLessThan(0.5);
  }
  expect(await w.page.locator('[id]').evaluateAll((els) => els.length - new Set(els.map((e) => e.id)).size)).toBe(0);
  await screenshot(w.page, 'first-map-live');

  mapView.release();
  await w.page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]', { timeout: 90_000 });
  // The drawn map was first; the benchmark's mark stays the first paint of it.
  // (The first render is marked two frames after the map is ready.)
  await expect.poll(() => w.page.evaluate(() => performance.getEntriesByName('map-first-idle').length)).toBe(1);
  const [meaningful, idle] = await w.page.evaluate(() => ['map-first-meaningful', 'map-first-idle'].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN));
  expect(meaningful).toBeLessThan(idle);
  expect(w.errors).toEqual([]);
  expect(w.offOrigin).toEqual([]);
  await w.page.context().close();
});

describe('pages that draw as before, from the app: the drawn map never shows', () => {
  const cases: [string, { width: number; height: number }, string][] = [
    ['a link with its own view', { width: 1280, height: 800 }, '#map=5/30/110'],
    ['a phone', { width: 390, height: 844 }, ''],
    ['a small window', { width: 1000, height: 640 }, ''],
  ];
  // Unless the atlas's first view is the same at every size (one point): a window it would fill more closely.
  if (range.fitWidth < range.maxWidth && range.fitHeight < range.maxHeight) {
    cases.push(['a large window, where the atlas fitted is closer', { width: range.fitWidth + 40, height: range.fitHeight + 40 }, '']);
  }
  test.each(cases)('%s', async (_name, size, hash) => {
    expect(showsFirstMap({ ...size, hash, search: '', storedLang: null }, range)).toBe(false);
    const w = await openPage(browser, size);
    const entry = await hold(w.page, APP_ENTRY);
    await w.page.goto(`${baseURL()}${hash}`, { waitUntil: 'commit' });
    await expect.poll(() => entry.asked, { timeout: 30_000 }).toBe(true);
    await w.page.locator('#first-map').waitFor({ state: 'attached', timeout: 60_000 });
    // Parsed, but hidden from the start: the gate ran before the body.
    expect(await w.page.locator('#first-map').isVisible()).toBe(false);
    expect(await painted(w.page)).toBe(false);
    entry.release();
    // Gone once the app's own map has painted.
    await w.page.locator('#first-map').waitFor({ state: 'detached', timeout: 90_000 });
    await w.page.locator('[aria-label="Map of corridors"] path.land').waitFor({ timeout: 30_000 });
    expect(w.errors).toEqual([]);
    await w.page.context().close();
  });
});

test("a hostile atlas's texts are drawn into the page as text: no script but the page's own", async () => {
  const w = await openPage(browser, { width: 1280, height: 800, base: hostileURL() });
  const entry = await hold(w.page, APP_ENTRY);
  await w.page.goto(hostileURL(), { waitUntil: 'commit' });
  await w.page.locator('#first-map').waitFor({ state: 'visible', timeout: 60_000 });
  await expect.poll(() => entry.asked, { timeout: 30_000 }).toBe(true);
  const found = await w.page.evaluate(() => ({
    scripts: [...document.querySelectorAll('#first-map script')].length,
    handlers: [...document.querySelectorAll('#first-map *')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
    links: [...document.querySelectorAll('#first-map [href^="javascript:" i], #first-map [src]')].length,
  }));
  expect(found).toEqual({ scripts: 0, handlers: 0, links: 0 });
  entry.release();
  await w.page.locator('#first-map').waitFor({ state: 'detached', timeout: 90_000 });
  expect(w.errors).toEqual([]);
  await w.page.context().close();
});
