/**
 * A phone, by touch: a fingertip is wider than a mouse pointer, so a tap
 * between two symbols drawn a few pixels apart opens the chooser instead of
 * guessing, and MapLibre's attribution starts folded rather than over the map.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AtlasFeature } from '../../src/lib/atlas/types.ts';
import { DEFAULT_HIT_RULE, TOUCH_HIT_RULE } from '../../src/lib/map/hitTest.ts';
import { pixelOf, worldPixel } from '../../src/lib/view/webMercator.ts';
import { loadAtlas } from './atlasData.ts';
import { currentView, gotoApp, launch, openPage, screenshot } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const at = (f: AtlasFeature) => (f.geometry as unknown as { coordinates: [number, number] }).coordinates;

/**
 * Two point features and a zoom at which their symbols are drawn further apart
 * than a mouse's ambiguity but closer than a fingertip's, with every other
 * symbol well clear of both. Derived from the data.
 */
function closePair(): { a: AtlasFeature; b: AtlasFeature; zoom: number } | null {
  const points = loadAtlas().features.filter((f) => f.geometry.type === 'Point');
  const gap = (DEFAULT_HIT_RULE.pointAmbiguityPx + TOUCH_HIT_RULE.pointAmbiguityPx) / 2 + 2;
  for (const a of points)
    for (const b of points) {
      if (a.id >= b.id) continue;
      const [ax, ay] = worldPixel(...at(a), 0);
      const [bx, by] = worldPixel(...at(b), 0);
      const d0 = Math.hypot(ax - bx, ay - by);
      if (!d0) continue;
      const zoom = Math.log2(gap / d0);
      if (zoom < 4 || zoom > 11) continue;
      const k = 2 ** zoom;
      const clear = points.every((o) => {
        if (o === a || o === b) return true;
        const [ox, oy] = worldPixel(...at(o), 0);
        return Math.min(Math.hypot(ox - ax, oy - ay), Math.hypot(ox - bx, oy - by)) * k > 60;
      });
      if (clear) return { a, b, zoom: Math.round(zoom * 100) / 100 };
    }
  return null;
}

test('a tap on one of two symbols a fingertip apart opens the chooser with both; the attribution starts folded', async () => {
  const pair = closePair();
  expect(pair, 'the data has two point symbols that a zoom level draws a fingertip apart').not.toBeNull();
  const { a, b, zoom } = pair!;
  const w = await openPage(browser, { width: 390, height: 844, touch: true });
  const [lng, lat] = at(a);
  await gotoApp(w.page, `#map=${zoom}/${lat}/${lng}`);
  const attribution = w.page.locator('.maplibregl-ctrl-attrib');
  expect(await attribution.getAttribute('class')).toContain('maplibregl-compact');
  expect(await attribution.getAttribute('class')).not.toContain('maplibregl-compact-show');
  const box = (await w.page.locator('.maplibregl-canvas').boundingBox())!;
  const view = await currentView(w.page);
  const p = pixelOf(view, box.width, box.height, lng, lat);
  const q = pixelOf(view, box.width, box.height, ...at(b));
  // Drawn apart: a mouse would pick one.
  expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThan(DEFAULT_HIT_RULE.pointAmbiguityPx);
  await w.page.touchscreen.tap(box.x + p.x, box.y + p.y);
  const picker = w.page.getByRole('dialog', { name: 'Choose a feature' });
  await picker.waitFor({ timeout: 10_000 });
  const offered = await picker.locator('button[data-feature-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-feature-id')));
  expect(offered).toEqual(expect.arrayContaining([a.id, b.id]));
  await screenshot(w.page, 'touch-chooser');
  await picker.locator(`button[data-feature-id="${b.id}"]`).tap();
  await expect.poll(() => w.page.locator('aside[aria-label="Source"]').getAttribute('data-feature-id')).toBe(b.id);
  expect(w.errors).toEqual([]);
  await w.page.context().close();
});
