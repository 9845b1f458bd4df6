/**
 * A corrupt deployment — the atlas.json next to index.html truncated, edited by
 * hand or missing — shows a readable error screen, never a blank page or an
 * uncaught exception. The file is replaced on the way to the page with
 * Playwright's page.route, as a broken server would serve it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { baseURL, launch, openPage, screenshot } from './harness.ts';
import { loadAtlas } from './atlasData.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openWithAtlas(serve: (body: string) => { status?: number; body: string }): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openPage(browser);
  await page.route('**/atlas.json*', async (route) => {
    const real = await route.fetch();
    const { status, body } = serve(await real.text());
    await route.fulfill({ status: status ?? 200, contentType: 'application/json', body });
  });
  await page.goto(baseURL());
  await page.waitForSelector('main.error-screen', { timeout: 30_000 });
  return { page, errors };
}

/** Console warnings are fine (the app logs the failure); page errors and console errors are not. */
const uncaught = (errors: string[]) => errors.filter((e) => e.startsWith('pageerror'));

test('a truncated atlas.json shows the error screen naming the problem', async () => {
  const { page, errors } = await openWithAtlas((body) => ({ body: body.slice(0, Math.floor(body.length / 2)) }));
  await screenshot(page, 'error-screen-truncated');
  await expect(page.getByRole('heading', { name: 'Corridor Atlas could not start' }).isVisible()).resolves.toBe(true);
  const alert = await page.getByRole('alert').textContent();
  expect(alert).toMatch(/not valid JSON — it may be truncated/);
  expect(await page.locator('main.error-screen').textContent()).toMatch(/characters long and ends with/);
  expect(await page.locator('main.error-screen .where code').textContent()).toMatch(/atlas\.json\?v=/);
  expect(await page.locator('.maplibregl-canvas').count()).toBe(0);
  expect(uncaught(errors)).toEqual([]);
});

test('a hand-edited atlas.json whose quote no longer matches names the feature', async () => {
  const atlas = loadAtlas();
  const victim = atlas.features[0];
  const { page, errors } = await openWithAtlas((body) => {
    const a = JSON.parse(body);
    a.features[0].properties.citations[0].selector.start += 7;
    return { body: JSON.stringify(a) };
  });
  await screenshot(page, 'error-screen-edited');
  expect(await page.getByRole('alert').textContent()).toMatch(/edited by hand/);
  expect(await page.locator('main.error-screen li').first().textContent()).toContain(`feature "${victim.id}": citation 1 no longer matches`);
  expect(uncaught(errors)).toEqual([]);
});

test('a missing atlas.json (404) names the HTTP status', async () => {
  const { page, errors } = await openWithAtlas(() => ({ status: 404, body: 'Not Found' }));
  expect(await page.getByRole('alert').textContent()).toMatch(/could not be downloaded/);
  expect(await page.locator('main.error-screen').textContent()).toMatch(/404/);
  // A 404 resource is logged by Chromium as a console error; nothing is thrown.
  expect(uncaught(errors)).toEqual([]);
});
