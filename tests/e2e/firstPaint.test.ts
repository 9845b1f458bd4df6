/**
 * The first meaningful map comes from the SVG map (issue 13): it paints the
 * land and the features while MapLibre loads, a reader can already click and
 * pan it, and MapLibre takes over in the same view and selection. MapLibre's
 * component is held back at the network here, so the test sees the SVG map
 * for as long as it needs, whatever the machine's speed.
 */
import { distance, point } from '@turf/turf';
import type { Point } from 'geojson';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ATLAS_SOURCE } from '../../src/lib/map/style.ts';
import { loadAtlas } from './atlasData.ts';
import { baseURL, currentView, launch, openPage, screenshot, waitForIdle } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The point feature farthest from every other point: a click on it at zoom 7 hits it alone. */
function loneFeaturePoint() {
  const points = loadAtlas().features.filter((f) => f.geometry.type === 'Point');
  const clearance = (f: (typeof points)[number]) =>
    Math.min(...points.filter((o) => o !== f).map((o) => distance(point((f.geometry as Point).coordinates), point((o.geometry as Point).coordinates))));
  return points.reduce((best, f) => (clearance(f) > clearance(best) ? f : best));
}

test('the SVG map paints first and is clickable; MapLibre takes over without moving the view or losing the selection', async () => {
  const f = loneFeaturePoint();
  const [lng, lat] = (f.geometry as Point).coordinates;
  const w = await openPage(browser);
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let asked = false;
  await w.page.route(/\/assets\/MapView-[\w-]+\.js$/, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await w.page.goto(`${baseURL()}#map=7/${lat}/${lng}`);

  const svg = w.page.locator('[data-renderer="svg-preview"]');
  await svg.waitFor({ timeout: 60_000 });
  await w.page.waitForFunction(() => performance.getEntriesByName('map-first-meaningful').length > 0, undefined, { timeout: 60_000 });
  // The land and the atlas's features are on screen, and MapLibre is not (its component is still held).
  expect(await svg.locator('path.land').getAttribute('d')).toBeTruthy();
  expect(await svg.locator('[data-feature-id]').count()).toBeGreaterThan(0);
  expect(await w.page.locator('.maplibregl-canvas').count()).toBe(0);
  await expect.poll(() => asked, { timeout: 30_000 }).toBe(true);

  // Click the feature where it is drawn: the middle of the map.
  const box = (await svg.boundingBox())!;
  await w.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const panel = w.page.locator('aside[aria-label="Source"]');
  await expect.poll(() => panel.getAttribute('data-feature-id'), { timeout: 10_000 }).toBe(f.id);
  // Pan by dragging; the URL follows.
  const before = await currentView(w.page);
  await w.page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 60);
  await w.page.mouse.down();
  await w.page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2 + 20, { steps: 6 });
  await w.page.mouse.up();
  await expect.poll(async () => (await currentView(w.page)).lng).toBeGreaterThan(before.lng + 0.1);
  const panned = await currentView(w.page);
  const svgSpot = await w.page.evaluate((id) => {
    const r = document.querySelector(`[data-renderer="svg-preview"] g.point[data-feature-id="${id}"]`)!.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, f.id);
  await screenshot(w.page, 'first-paint-svg');

  // MapLibre loads and takes over.
  release();
  await w.page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]', { timeout: 90_000 });
  await waitForIdle(w.page);
  expect(await w.page.locator('[data-renderer="svg-preview"]').count()).toBe(0);
  expect(await w.page.locator('[aria-label="Map of corridors"]').count()).toBe(1);
  const after = await currentView(w.page);
  expect(after.zoom).toBeCloseTo(panned.zoom, 2);
  expect(after.lat).toBeCloseTo(panned.lat, 3);
  expect(after.lng).toBeCloseTo(panned.lng, 3);
  expect(await panel.getAttribute('data-feature-id')).toBe(f.id);
  const gl = await w.page.evaluate(
    ([id, source, x, y]) => {
      const el = document.querySelector('[aria-label="Map of corridors"]') as HTMLElement & { atlasMap: import('maplibre-gl').Map };
      const map = el.atlasMap;
      const p = map.project([x as number, y as number]);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.x + p.x, y: r.y + p.y, selected: !!map.getFeatureState({ source: source as string, id: id as string }).selected };
    },
    [f.id, ATLAS_SOURCE, lng, lat],
  );
  // The feature is where the SVG map drew it, and selected on the WebGL map too.
  expect(Math.abs(gl.x - svgSpot.x)).toBeLessThan(1.5);
  expect(Math.abs(gl.y - svgSpot.y)).toBeLessThan(1.5);
  expect(gl.selected).toBe(true);
  // (The first render is marked two frames after the map is ready.)
  await expect.poll(() => w.page.evaluate(() => performance.getEntriesByName('map-first-idle').length)).toBe(1);
  const [meaningful, idle] = await w.page.evaluate(() => ['map-first-meaningful', 'map-first-idle'].map((n) => performance.getEntriesByName(n)[0].startTime));
  expect(meaningful).toBeLessThan(idle);
  await screenshot(w.page, 'first-paint-handover');
  expect(w.errors).toEqual([]);
  expect(w.offOrigin).toEqual([]);
});
