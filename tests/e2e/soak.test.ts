/**
 * Soak: 500 seeded random interactions (pan, zoom, click, select, filter,
 * open documents, Escape) against the real map in headless Chromium. No page
 * error may occur, and the JS heap after garbage collection may grow by less
 * than 20% between the start and the end (back at the start view). The start
 * is measured after a short warm-up of the same kinds of steps, so that caches
 * that fill once and stay bounded (MapLibre's tile cache, lazily built
 * indexes, Svelte's first renders of each panel) do not count as growth.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadAtlas } from './atlasData.ts';
import { gotoApp, launch, openPage, screenshot, waitForIdle } from './harness.ts';
import { mulberry32 } from '../../scripts/seededRandom.ts';

const STEPS = 500;
const WARM_UP = 100;
const SEED = 20261123;
const START = '#map=4.5/30.5/110';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});


async function heapAfterGC(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

test(`${STEPS} random interactions: no page errors, heap growth under 20%`, { timeout: 240_000 }, async () => {
  const w = await openPage(browser, { width: 760, height: 560 });
  const dialogs: string[] = [];
  w.page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
  const { page } = w;
  const atlas = loadAtlas();
  const featureIds = atlas.features.map((f) => f.id);
  const docIds = atlas.documents.map((d) => d.id);
  await gotoApp(page, START);

  const rand = mulberry32(SEED);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const canvas = page.locator('.maplibregl-canvas');
  const done: Record<string, number> = {};
  let before = 0;
  const backToStart = async () => {
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
    await page.evaluate((h) => (location.hash = h), START);
    await waitForIdle(page);
    await page.waitForTimeout(500);
  };
  for (let step = -WARM_UP; step < STEPS; step++) {
    if (step === 0) {
      await backToStart();
      before = await heapAfterGC(page);
    }
    const box = (await canvas.boundingBox())!;
    const x = box.x + 40 + rand() * (box.width - 80);
    const y = box.y + 40 + rand() * (box.height - 80);
    const r = rand();
    const kind =
      r < 0.22 ? 'pan' : r < 0.36 ? 'zoom' : r < 0.58 ? 'click' : r < 0.7 ? 'select' : r < 0.8 ? 'filter' : r < 0.9 ? 'document' : 'escape';
    if (step >= 0) done[kind] = (done[kind] ?? 0) + 1;
    switch (kind) {
      case 'pan':
        await page.mouse.move(x, y);
        await page.mouse.down();
        await page.mouse.move(x + (rand() - 0.5) * 300, y + (rand() - 0.5) * 200, { steps: 2 });
        await page.mouse.up();
        break;
      case 'zoom':
        await page.mouse.move(x, y);
        await page.mouse.wheel(0, rand() < 0.5 ? -240 : 240);
        break;
      case 'click':
        await page.mouse.click(x, y);
        break;
      case 'select':
        await page.evaluate((id) => (location.hash = location.hash.replace(/&?feature=[^&]*/, '') + `&feature=${id}`), pick(featureIds));
        break;
      case 'filter': {
        const buttons = page.locator('.legend button[aria-pressed]');
        const n = await buttons.count();
        if (n) await buttons.nth(Math.floor(rand() * n)).click();
        break;
      }
      case 'document': {
        const read = page.locator('aside[aria-label="Source"] button', { hasText: /whole document|阅读全文/ });
        if ((await read.count()) && rand() < 0.6) await read.first().click();
        else await page.evaluate((id) => (location.hash = location.hash.replace(/&?doc=[^&]*/, '') + `&doc=${id}`), pick(docIds));
        break;
      }
      case 'escape':
        await page.keyboard.press('Escape');
        break;
    }
    if (step % 50 === 49) expect(w.errors, `after step ${step + 1}`).toEqual([]);
  }
  await screenshot(page, 'soak-end');

  // Back to where we started, with everything closed, and measure again.
  await backToStart();
  const after = await heapAfterGC(page);
  const growth = (after - before) / before;
  console.log(`soak: ${JSON.stringify(done)}; heap ${(before / 1e6).toFixed(1)} MB → ${(after / 1e6).toFixed(1)} MB (${(growth * 100).toFixed(1)}%)`);
  expect(w.errors).toEqual([]);
  expect(w.offOrigin).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(growth).toBeLessThan(0.2);
});
