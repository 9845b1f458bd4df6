/**
 * Issue 14, reader polish, in a real Chromium: filters that do what they say
 * (URL values, legend entries, multi-leg routes, "Only this document").
 * Facts about the data are derived from data/, never fixed here.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dateSpan, featureLegs, featureModes, isLineFeature } from '../../src/lib/atlas/filters.ts';
import type { AtlasFeature } from '../../src/lib/atlas/types.ts';
import { bbox, pointToLineDistance } from '@turf/turf';
import { isolatedVertex, loadAtlas } from './atlasData.ts';
import { pixelOf as project } from '../../src/lib/view/webMercator.ts';
import { baseURL, clickMapAt, currentView, gotoApp, launch, openPage, screenshot, setHash, waitForIdle, type WatchedPage } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const hash = (page: Page) => page.evaluate(() => location.hash);
const panel = (page: Page) => page.locator('aside[aria-label="Source"]');
const listed = (page: Page) =>
  page.locator('nav[aria-label="Features"] [data-feature-id]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-feature-id')!))]);
function expectClean(w: WatchedPage) {
  expect(w.errors).toEqual([]);
  expect(w.offOrigin).toEqual([]);
}
/** A stand-in feature holding one leg of a route, under the route's id (so isolatedVertex skips the route itself). */
function leg(f: AtlasFeature, i: number): AtlasFeature {
  if (f.geometry.type !== 'MultiLineString') throw new Error(`${f.id} has no legs`);
  return { ...f, geometry: { type: 'LineString', coordinates: f.geometry.coordinates[i] } };
}

describe('filters from the URL', () => {
  test('unknown values are really ignored (with a notice) and known values match regardless of case', async () => {
    const w = await openPage(browser);
    const atlas = loadAtlas();
    await gotoApp(w.page, '#map=4/30/108&modes=bus&kinds=castle');
    await expect.poll(() => w.page.getByRole('status').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('"bus"')]));
    expect((await listed(w.page)).length).toBe(atlas.features.length);
    // The URL is not rewritten to an empty filter.
    expect(await hash(w.page)).not.toMatch(/modes|kinds/);

    await gotoApp(w.page, '#map=4/30/108&modes=Rail');
    const railLines = atlas.features.filter((f) => isLineFeature(f) && featureModes(f).includes('rail')).map((f) => f.id);
    const others = atlas.features.filter((f) => isLineFeature(f) && !featureModes(f).includes('rail')).map((f) => f.id);
    expect(railLines.length).toBeGreaterThan(0);
    await expect.poll(() => hash(w.page)).toContain('modes=rail');
    const shown = await listed(w.page);
    expect(shown).toEqual(expect.arrayContaining(railLines));
    for (const id of others) expect(shown).not.toContain(id);
    expectClean(w);
  });
});

describe('legend entries control exactly what they show', () => {
  test('Rail off hides rail lines but not the rail-mode symbols whose own entries stay on', async () => {
    const w = await openPage(browser);
    const railSymbols = loadAtlas().features.filter((f) => f.geometry.type === 'Point' && f.properties.mode === 'rail');
    expect(railSymbols.length).toBeGreaterThan(0);
    const target = railSymbols[0];
    const [lng, lat] = target.geometry.type === 'Point' ? target.geometry.coordinates : [0, 0];
    await gotoApp(w.page, `#map=9/${lat}/${lng}`);
    const legend = w.page.locator('section[aria-label="Legend"]').first();
    await legend.locator('button[data-mode="rail"]').click();
    await expect.poll(() => legend.locator('button[data-mode="rail"]').getAttribute('aria-pressed')).toBe('false');
    for (const kind of new Set(railSymbols.map((f) => f.properties.kind))) {
      expect(await legend.locator(`button[data-kind="${kind}"]`).getAttribute('aria-pressed')).toBe('true');
    }
    const shown = await listed(w.page);
    for (const f of railSymbols) expect(shown).toContain(f.id);
    // And the symbol is still on the map: a click on it opens it.
    await waitForIdle(w.page);
    await clickMapAt(w.page, lng, lat);
    const picker = w.page.getByRole('dialog', { name: 'Choose a feature' });
    await Promise.race([panel(w.page).waitFor(), picker.waitFor()]);
    if (await picker.count()) await picker.locator(`button[data-feature-id="${target.id}"]`).click();
    await expect.poll(() => panel(w.page).getAttribute('data-feature-id')).toBe(target.id);
    expectClean(w);
  });

  test('each leg of a multimodal route follows its own mode: with rail only, the other legs are not drawn', async () => {
    const route = loadAtlas().features.find((f) => featureLegs(f)?.includes('rail') && featureLegs(f)!.some((m) => m !== 'rail'));
    expect(route, 'a route with a rail leg and a leg in another mode').toBeTruthy();
    const legs = featureLegs(route!)!;
    const railAt = isolatedVertex(leg(route!, legs.indexOf('rail')), 20);
    const otherIndex = legs.findIndex((m) => m !== 'rail');
    const otherAt = isolatedVertex(leg(route!, otherIndex), 20);
    expect(railAt && otherAt).toBeTruthy();
    const w = await openPage(browser);
    // The other leg: nothing there to click with rail alone on.
    await gotoApp(w.page, `#map=6/${otherAt![1]}/${otherAt![0]}&modes=rail`);
    await clickMapAt(w.page, otherAt![0], otherAt![1]);
    await w.page.waitForTimeout(400);
    expect(await panel(w.page).count()).toBe(0);
    await screenshot(w.page, 'polish-rail-only-no-other-leg');
    // The rail leg is drawn and clickable.
    await gotoApp(w.page, `#map=6/${railAt![1]}/${railAt![0]}&modes=rail`);
    await clickMapAt(w.page, railAt![0], railAt![1]);
    await expect.poll(() => panel(w.page).getAttribute('data-feature-id')).toBe(route!.id);
    // Without the filter, the same click on the other leg opens the route.
    await gotoApp(w.page, `#map=6/${otherAt![1]}/${otherAt![0]}`);
    await clickMapAt(w.page, otherAt![0], otherAt![1]);
    await expect.poll(() => panel(w.page).getAttribute('data-feature-id')).toBe(route!.id);
    expectClean(w);
  });
});

describe('"Only this document"', () => {
  test('closes the panel when the selected feature is no longer shown, and frames what remains', async () => {
    const atlas = loadAtlas();
    // A document, and a selected feature that does not cite it.
    const doc = atlas.documents.find((d) => atlas.features.some((f) => !f.properties.citations.some((c) => c.document === d.id)))!;
    const outside = atlas.features.find((f) => !f.properties.citations.some((c) => c.document === doc.id))!;
    const inside = atlas.features.filter((f) => f.properties.citations.some((c) => c.document === doc.id));
    const w = await openPage(browser);
    // Far from every feature, so the map must move to show them.
    await gotoApp(w.page, `#map=6/-40/-60&feature=${outside.id}`);
    await panel(w.page).waitFor();
    await w.page.getByRole('tab', { name: 'Documents' }).click();
    await w.page.locator(`li[data-doc-id="${doc.id}"] input[type="checkbox"]`).check();
    await expect.poll(() => panel(w.page).count()).toBe(0);
    expect(await hash(w.page)).not.toContain('feature=');
    await waitForIdle(w.page);
    // The map moved to frame the document's features: every vertex of each is on the canvas.
    expect(await hash(w.page)).toContain(`docs=${doc.id}`);
    const view = await currentView(w.page);
    const box = (await w.page.locator('.maplibregl-canvas').boundingBox())!;
    for (const f of inside) {
      const [west, south, east, north] = bbox(f);
      for (const [x, y] of [[west, south], [east, north]]) {
        const p = project(view, box.width, box.height, x, y);
        expect(p.x, f.id).toBeGreaterThanOrEqual(0);
        expect(p.x, f.id).toBeLessThanOrEqual(box.width);
        expect(p.y, f.id).toBeGreaterThanOrEqual(0);
        expect(p.y, f.id).toBeLessThanOrEqual(box.height);
      }
    }
    await w.page.getByRole('tab', { name: 'Features' }).click();
    expect((await listed(w.page)).sort()).toEqual(inside.map((f) => f.id).sort());
    await screenshot(w.page, 'polish-only-this-document');
    expectClean(w);
  });
});

describe('one click per feature', () => {
  /** A port-like symbol with routes passing within `km` of it, standing clear of other symbols. */
  function symbolOnRoutes(km: number) {
    const atlas = loadAtlas();
    const points = atlas.features.filter((f) => f.geometry.type === 'Point');
    const lines = atlas.features.filter(isLineFeature);
    const xy = (f: AtlasFeature) => (f.geometry.type === 'Point' ? f.geometry.coordinates : [0, 0]);
    return points.filter((p) => {
      const [x, y] = xy(p);
      const clear = points.every((o) => o === p || Math.hypot((xy(o)[0] - x) * Math.cos((y * Math.PI) / 180), xy(o)[1] - y) * 111 > 40);
      const onRoute = lines.some((l) => lineParts(l).some((c) => pointToLineDistance([x, y], { type: 'LineString', coordinates: c }) < km));
      return clear && onRoute;
    });
  }

  test.each([6, 9])('a click on a symbol with routes beneath it selects the symbol, at zoom %i', async (zoom) => {
    const targets = symbolOnRoutes(3).slice(0, 3);
    expect(targets.length).toBeGreaterThan(0);
    // One page for every click (a fresh page per click cost a full map load each): the selection is cleared before the next view.
    const w = await openPage(browser);
    for (const [i, t] of targets.entries()) {
      const [lng, lat] = t.geometry.type === 'Point' ? t.geometry.coordinates : [0, 0];
      const view = `#map=${zoom}/${lat}/${lng}`;
      await (i === 0 ? gotoApp(w.page, view) : setHash(w.page, view));
      await clickMapAt(w.page, lng, lat);
      await expect.poll(() => panel(w.page).getAttribute('data-feature-id'), { timeout: 10_000 }).toBe(t.id);
      expect(await w.page.getByRole('dialog', { name: 'Choose a feature' }).count()).toBe(0);
      await w.page.keyboard.press('Escape');
      await panel(w.page).waitFor({ state: 'detached' });
      await expect.poll(() => hash(w.page)).not.toContain('feature=');
    }
    expectClean(w);
    await w.page.context().close();
  });

  test('lines drawn within a few pixels of each other offer a choice, which follows the map when it pans', async () => {
    // A vertex of one line that another line passes within a few hundred metres of, far from any symbol.
    const atlas = loadAtlas();
    const lines = atlas.features.filter(isLineFeature);
    const points = atlas.features.filter((f) => f.geometry.type === 'Point');
    let spot: { at: number[]; a: string; b: string } | null = null;
    for (const a of lines) {
      for (const c of lineParts(a)) {
        for (const v of c) {
          const b = lines.find((o) => o !== a && lineParts(o).some((oc) => pointToLineDistance(v, { type: 'LineString', coordinates: oc }) < 0.3));
          const farFromSymbols = points.every((p) => p.geometry.type === 'Point' && Math.hypot(p.geometry.coordinates[0] - v[0], p.geometry.coordinates[1] - v[1]) > 0.8);
          if (b && farFromSymbols) spot = { at: v, a: a.id, b: b.id };
          if (spot) break;
        }
        if (spot) break;
      }
      if (spot) break;
    }
    expect(spot, 'two lines that share a stretch').toBeTruthy();
    const w = await openPage(browser);
    await gotoApp(w.page, `#map=5/${spot!.at[1]}/${spot!.at[0]}`);
    await clickMapAt(w.page, spot!.at[0], spot!.at[1]);
    const picker = w.page.getByRole('dialog', { name: 'Choose a feature' });
    await picker.waitFor();
    const offered = await picker.locator('button[data-feature-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-feature-id')));
    expect(offered).toEqual(expect.arrayContaining([spot!.a, spot!.b]));
    await screenshot(w.page, 'polish-chooser-lines');
    // Pan by dragging the map: the chooser moves with it.
    const before = (await picker.boundingBox())!;
    const canvas = (await w.page.locator('.maplibregl-canvas').boundingBox())!;
    // Start the drag on bare map, away from the chooser and the legend.
    const from = { x: canvas.x + canvas.width * 0.3, y: canvas.y + canvas.height * 0.85 };
    expect(from.x < before.x || from.y > before.y + before.height).toBe(true);
    await w.page.mouse.move(from.x, from.y);
    await w.page.mouse.down();
    for (let i = 1; i <= 10; i++) await w.page.mouse.move(from.x - i * 8, from.y - i * 5);
    await w.page.waitForTimeout(400); // let the drag come to rest, so no inertia follows
    await w.page.mouse.up();
    await waitForIdle(w.page);
    const after = (await picker.boundingBox())!;
    expect(Math.abs(after.x - before.x + 80)).toBeLessThanOrEqual(2);
    expect(Math.abs(after.y - before.y + 50)).toBeLessThanOrEqual(2);
    expectClean(w);
  });
});

function lineParts(f: AtlasFeature): number[][][] {
  if (f.geometry.type === 'LineString') return [f.geometry.coordinates];
  if (f.geometry.type === 'MultiLineString') return f.geometry.coordinates;
  return [];
}

/** Is the point [lng, lat] drawn on the map and not under `cover` (a panel or sheet)? */
async function visibleOnMap(page: Page, lng: number, lat: number, coverSelector: string): Promise<{ x: number; y: number; coverTop: number; coverLeft: number }> {
  const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
  const p = project(await currentView(page), canvas.width, canvas.height, lng, lat);
  const cover = (await page.locator(coverSelector).boundingBox())!;
  return { x: canvas.x + p.x, y: canvas.y + p.y, coverTop: cover.y, coverLeft: cover.x };
}
const pointOf = (f: AtlasFeature): [number, number] => (f.geometry.type === 'Point' ? (f.geometry.coordinates as [number, number]) : [0, 0]);

describe('the selection is shown in the part of the map that is visible', () => {
  test('an embed at 480×320 with a feature selected in its URL moves it out from under the panel', async () => {
    const target = loadAtlas().features.find((f) => f.geometry.type === 'Point')!;
    const [lng, lat] = pointOf(target);
    const w = await openPage(browser, { width: 480, height: 320 });
    // A view in which the feature sits low in the frame, where the panel opens.
    await w.page.goto(`${baseURL()}?embed=1#map=7/${lat + 0.6}/${lng}&feature=${target.id}`);
    await w.page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]', { timeout: 60_000 });
    await panel(w.page).waitFor();
    await expect.poll(async () => {
      await waitForIdle(w.page);
      const v = await visibleOnMap(w.page, lng, lat, 'aside[aria-label="Source"]');
      return v.y > 0 && v.y < v.coverTop - 10;
    }, { timeout: 15_000 }).toBe(true);
    await screenshot(w.page, 'polish-embed-480x320-selection');
    expectClean(w);
  });

  test('a phone: the feature tapped stays in view above the bottom sheet', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const target = symbolsClearOfOthers()[0];
    const [lng, lat] = pointOf(target);
    // The symbol low on the screen, where the sheet will open.
    await gotoApp(page, `#map=8/${lat + 0.6}/${lng}`);
    const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const p = project(await currentView(page), canvas.width, canvas.height, lng, lat);
    expect(p.y).toBeGreaterThan(canvas.height * 0.6);
    expect(p.y).toBeLessThan(canvas.height - 10);
    await page.touchscreen.tap(canvas.x + p.x, canvas.y + p.y);
    await expect.poll(() => panel(page).getAttribute('data-feature-id'), { timeout: 10_000 }).toBe(target.id);
    await expect.poll(async () => {
      await waitForIdle(page);
      const v = await visibleOnMap(page, lng, lat, 'aside[aria-label="Source"]');
      return v.y > canvas.y && v.y < v.coverTop - 10;
    }, { timeout: 15_000 }).toBe(true);
    await screenshot(page, 'polish-phone-tap');
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** Point symbols at least 40 km from any other symbol. */
function symbolsClearOfOthers(): AtlasFeature[] {
  const points = loadAtlas().features.filter((f) => f.geometry.type === 'Point');
  return points.filter((p) => {
    const [x, y] = pointOf(p);
    return points.every((o) => o === p || Math.hypot((pointOf(o)[0] - x) * Math.cos((y * Math.PI) / 180), pointOf(o)[1] - y) * 111 > 40);
  });
}

describe('phones', () => {
  test('390×844: the search box is usable width and its results are not cut; a compact timeline is there', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await gotoApp(page, '#map=4/30/108');
    const timeline = page.locator('section[aria-label="Timeline of the agreements"]');
    const tb = (await timeline.boundingBox())!;
    expect(tb.y + tb.height).toBeLessThanOrEqual(844 + 1);
    expect(tb.height).toBeLessThanOrEqual(70);
    expect(await timeline.locator('[data-doc-id]').count()).toBe(loadAtlas().documents.length);
    await screenshot(page, 'polish-phone-timeline');
    const input = page.getByRole('combobox', { name: 'Search' });
    expect((await input.boundingBox())!.width).toBeGreaterThanOrEqual(300);
    // The longest feature name: its result must show whole.
    const longest = loadAtlas().features.map((f) => f.properties.name).sort((a, b) => b.length - a.length)[0];
    await input.fill(longest.split(' ').slice(0, 2).join(' '));
    const option = page.getByRole('option').filter({ hasText: longest }).first();
    await option.waitFor();
    const label = option.locator('.label');
    const fits = await label.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.getBoundingClientRect().right <= window.innerWidth);
    expect(fits).toBe(true);
    expect(await label.textContent()).toBe(longest);
    await screenshot(page, 'polish-phone-search');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('390×844: the scale bar and the attribution do not overlap', async () => {
    const w = await openPage(browser, { width: 390, height: 844 });
    await gotoApp(w.page, '#map=8/30.6/114.4');
    const scale = await w.page.locator('.maplibregl-ctrl-scale').boundingBox();
    const attrib = await w.page.locator('.maplibregl-ctrl-attrib').boundingBox();
    expect(scale, 'a scale bar at zoom 8').toBeTruthy();
    const overlap = !(scale!.x + scale!.width <= attrib!.x || attrib!.x + attrib!.width <= scale!.x || scale!.y + scale!.height <= attrib!.y || attrib!.y + attrib!.height <= scale!.y);
    expect(overlap).toBe(false);
    await screenshot(w.page, 'polish-phone-scale-attribution');
    expectClean(w);
  });
});

describe('small things', () => {
  test('the scale bar is hidden at world zoom, where one bar cannot be true, and shown closer in', async () => {
    const w = await openPage(browser);
    await gotoApp(w.page, '#map=2/30/100');
    expect(await w.page.locator('.maplibregl-ctrl-scale').isVisible()).toBe(false);
    await setHash(w.page, '#map=8/30.6/114.4');
    await expect.poll(() => w.page.locator('.maplibregl-ctrl-scale').isVisible()).toBe(true);
    expectClean(w);
  });

  test('at 1280×800 the header tagline is shown whole', async () => {
    const w = await openPage(browser, { width: 1280, height: 800 });
    await gotoApp(w.page, '#map=4/30/108');
    const tagline = w.page.locator('header.bar p');
    expect(await tagline.isVisible()).toBe(true);
    expect(await tagline.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1)).toBe(true);
    const bar = (await w.page.locator('header.bar').boundingBox())!;
    expect(bar.height).toBeLessThanOrEqual(56);
    expectClean(w);
  });

  test('a compact document header says how the date was found, in plain words', async () => {
    const doc = loadAtlas().documents.find((d) => d.date_basis)!;
    const w = await openPage(browser, { width: 1280, height: 800 });
    await gotoApp(w.page, `#map=4/30/108&doc=${doc.id}`);
    const header = w.page.locator('section[aria-label="Document"] header');
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(160);
    expect(await header.textContent()).not.toMatch(/page stamp/i);
    await header.locator('details summary').click();
    await expect.poll(() => header.locator('details').textContent()).toContain(doc.date_basis!);
    await screenshot(w.page, 'polish-document-header');
    expectClean(w);
  });

  test('static files are copied as they are: favicon, web manifest, social preview', async () => {
    const w = await openPage(browser);
    await gotoApp(w.page, '#map=4/30/108');
    const links = await w.page.evaluate(() => ({
      icon: document.querySelector<HTMLLinkElement>('link[rel="icon"]')!.href,
      manifest: document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href,
      image: new URL(document.querySelector<HTMLMetaElement>('meta[property="og:image"]')!.content, document.baseURI).href,
    }));
    const origin = new URL(baseURL()).origin;
    for (const url of Object.values(links)) expect(url.startsWith(origin)).toBe(true);
    const icon = await fetch(links.icon);
    expect(icon.headers.get('content-type')).toContain('svg');
    expect(await icon.text()).toContain('<svg');
    const manifest = await (await fetch(links.manifest)).json();
    expect(manifest.name).toBe('Corridor Atlas');
    for (const i of manifest.icons) expect((await fetch(new URL(i.src, links.manifest))).status).toBe(200);
    const png = Buffer.from(await (await fetch(links.image)).arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expectClean(w);
  });
});

describe('timeline playback', () => {
  const order = () => [...loadAtlas().documents].sort((a, b) => (dateSpan(a.date).to + a.id).localeCompare(dateSpan(b.date).to + b.id));

  test('Play steps through the agreements in date order, and stops', async () => {
    const docs = order();
    const w = await openPage(browser);
    await gotoApp(w.page, '#map=4/30/108');
    const play = w.page.locator('section[aria-label="Timeline of the agreements"] button.play');
    const now = w.page.getByTestId('timeline-now');
    await play.click();
    expect(await play.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => now.textContent()).toContain(docs[0].title);
    await expect.poll(() => hash(w.page)).toContain(`to=${dateSpan(docs[0].date).to}`);
    await expect.poll(() => now.textContent(), { timeout: 10_000 }).toContain(docs[1].title);
    await play.click();
    expect(await play.getAttribute('aria-pressed')).toBe('false');
    const stoppedAt = await hash(w.page);
    await w.page.waitForTimeout(2500);
    expect(await hash(w.page)).toBe(stoppedAt);
    expectClean(w);
  });

  test('with reduced motion nothing moves by itself: each press shows the next agreement', async () => {
    const docs = order();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await gotoApp(page, '#map=4/30/108');
    const play = page.locator('section[aria-label="Timeline of the agreements"] button.play');
    const now = page.getByTestId('timeline-now');
    await play.click();
    await expect.poll(() => now.textContent()).toContain(docs[0].title);
    await page.waitForTimeout(2500);
    expect(await now.textContent()).toContain(docs[0].title);
    expect(await play.getAttribute('aria-label')).toMatch(/next/i);
    await play.click();
    await expect.poll(() => now.textContent()).toContain(docs[1].title);
    await context.close();
  });
});
