/**
 * A large atlas on the SVG map: each style is one path (SvgBatchedFeatures),
 * and a canvas click means what it means on the WebGL map (screenHits.ts with
 * hitTest.ts's rule). Run without WebGL, so the SVG map is the map; the atlas
 * is the benchmark generator's, 2,000 features (dist-many/, built by the
 * global setup). Targets are chosen from that atlas, not fixed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { distance, point, pointToLineDistance, lineString } from '@turf/turf';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Atlas, AtlasFeature } from '../../src/lib/atlas/types.ts';
import { gotoApp, launch, manyURL, openPage, screenshot, setHash } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch({ args: ['--disable-webgl', '--disable-3d-apis'] });
});
afterAll(async () => {
  await browser?.close();
});

const atlas = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../dist-many/atlas.json'), 'utf8')) as Atlas;
const points = atlas.features.filter((f) => f.geometry.type === 'Point');
const lines = atlas.features.filter((f) => f.geometry.type === 'LineString');
/** Kilometres from a position to the nearest other feature's drawing (points, lines and zone outlines). */
function clearance(at: number[], self: AtlasFeature): number {
  let best = Infinity;
  for (const f of atlas.features) {
    if (f === self) continue;
    const g = f.geometry;
    if (g.type === 'Point') best = Math.min(best, distance(point(at), point(g.coordinates)));
    else if (g.type === 'LineString') best = Math.min(best, pointToLineDistance(point(at), lineString(g.coordinates)));
    else if (g.type === 'Polygon') best = Math.min(best, pointToLineDistance(point(at), lineString(g.coordinates[0])));
  }
  return best;
}

test('a generated atlas is drawn batched, and canvas clicks select a point, a line, and nothing on empty map', async () => {
  const w = await openPage(browser, { base: manyURL() });
  const lonePoint = points.find((p) => clearance((p.geometry as { coordinates: number[] }).coordinates, p) > 25)!;
  expect(lonePoint, 'a point 25 km from everything else').toBeTruthy();
  const [lng, lat] = (lonePoint.geometry as { coordinates: number[] }).coordinates;
  await gotoApp(w.page, `#map=7/${lat}/${lng}`, '', manyURL());
  const map = w.page.locator('[aria-label="Map of corridors"]');
  expect(await map.getAttribute('data-renderer')).toBe('svg');
  // Batched: no element per feature until one is selected; the styles are paths.
  expect(await map.locator('[data-feature-id]').count()).toBe(0);
  expect(await map.locator('path.marker').count()).toBeGreaterThan(0);
  expect(await map.locator('path.line').count()).toBeGreaterThan(0);

  const box = (await map.boundingBox())!;
  await w.page.mouse.click(box.x + box.width / 2 + 3, box.y + box.height / 2 - 2);
  const panel = w.page.locator('aside[aria-label="Source"]');
  await expect.poll(() => panel.getAttribute('data-feature-id'), { timeout: 10_000 }).toBe(lonePoint.id);
  // The selection is drawn on top, as an element of its own.
  expect(await map.locator(`[data-feature-id="${lonePoint.id}"]`).count()).toBe(1);
  await screenshot(w.page, 'many-features-point');

  // A line, clicked a pixel off its middle vertex.
  const line = lines.find((l) => {
    const c = (l.geometry as { coordinates: number[][] }).coordinates;
    return c.length >= 3 && clearance(c[Math.floor(c.length / 2)], l) > 25;
  })!;
  expect(line, 'a line vertex 25 km from everything else').toBeTruthy();
  const c = (line.geometry as { coordinates: number[][] }).coordinates[Math.floor((line.geometry as { coordinates: number[][] }).coordinates.length / 2)];
  await w.page.keyboard.press('Escape');
  await setHash(w.page, `#map=7/${c[1]}/${c[0]}`);
  await w.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2 + 1);
  await expect.poll(() => panel.getAttribute('data-feature-id'), { timeout: 10_000 }).toBe(line.id);
  await screenshot(w.page, 'many-features-line');

  // 20 px beside the line, where nothing is drawn: the selection clears.
  await w.page.mouse.click(box.x + box.width / 2 + 20, box.y + box.height / 2 + 20);
  await expect.poll(() => panel.count()).toBe(0);
  expect(w.errors).toEqual([]);
});
