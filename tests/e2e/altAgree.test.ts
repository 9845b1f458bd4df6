/**
 * Issue 21, item 11: for one state, the embed snippet's alt text and the
 * figure's alt text describe the same thing (they said "1 zone" and "2 zones").
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

// A wide view, and a close one on a selected point where the figure's margins take in more than the screen.
const point = () => loadAtlas().features.find((f) => f.geometry.type === 'Point')!;
test.each([
  ['a wide view', () => '#map=4/30/105'],
  ['a close view of a selected point', () => `#map=6/${(point().geometry as { coordinates: number[] }).coordinates[1]}/${(point().geometry as { coordinates: number[] }).coordinates[0]}&feature=${point().id}`],
  ['a filtered view', () => '#map=5/30/110&kinds=zone,port'],
])('%s: the embed and figure alt texts agree, at every figure shape', async (_, hash) => {
  const w = await openPage(browser);
  await gotoApp(w.page, hash());
  await w.page.getByRole('button', { name: 'Share' }).click();
  const embed = await w.page.locator('[data-name="embed-alt"] textarea').inputValue();
  expect(embed).toMatch(/^Map of /);
  for (const aspect of ['16:9', 'a4-portrait']) {
    await w.page.locator(`input[name="figure-aspect"][value="${aspect}"]`).check();
    await expect.poll(() => w.page.locator('[data-name="figure-alt"] textarea').inputValue()).toBe(embed);
  }
  expect(w.errors).toEqual([]);
});
