/**
 * A tampered atlas.json shows the error screen naming the problem, never a
 * blank page or a crash on selection (issue 15, items 7 and 8); any uncaught
 * error while the app runs does the same. The file is changed on its way to
 * the page with Playwright's page.route, as a hand edit on a server would.
 * Which document and feature are tampered with is read from the served atlas.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Atlas } from '../../src/lib/atlas/types.ts';
import { baseURL, clickMapAt, gotoApp, launch, openPage, screenshot } from './harness.ts';
import { loadAtlas } from './atlasData.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openTampered(tamper: (a: Atlas) => void): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openPage(browser);
  await page.route('**/atlas.json*', async (route) => {
    const a = JSON.parse(await (await route.fetch()).text()) as Atlas;
    tamper(a);
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(a) });
  });
  await page.goto(baseURL());
  await page.waitForSelector('main.error-screen', { timeout: 30_000 });
  return { page, errors };
}

const uncaught = (errors: string[]) => errors.filter((e) => e.startsWith('pageerror'));
const screenText = (page: Page) => page.locator('main.error-screen').textContent();

const atlas = loadAtlas();
const doc = atlas.documents[0];
const feat = atlas.features[0];
const routeWithLegs = atlas.features.find((f) => f.properties.legs?.length);

test.each([
  ['parties: "x"', (a: Atlas) => ((a.documents[0] as unknown as Record<string, unknown>).parties = 'x'), `document "${doc.id}" has "parties" that are not a list of names ("x")`],
  ['date: "yesterday"', (a: Atlas) => (a.documents[0].date = 'yesterday'), `document "${doc.id}" has an impossible date "yesterday"`],
  ['date: "2022-13-45"', (a: Atlas) => (a.documents[0].date = '2022-13-45'), `document "${doc.id}" has an impossible date "2022-13-45"`],
  ['references: [null]', (a: Atlas) => ((a.features[0].properties as unknown as Record<string, unknown>).references = [null]), `feature "${feat.id}": reference 1 has no title`],
  ['a javascript: url', (a: Atlas) => (a.documents[0].url = 'javascript:alert(1)'), `document "${doc.id}" has a url that is not an http(s) address`],
])('%s in atlas.json shows the error screen naming it', async (name, tamper, expected) => {
  const { page, errors } = await openTampered(tamper);
  expect(await page.getByRole('alert').textContent()).toMatch(/edited by hand/);
  expect(await screenText(page)).toContain(expected);
  expect(await page.locator('.maplibregl-canvas').count()).toBe(0);
  expect(uncaught(errors)).toEqual([]);
  if (name.startsWith('parties')) await screenshot(page, 'tampered-atlas-parties');
});

test('legs: ["teleport", "sea"] in atlas.json shows the error screen naming the route', async () => {
  expect(routeWithLegs, 'the atlas has a multi-leg route').toBeDefined();
  const { page, errors } = await openTampered((a) => {
    const f = a.features.find((x) => x.id === routeWithLegs!.id)!;
    (f.properties as unknown as Record<string, unknown>).legs = ['teleport', ...f.properties.legs!.slice(1)];
  });
  expect(await screenText(page)).toContain(`feature "${routeWithLegs!.id}" has legs that are not modes`);
  expect(uncaught(errors)).toEqual([]);
});

test('a line of 1,000,000 points is refused at once with the limit named, not drawn for minutes', async () => {
  const started = Date.now();
  const { page, errors } = await openTampered((a) => {
    a.features[0].geometry = { type: 'LineString', coordinates: Array.from({ length: 1_000_000 }, (_, i) => [100 + (i % 1000) / 1000, 20 + Math.floor(i / 1000) / 1000]) };
  });
  expect(await screenText(page)).toContain(`feature "${feat.id}" has 1,000,000 positions; this app draws at most 20,000 per feature`);
  expect(Date.now() - started).toBeLessThan(30_000);
  expect(uncaught(errors)).toEqual([]);
});

test('an uncaught error during a selection on the map shows the error screen naming it', async () => {
  const point = atlas.features.find((f) => f.geometry.type === 'Point')!;
  const [lng, lat] = point.geometry.type === 'Point' ? point.geometry.coordinates : [0, 0];
  const { page, errors } = await openPage(browser);
  await gotoApp(page, `#map=12/${lat}/${lng}`);
  // Something in the selection path throws (as a bug in a panel would).
  await page.evaluate(() => {
    document.querySelector('.maplibregl-canvas')!.addEventListener('click', () => {
      setTimeout(() => {
        throw new TypeError('selection exploded (test)');
      });
    });
  });
  await clickMapAt(page, lng, lat);
  await page.waitForSelector('main.error-screen', { timeout: 15_000 });
  await screenshot(page, 'error-screen-uncaught');
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Corridor Atlas stopped');
  expect(await screenText(page)).toContain('TypeError: selection exploded (test)');
  expect(await page.locator('.maplibregl-canvas').count()).toBe(0);
  expect(uncaught(errors)).toEqual(['pageerror: selection exploded (test)']);
});

test('an unhandled promise rejection while the app runs shows the error screen too', async () => {
  const { page } = await openPage(browser);
  await gotoApp(page);
  await page.evaluate(() => void Promise.reject(new RangeError('a promise failed (test)')));
  await page.waitForSelector('main.error-screen', { timeout: 15_000 });
  expect(await screenText(page)).toContain('RangeError: a promise failed (test)');
});
