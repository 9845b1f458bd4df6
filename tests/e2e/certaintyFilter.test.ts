/** Issue 21, item 12: the legend's "How sure" entries toggle features on the map, and the URL keeps the choice. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { MESSAGES } from '../../src/lib/i18n/messages.ts';
import { loadAtlas } from './atlasData.ts';
import { gotoApp, launch, openPage, screenshot } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('switching a certainty off hides its features and is kept in the URL across a reload', async () => {
  const atlas = loadAtlas();
  const counts = new Map<string, number>();
  for (const f of atlas.features) counts.set(f.properties.geometry_basis, (counts.get(f.properties.geometry_basis) ?? 0) + 1);
  const [basis, n] = [...counts].sort((a, b) => b[1] - a[1])[0];
  const total = atlas.features.length;
  const w = await openPage(browser);
  await gotoApp(w.page, '#map=4/30/105');
  const entry = w.page.locator(`.legend button[data-certainty="${basis}"]`).first();
  expect(await entry.getAttribute('aria-pressed')).toBe('true');
  await entry.click();
  expect(await entry.getAttribute('aria-pressed')).toBe('false');
  await expect.poll(() => w.page.evaluate(() => location.hash)).toContain(`certainty=`);
  expect(await w.page.evaluate(() => location.hash)).not.toContain(basis);
  const count = MESSAGES.en.showingCount(total - n, total);
  await expect.poll(() => w.page.getByText(count, { exact: true }).count()).toBeGreaterThan(0);
  await screenshot(w.page, 'legend-certainty-filter');
  await w.page.reload();
  await w.page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]');
  expect(await w.page.locator(`.legend button[data-certainty="${basis}"]`).first().getAttribute('aria-pressed')).toBe('false');
  expect(await w.page.getByText(count, { exact: true }).count()).toBeGreaterThan(0);
  expect(w.errors).toEqual([]);
});
