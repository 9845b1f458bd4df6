/**
 * Issue 4 in a real Chromium: text → map and back, filters and timeline in the
 * URL, search in English and Chinese, the list, the Chinese UI, a phone by touch.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { feature, isolatedPoints, isolatedVertex, loadAtlas, zonesAt } from './atlasData.ts';
import { clickMapAt, currentView, gotoApp, launch, mapPixel, openPage, screenshot, setHash, waitForIdle, type WatchedPage } from './harness.ts';
import { pixelOf as project } from '../../src/lib/view/webMercator.ts';
import { NO_FILTERS, visibleFeatures } from '../../src/lib/atlas/filters.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const hash = (page: Page) => page.evaluate(() => location.hash);
const panelId = (page: Page) => page.locator('aside[aria-label="Source"]').getAttribute('data-feature-id', { timeout: 10_000 });
function expectClean(w: WatchedPage) {
  expect(w.errors).toEqual([]);
  expect(w.offOrigin).toEqual([]);
}
/** Point symbols with nothing else of the atlas within 8 km, most isolated first: at zoom 8 a click or a hover there finds that symbol alone. */
function isolatedSymbols(atLeast: number) {
  const found = isolatedPoints(8);
  expect(found.length, `${atLeast} point(s) with no other line or point within 8 km`).toBeGreaterThanOrEqual(atLeast);
  return found;
}
const listedIds = (page: Page) =>
  page.locator('nav[aria-label="Features"] [data-feature-id]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-feature-id')!))]);
const norm = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('text → map and map → text', () => {
  test('clicking a mark in a document selects its features and fits the map to them', async () => {
    const w = await openPage(browser);
    const laos = feature('china-laos-freight-rail');
    const docId = laos.properties.citations.find((c) => c.selector.exact.includes('Huaihua'))!.document;
    await gotoApp(w.page, `#map=3/40/60&doc=${docId}`);
    const before = await currentView(w.page);
    const mark = w.page.locator(`section[aria-label="Document"] mark[data-feature-ids~="china-laos-freight-rail"] [role="button"]`).first();
    const ids = await mark.evaluate((el) => el.closest('mark')!.getAttribute('data-feature-ids')!.split(' '));
    await mark.click();
    // A sentence that supports several features selects them all: the panel shows the first, and no chooser asks.
    await expect.poll(() => panelId(w.page)).toBe(ids[0]);
    await expect.poll(() => hash(w.page)).toContain(`feature=${ids[0]}`);
    expect(await w.page.getByRole('dialog', { name: 'Choose a feature' }).count()).toBe(0);
    await waitForIdle(w.page);
    const after = await currentView(w.page);
    expect(after.zoom).toBeGreaterThan(before.zoom);
    // Both ends of the line (Huaihua and Vientiane) are in view, and the document stays open beside the map.
    const canvas = (await w.page.locator('.maplibregl-canvas').boundingBox())!;
    const doc = (await w.page.locator('section[aria-label="Document"]').boundingBox())!;
    expect(doc.x + doc.width).toBeLessThanOrEqual(canvas.x + 1);
    const line = laos.geometry.type === 'LineString' ? laos.geometry.coordinates : [];
    for (const [lng, lat] of [line[0], line[line.length - 1]]) {
      const p = project(after, canvas.width, canvas.height, lng, lat);
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(canvas.width);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(canvas.height);
    }
    await screenshot(w.page, 'explore-mark-selects-feature');
    expectClean(w);
  });

  test('clicking a feature on the map highlights its passage in the open document', async () => {
    const w = await openPage(browser);
    const { feature: f, at: [lng, lat] } = isolatedSymbols(1)[0];
    const docId = f.properties.citations[0].document;
    await gotoApp(w.page, `#map=8/${lat - 0.2}/${lng - 0.3}&doc=${docId}`);
    await clickMapAt(w.page, lng, lat);
    await expect.poll(() => panelId(w.page)).toBe(f.id);
    const current = w.page.locator(`section[aria-label="Document"] mark.current[data-feature-id="${f.id}"]`);
    await expect.poll(() => current.count()).toBeGreaterThan(0);
    // The highlighted passage is one the feature cites from this document.
    const quotes = f.properties.citations.filter((c) => c.document === docId).map((c) => norm(c.selector.exact));
    expect(quotes).toContain(norm(await current.first().textContent()));
    expectClean(w);
  });
});

describe('hover links the map and the text', () => {
  test('hovering a feature on the map lights up its passages in the open document, and hovering a mark lights up the feature', async () => {
    const w = await openPage(browser);
    const { feature: f, at: [lng, lat] } = isolatedSymbols(1)[0];
    const docId = f.properties.citations[0].document;
    await gotoApp(w.page, `#map=8/${lat - 0.2}/${lng - 0.3}&doc=${docId}`);
    const canvas = w.page.locator('.maplibregl-canvas');
    const box = (await canvas.boundingBox())!;
    const p = project(await currentView(w.page), box.width, box.height, lng, lat);
    const hovered = w.page.locator(`section[aria-label="Document"] mark.hovered[data-feature-ids~="${f.id}"]`);
    expect(await hovered.count()).toBe(0);
    await w.page.mouse.move(box.x + p.x, box.y + p.y);
    await expect.poll(() => hovered.count()).toBeGreaterThan(0);
    await w.page.mouse.move(box.x + box.width - 30, box.y + 30);
    await expect.poll(() => hovered.count()).toBe(0);
    // From the text: hovering the mark draws the hover halo around the airport on the map.
    const ring = { x: p.x + 11.5, y: p.y };
    const yellowish = async () => {
      await waitForIdle(w.page);
      const [r, g, b] = await mapPixel(w.page, ring.x, ring.y);
      return r > 200 && g > 170 && b < 170;
    };
    expect(await yellowish()).toBe(false);
    await w.page.locator(`section[aria-label="Document"] mark[data-feature-ids~="${f.id}"] [role="button"]`).first().hover();
    await expect.poll(yellowish, { timeout: 5000 }).toBe(true);
    expectClean(w);
  });
});

describe('keyboard', () => {
  test('a feature chosen from the list by keyboard moves focus into the panel, and Escape brings it back', async () => {
    const w = await openPage(browser);
    // Any feature: the list holds every feature the filters let through, wherever the map looks.
    const id = loadAtlas().features[0].id;
    await gotoApp(w.page, '#map=5/30/110');
    const entry = w.page.locator(`nav[aria-label="Features"] button[data-feature-id="${id}"]`);
    await entry.focus();
    await w.page.keyboard.press('Enter');
    await expect.poll(() => panelId(w.page)).toBe(id);
    await expect.poll(() => w.page.evaluate(() => !!document.activeElement?.closest('aside[aria-label="Source"]'))).toBe(true);
    await w.page.keyboard.press('Escape');
    await w.page.locator('aside[aria-label="Source"]').waitFor({ state: 'detached' });
    await expect.poll(() => w.page.evaluate(() => document.activeElement?.getAttribute('data-feature-id'))).toBe(id);
    expectClean(w);
  });
});

describe('filters', () => {
  test('the mode toggles change the URL, the list and what a click can hit on the map', async () => {
    const w = await openPage(browser);
    const laos = feature('china-laos-freight-rail');
    const v = isolatedVertex(laos, 15)!;
    await gotoApp(w.page, `#map=7/${v[1] + 0.3}/${v[0] + 0.5}`);
    const count = () => w.page.getByTestId('visible-count').textContent();
    const all = await count();
    await w.page.locator('section[aria-label="Legend"] button[data-mode="rail"]').click();
    await expect.poll(() => hash(w.page)).toMatch(/modes=[a-z,]+/);
    expect(await hash(w.page)).not.toMatch(/modes=[^&]*rail/);
    expect(await count()).not.toBe(all);
    expect(await w.page.locator('nav[aria-label="Features"] [data-feature-id="china-laos-freight-rail"]').count()).toBe(0);
    await waitForIdle(w.page);
    await clickMapAt(w.page, v[0], v[1]);
    await w.page.waitForTimeout(400);
    // The hidden line cannot be hit: nothing opens, or (on empty ground inside a zone) the smallest zone there.
    const zone = zonesAt(v).sort((a, b) => (a.properties.area_km2 ?? 0) - (b.properties.area_km2 ?? 0))[0];
    if (zone) await expect.poll(() => panelId(w.page)).toBe(zone.id);
    else expect(await w.page.locator('aside[aria-label="Source"]').count()).toBe(0);
    await w.page.keyboard.press('Escape');
    await screenshot(w.page, 'explore-rail-hidden');
    // Back on: the same click now opens the line.
    await w.page.locator('section[aria-label="Legend"] button[data-mode="rail"]').click();
    await expect.poll(() => hash(w.page)).not.toContain('modes=');
    await waitForIdle(w.page);
    await clickMapAt(w.page, v[0], v[1]);
    await expect.poll(() => panelId(w.page)).toBe('china-laos-freight-rail');
    expectClean(w);
  });

  test('brushing the timeline keeps only features from agreements in the range; a reload restores it', async () => {
    const w = await openPage(browser);
    await gotoApp(w.page, '#map=4/30/110');
    const svg = w.page.locator('section[aria-label="Timeline of the agreements"] svg');
    const box = (await svg.boundingBox())!;
    const count = () => w.page.getByTestId('visible-count').textContent();
    const all = await count();
    // Drag over the right-hand end of the axis: the latest agreements only.
    await w.page.mouse.move(box.x + box.width * 0.86, box.y + box.height / 2);
    await w.page.mouse.down();
    await w.page.mouse.move(box.x + box.width - 8, box.y + box.height / 2, { steps: 6 });
    await w.page.mouse.up();
    await expect.poll(() => hash(w.page)).toMatch(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    const filtered = await count();
    expect(filtered).not.toBe(all);
    // The list holds exactly the features cited by an agreement dated in the brushed range.
    const [, from, to] = /from=(\d{4}-\d{2}-\d{2})&to=(\d{4}-\d{2}-\d{2})/.exec(await hash(w.page))!;
    const expected = visibleFeatures(loadAtlas(), { ...NO_FILTERS, range: { from, to } }).map((f) => f.id);
    expect(expected.length, `features cited by agreements dated ${from} … ${to}`).toBeGreaterThan(0);
    expect((await listedIds(w.page)).sort()).toEqual(expected.sort());
    await screenshot(w.page, 'explore-timeline-brushed');
    await w.page.reload();
    await w.page.waitForSelector('[data-testid="visible-count"]');
    expect(await count()).toBe(filtered);
    await w.page.getByRole('button', { name: 'Show all dates' }).click();
    await expect.poll(() => count()).toBe(all);
    expect(await hash(w.page)).not.toContain('from=');
    expectClean(w);
  });
});

describe('search and list', () => {
  // A feature named in both languages: its English and its Chinese name.
  const named = loadAtlas().features.find((f) => f.properties.name_zh);
  test.each([
    [named?.properties.name ?? '', named?.id ?? ''],
    [named?.properties.name_zh ?? '', named?.id ?? ''],
  ])('search finds %s and choosing it selects the feature', async (q, id) => {
    expect(q && id, 'a feature with a Chinese name').toBeTruthy();
    const w = await openPage(browser);
    await gotoApp(w.page, '#map=4/30/110');
    const box = w.page.getByRole('combobox', { name: 'Search' });
    await box.fill(q);
    const option = w.page.locator(`[role="option"][data-feature-id="${id}"]`);
    await option.waitFor();
    // Walk down the list with the keyboard to the wanted result, then choose it.
    for (let i = 0; i < 10 && (await option.getAttribute('aria-selected')) !== 'true'; i++) await box.press('ArrowDown');
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await box.press('Enter');
    await expect.poll(() => panelId(w.page)).toBe(id);
    await expect.poll(() => hash(w.page)).toContain(`feature=${id}`);
    expectClean(w);
  });

  test('the list and the map select the same feature', async () => {
    const w = await openPage(browser);
    // One symbol chosen from the list, another clicked on the map.
    const [onMap, fromList] = isolatedSymbols(2);
    const [lng, lat] = onMap.at;
    await gotoApp(w.page, `#map=7/${lat}/${lng}`);
    const listed = w.page.locator(`nav[aria-label="Features"] button[data-feature-id="${fromList.feature.id}"]`);
    await listed.click();
    await expect.poll(() => panelId(w.page)).toBe(fromList.feature.id);
    expect(await listed.getAttribute('aria-current')).toBe('true');
    // And the other way: a click on the map marks the list entry.
    await setHash(w.page, `#map=8/${lat}/${lng}`);
    await clickMapAt(w.page, lng, lat);
    await expect.poll(() => panelId(w.page)).toBe(onMap.feature.id);
    const entry = w.page.locator(`nav[aria-label="Features"] button[data-feature-id="${onMap.feature.id}"]`);
    await expect.poll(() => entry.getAttribute('aria-current')).toBe('true');
    expectClean(w);
  });
});

describe('Chinese and phones', () => {
  test('&lang=zh shows a Chinese UI', async () => {
    const w = await openPage(browser);
    const f = loadAtlas().features.find((x) => x.properties.name_zh);
    expect(f, 'a feature with a Chinese name').toBeDefined();
    await gotoApp(w.page, `#map=5/30/112&feature=${f!.id}&lang=zh`);
    expect(await w.page.locator('h1').textContent()).toBe('通道地图集');
    expect(await w.page.locator('html').getAttribute('lang')).toBe('zh-Hans');
    expect(await w.page.locator('aside[aria-label="Source"]').textContent()).toContain('阅读全文');
    expect(await w.page.locator('nav[aria-label="要素"]').textContent()).toContain(f!.properties.name_zh);
    await screenshot(w.page, 'explore-chinese');
    expectClean(w);
  });

  test('the language chosen with the switch is remembered across reloads', async () => {
    const w = await openPage(browser);
    await gotoApp(w.page, '#map=5/30/112');
    await w.page.getByRole('button', { name: /Switch language to Chinese/ }).click();
    expect(await w.page.locator('h1').textContent()).toBe('通道地图集');
    await expect.poll(() => hash(w.page)).toContain('lang=zh');
    await w.page.goto(w.page.url().replace(/#.*/, '#map=5/30/112'));
    await w.page.reload();
    await w.page.waitForSelector('h1');
    await expect.poll(() => w.page.locator('h1').textContent()).toBe('通道地图集');
    await w.page.getByRole('button', { name: /Switch language to English/ }).click();
    expect(await w.page.locator('h1').textContent()).toBe('Corridor Atlas');
    expectClean(w);
  });

  test('a 390×844 phone: touch pans the map, a tap opens the source as a bottom sheet that can be dragged', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const { feature: target, at: [lng, lat] } = isolatedSymbols(1)[0];
    await gotoApp(page, `#map=8/${lat}/${lng}`);
    // Pan with one finger.
    const cdp = await context.newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    const before = await currentView(page);
    await touch('touchStart', 200, 500);
    for (let i = 1; i <= 8; i++) await touch('touchMove', 200 - i * 15, 500 - i * 10);
    await touch('touchEnd', 80, 420);
    await waitForIdle(page);
    const after = await currentView(page);
    expect(after.lng).toBeGreaterThan(before.lng);
    // Tap the symbol.
    const canvas = page.locator('.maplibregl-canvas');
    const box = (await canvas.boundingBox())!;
    const p = project(after, box.width, box.height, lng, lat);
    await page.touchscreen.tap(box.x + p.x, box.y + p.y);
    const picker = page.getByRole('dialog', { name: 'Choose a feature' });
    await Promise.race([page.locator('aside[aria-label="Source"]').waitFor(), picker.waitFor()]);
    if (await picker.count()) await picker.locator(`button[data-feature-id="${target.id}"]`).tap();
    const sheet = page.locator('aside[aria-label="Source"]');
    await sheet.waitFor();
    const handle = page.getByRole('slider', { name: 'Source' });
    const h0 = (await sheet.boundingBox())!.height;
    const hb = (await handle.boundingBox())!;
    await touch('touchStart', hb.x + hb.width / 2, hb.y + hb.height / 2);
    for (let i = 1; i <= 6; i++) await touch('touchMove', hb.x + hb.width / 2, hb.y + hb.height / 2 - i * 50);
    await touch('touchEnd', hb.x + hb.width / 2, hb.y - 300);
    await page.waitForTimeout(400);
    expect((await sheet.boundingBox())!.height).toBeGreaterThan(h0 + 100);
    await screenshot(page, 'explore-phone-sheet');
    expect(errors).toEqual([]);
    await context.close();
  });
});
