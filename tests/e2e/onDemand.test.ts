/**
 * What few readers use loads when they first use it, not with the page
 * (issue 23, item 5): the Share dialog's tools (permalink, downloads, embed
 * snippet, figure export) when it opens, the search library when the reader
 * comes to the search box. Each then works.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadAtlas } from './atlasData.ts';
import { gotoApp, launch, openPage } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('the Share dialog’s tools and the search load on first use, then work', async () => {
  const w = await openPage(browser);
  const scripts = new Set<string>();
  w.page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('.js')) scripts.add(r.url());
  });
  await gotoApp(w.page);
  const atLoad = new Set(scripts);

  await w.page.getByRole('button', { name: 'Share' }).click();
  const dialog = w.page.getByRole('dialog', { name: 'Share this map' });
  await dialog.locator('#figure-heading').waitFor();
  const forShare = [...scripts].filter((s) => !atLoad.has(s));
  expect(forShare.length, 'opening Share loads its tools').toBeGreaterThan(0);
  await dialog.getByRole('button', { name: 'Close' }).first().click();

  const feature = loadAtlas().features[0];
  const box = w.page.getByRole('combobox');
  await box.fill(feature.properties.name);
  await w.page.locator(`#search-results [data-feature-id="${feature.id}"]`).first().waitFor();
  const forSearch = [...scripts].filter((s) => !atLoad.has(s) && !forShare.includes(s));
  expect(forSearch.length, 'the search loads its library').toBeGreaterThan(0);
  expect(w.errors).toEqual([]);
  expect(w.offOrigin).toEqual([]);
  await w.page.context().close();
});
