/**
 * Bad URLs and no network: garbage in the hash gives a short notice and a sane
 * view, never an exception; with every request off the origin blocked the app
 * does everything it normally does.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { featureBounds, unionBounds } from '../../src/lib/map/renderData.ts';
import { firstView } from '../../src/lib/view/viewRules.ts';
import { feature, loadAtlas } from './atlasData.ts';
import { currentView, gotoApp, launch, openPage, screenshot, waitForIdle } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const notice = (page: Page) => page.locator('.notice[role="status"]');

async function expectSaneView(page: Page) {
  const v = await currentView(page);
  expect(v.zoom).toBeGreaterThanOrEqual(1);
  expect(v.zoom).toBeLessThanOrEqual(14);
  expect(Math.abs(v.lat)).toBeLessThanOrEqual(86);
  expect(Math.abs(v.lng)).toBeLessThanOrEqual(180);
}

describe('bad URLs', () => {
  const cases: [string, string, RegExp][] = [
    ['unknown feature', '#feature=no-such-feature', /No feature "no-such-feature"/],
    ['unknown document', '#doc=no-such-document', /No document "no-such-document"/],
    ['markup as an id', '#feature=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', /No feature "<img src=x onerror=alert\(1\)>"/],
    ['garbage view', '#map=abc/def/ghi', /ignored map view/],
    ['view out of range', '#map=40/100/200', /ignored map view/],
    ['NaN and huge numbers', '#map=NaN/1e999/-Infinity', /ignored map view/],
    ['broken percent-encoding', '#map=5/30/110&%E0%A4%A=1&feature=%ZZ', /not a valid URL parameter/],
    ['unknown filters and language', '#modes=teleport&kinds=castle&from=banana&lang=klingon', /klingon/],
    ['a very long id', `#feature=${'x'.repeat(5000)}`, /No feature/],
  ];

  // Starting from a bad URL: the map still starts, at the first view (all of the atlas's data).
  test.each([
    ['#map=abc/def/ghi&feature=no-such-feature&doc=no-such-document', /ignored map view/],
    ['#map=40/100/200', /ignored map view/],
  ])('opening %s gives a notice and the first view', async (hash, message) => {
    const w = await openPage(browser);
    await gotoApp(w.page, hash);
    await notice(w.page).waitFor();
    expect(await notice(w.page).textContent()).toMatch(message);
    const v = await currentView(w.page);
    const box = (await w.page.locator('.maplibregl-canvas').boundingBox())!;
    const first = firstView(unionBounds(loadAtlas().features.map(featureBounds)), box.width, box.height);
    // The hash rounds the view; MapLibre may also settle it by a hair.
    expect(v.zoom).toBeCloseTo(first.zoom, 1);
    expect(v.lat).toBeCloseTo(first.lat, 1);
    expect(v.lng).toBeCloseTo(first.lng, 1);
    await screenshot(w.page, 'bad-url-notice');
    expect(w.errors).toEqual([]);
  });

  // Typed into the hash of a running app (hashchange runs the same parser as start-up).
  test('every kind of garbage in the hash of a running app: a short notice, a sane view, no exception', async () => {
    const w = await openPage(browser);
    const dialogs: string[] = [];
    w.page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    await gotoApp(w.page, '#map=5/30/110&feature=yangluo-port');
    for (const [name, hash, message] of cases) {
      await w.page.evaluate((h) => (location.hash = h), hash);
      await expect.poll(() => notice(w.page).textContent(), { message: name, timeout: 10_000 }).toMatch(message);
      expect((await notice(w.page).textContent())!.length, name).toBeLessThan(6000);
      expect(await w.page.locator('aside[aria-label="Source"]').count(), name).toBe(0);
    }
    for (const hash of ['#map=', '#&&&==&', '#map=9/-91/0', '#feature=', '#doc=%00%01', '#map=3/0/0&feature=yangluo-port&feature=nope', '#=x']) {
      await w.page.evaluate((h) => (location.hash = h), hash);
      await w.page.waitForTimeout(50);
    }
    // Let the last jump start before waiting for the map to settle.
    await w.page.waitForTimeout(300);
    await waitForIdle(w.page);
    await expectSaneView(w.page);
    expect(dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});

test('offline: with every request off the origin blocked, the app works fully', async () => {
  const w = await openPage(browser);
  const id = 'yangluo-port';
  const f = feature(id);
  await gotoApp(w.page, `#map=6/30.6/114.5&feature=${id}`);
  const panel = w.page.locator('aside[aria-label="Source"]');
  await panel.waitFor();
  expect(await panel.locator(`mark[data-feature-id="${id}"]`).count()).toBeGreaterThan(0);
  await panel.getByRole('button', { name: /whole document/ }).first().click();
  const doc = w.page.locator('section[aria-label="Document"]');
  await doc.waitFor();
  expect(await doc.getAttribute('data-doc-id')).toBe(f.properties.citations[0].document);
  // Labels are drawn from local fonts: the canvas has text pixels without a glyphs server.
  // With a document open, the legend floats over the map, folded: unfold it, then switch rail off.
  const legend = w.page.locator('section[aria-label="Legend"]');
  await legend.getByRole('button', { name: 'Legend' }).click();
  await legend.locator('button[data-mode="rail"]').click();
  await expect.poll(() => w.page.evaluate(() => location.hash)).toMatch(/modes=/);
  await w.page.evaluate(() => (location.hash = location.hash + '&lang=zh'));
  await expect.poll(() => panel.getAttribute('lang')).toBe('zh-Hans');
  await waitForIdle(w.page);
  await screenshot(w.page, 'offline-journey');
  expect(w.offOrigin).toEqual([]);
  expect(w.errors).toEqual([]);
});
