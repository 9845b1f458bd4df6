/** axe-core on the main views; fails on serious or critical violations. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { feature } from './atlasData.ts';
import { seriousViolations } from './axe.ts';
import { baseURL, launch, waitForIdle } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const docId = () => feature('china-laos-freight-rail').properties.citations[0].document;

test.each([
  ['map', () => '#map=5/30/110'],
  ['panel open', () => '#map=5/30/110&feature=china-laos-freight-rail'],
  ['document open', () => `#map=5/30/110&feature=china-laos-freight-rail&doc=${docId()}`],
  ['embed', () => '#map=5/30/110&feature=yangluo-port'],
])('no serious or critical axe violations: %s', async (name, hashFn) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  const page = await context.newPage();
  const search = name === 'embed' ? '?embed=1' : '';
  await page.goto(`${baseURL()}${search}${hashFn()}`);
  await page.waitForSelector('[data-ready="true"]');
  await waitForIdle(page);
  const violations = await seriousViolations(page);
  expect(violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await context.close();
});
