/**
 * Issue 21, item 7: a backwards date range in a link says so (and shows the
 * range the right way round); playback ends where it started, leaving no date
 * filter of its own in the URL.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { filtersFromParams, visibleFeatures } from '../../src/lib/atlas/filters.ts';
import { MESSAGES } from '../../src/lib/i18n/messages.ts';
import { loadAtlas } from './atlasData.ts';
import { gotoApp, launch, openPage } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const hash = (page: Page) => page.evaluate(() => location.hash);
const play = (page: Page) => page.locator('section[aria-label="Timeline of the agreements"] button.play');

test('a backwards range gets a notice and shows the features of the range read the right way round', async () => {
  const atlas = loadAtlas();
  const shown = visibleFeatures(atlas, filtersFromParams(new Map([['from', '2019-01-01'], ['to', '2023-01-01']]), []).filters).length;
  const w = await openPage(browser);
  await gotoApp(w.page, '#map=4/30/105&from=2023-01-01&to=2019-01-01');
  const notice = w.page.locator('.notice[role="status"]');
  await notice.waitFor();
  expect(await notice.textContent()).toMatch(/ran backwards/);
  await expect.poll(() => hash(w.page)).toContain('from=2019-01-01&to=2023-01-01');
  expect(shown).toBeGreaterThan(0);
  expect(await w.page.getByText(MESSAGES.en.showingCount(shown, atlas.features.length), { exact: true }).count()).toBeGreaterThan(0);
  expect(w.errors).toEqual([]);
});

test.each([
  ['no range', '#map=4/30/105', null],
  ['a range of its own', '#map=4/30/105&from=2020', 'from=2020-01-01'],
])('playback from %s ends where it started', async (_, start, kept) => {
  const w = await openPage(browser);
  await gotoApp(w.page, start);
  await play(w.page).click();
  await expect.poll(() => hash(w.page)).toMatch(/to=\d{4}-\d{2}-\d{2}/);
  // Every step shown, then it stops by itself.
  await expect.poll(() => play(w.page).getAttribute('aria-pressed'), { timeout: 60_000, interval: 500 }).toBe('false');
  const after = await hash(w.page);
  if (kept) expect(after).toContain(kept);
  else expect(after).not.toMatch(/[&#](from|to)=/);
  expect(after).not.toMatch(/[&#]to=/);
  expect(w.errors).toEqual([]);
});

test('stopping playback half-way also returns to where it started', async () => {
  const w = await openPage(browser);
  await gotoApp(w.page, '#map=4/30/105');
  await play(w.page).click();
  await expect.poll(() => hash(w.page)).toMatch(/to=/);
  await play(w.page).click();
  await expect.poll(() => hash(w.page)).not.toMatch(/[&#](from|to)=/);
});
