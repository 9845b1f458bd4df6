/**
 * No WebGL: Chromium started with WebGL disabled gets the SVG map, says so,
 * and still lets the reader click a feature, read its source and open the
 * document. The URL view works the same.
 */
import { certaintyKey } from '../../src/lib/atlas/certainty.ts';
import { MESSAGES } from '../../src/lib/i18n/messages.ts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { feature } from './atlasData.ts';
import { currentView, gotoApp, launch, openPage, screenshot } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch({ args: ['--disable-webgl', '--disable-3d-apis'] });
});
afterAll(async () => {
  await browser?.close();
});

test('without WebGL the SVG map says so, and clicking a feature opens its source and document', async () => {
  const w = await openPage(browser);
  const id = 'yangluo-port';
  const f = feature(id);
  await gotoApp(w.page, '#map=6/30.6/114.2');
  expect(await w.page.evaluate(() => !!document.createElement('canvas').getContext('webgl2'))).toBe(false);
  const map = w.page.locator('[aria-label="Map of corridors"]');
  expect(await map.getAttribute('data-renderer')).toBe('svg');
  expect(await w.page.locator('.maplibregl-canvas').count()).toBe(0);
  expect(await w.page.locator('.fallback-note').textContent()).toMatch(/cannot draw the WebGL map/);
  expect(await map.locator('[data-feature-id]').count()).toBeGreaterThan(5);

  await map.locator(`g.point[data-feature-id="${id}"]`).click();
  const panel = w.page.locator('aside[aria-label="Source"]');
  await panel.waitFor();
  expect(await panel.getAttribute('data-feature-id')).toBe(id);
  await expect.poll(() => w.page.evaluate(() => location.hash)).toContain(`feature=${id}`);
  const quote = f.properties.citations[0].selector.exact.replace(/\s+/g, ' ');
  expect((await panel.locator(`mark[data-feature-id="${id}"]`).first().textContent())!.replace(/\s+/g, ' ')).toBe(quote);
  // The same panel as over the WebGL map: how sure the feature is, in words.
  expect((await panel.getByTestId('certainty').textContent())!.trim()).toBe(MESSAGES.en.certainty[certaintyKey(f.properties.geometry_basis, f.geometry.type)]);
  await panel.getByRole('button', { name: /whole document/ }).first().click();
  await w.page.locator('section[aria-label="Document"]').waitFor();
  await screenshot(w.page, 'fallback-svg-document');

  // A line is clickable too, and dragging pans the view in the URL.
  await w.page.keyboard.press('Escape');
  // A spot on a line with nothing else drawn within a fingertip of it: a click there can only mean that line.
  const spot = await w.page.evaluate(() => {
    const ids = (x: number, y: number) => new Set(document.elementsFromPoint(x, y).flatMap((el) => el.closest('g.feature')?.getAttribute('data-feature-id') ?? []));
    for (const path of document.querySelectorAll<SVGPathElement>('g.feature:not(.point) path.line')) {
      const id = path.parentElement!.getAttribute('data-feature-id')!;
      if (!path.getAttribute('d')) continue; // drawn outside the view
      const length = path.getTotalLength();
      for (let t = 0.2; t <= 0.8; t += 0.05) {
        const p = path.getPointAtLength(length * t).matrixTransform(path.getScreenCTM()!);
        const around = [[0, 0], [12, 0], [-12, 0], [0, 12], [0, -12]].map(([dx, dy]) => ids(p.x + dx, p.y + dy));
        if (p.x > 20 && p.y > 20 && p.x < innerWidth - 400 && p.y < innerHeight - 20 && around[0].has(id) && around.every((s) => [...s].every((other) => other === id))) return { id, x: p.x, y: p.y };
      }
    }
    return null;
  });
  expect(spot).not.toBeNull();
  await w.page.mouse.click(spot!.x, spot!.y);
  await expect.poll(() => panel.getAttribute('data-feature-id')).toBe(spot!.id);
  const before = await currentView(w.page);
  const box = (await map.boundingBox())!;
  await w.page.mouse.move(box.x + 200, box.y + box.height - 80);
  await w.page.mouse.down();
  await w.page.mouse.move(box.x + 320, box.y + box.height - 60, { steps: 5 });
  await w.page.mouse.up();
  await expect.poll(async () => (await currentView(w.page)).lng).toBeLessThan(before.lng - 0.5);
  await w.page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(async () => (await currentView(w.page)).zoom).toBeCloseTo(before.zoom + 1, 1);
  await screenshot(w.page, 'fallback-svg-panned');
  expect(w.errors).toEqual([]);
  expect(w.offOrigin).toEqual([]);
});

test('without WebGL a permalink to a feature opens it and frames it', async () => {
  const w = await openPage(browser);
  await gotoApp(w.page, '#feature=china-laos-freight-rail');
  await w.page.locator('aside[aria-label="Source"][data-feature-id="china-laos-freight-rail"]').waitFor();
  await expect.poll(async () => (await currentView(w.page)).lat).toBeLessThan(27);
  expect(w.errors).toEqual([]);
});
