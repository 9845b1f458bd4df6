/**
 * Issue 21, items 4 and 5 in the browser: a zone's panel says what the zone is
 * (not "Customs cooperation"); a cooperation link's panel gives no drawn length.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { KIND_NAMES, MODE_NAMES, ZONE_TYPE_NAMES } from '../../src/lib/i18n/messages.ts';
import { loadAtlas } from './atlasData.ts';
import { gotoApp, launch, openPage } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('zone panels name the zone type; cooperation-link panels have no length', async () => {
  const atlas = loadAtlas();
  const zones = atlas.features.filter((f) => f.properties.kind === 'zone');
  const links = atlas.features.filter((f) => f.properties.kind === 'cooperation-link');
  const w = await openPage(browser);
  await gotoApp(w.page, '#map=4/30/105');
  for (const f of zones) {
    await w.page.evaluate((id) => (location.hash = `#map=4/30/105&feature=${id}`), f.id);
    const panel = w.page.locator(`aside[aria-label="Source"][data-feature-id="${f.id}"]`);
    await panel.waitFor();
    const kindLine = (await panel.locator('.kind').textContent())!.replace(/\s+/g, ' ').trim();
    expect(kindLine, f.id).not.toContain(MODE_NAMES.en[f.properties.mode]);
    expect(kindLine).toContain(KIND_NAMES.en.zone);
    if (f.properties.zone_type) expect(kindLine).toContain(ZONE_TYPE_NAMES.en[f.properties.zone_type]);
  }
  for (const f of links) {
    await w.page.evaluate((id) => (location.hash = `#map=4/30/105&feature=${id}`), f.id);
    const panel = w.page.locator(`aside[aria-label="Source"][data-feature-id="${f.id}"]`);
    await panel.waitFor();
    expect(await panel.getByTestId('length').count(), f.id).toBe(0);
  }
  expect(zones.length + links.length).toBeGreaterThan(0);
  expect(w.errors).toEqual([]);
});
