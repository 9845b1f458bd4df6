/**
 * The selection stays in the part of the map the reader can see: opening a
 * document beside the map keeps a selected point in view, and a passage that
 * supports several features selects them all and frames them, with no
 * chooser in between. Features are chosen from the data.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AtlasFeature } from '../../src/lib/atlas/types.ts';
import { featureBounds } from '../../src/lib/map/renderData.ts';
import { LABEL_LAYER } from '../../src/lib/map/style.ts';
import { pixelOf } from '../../src/lib/view/webMercator.ts';
import { isolatedPoints, loadAtlas } from './atlasData.ts';
import { clickMapAt, currentView, gotoApp, launch, openPage, screenshot, waitForIdle } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const atlas = loadAtlas();
const panel = '[aria-label="Source"]';

test('opening the document of a selected point keeps the point in the map that is left', async () => {
  const target = atlas.features.find((f) => f.geometry.type === 'Point')!;
  const [lng, lat] = (target.geometry as unknown as { coordinates: [number, number] }).coordinates;
  const w = await openPage(browser, { width: 1280, height: 800 });
  // A view with the point in the right part of the map, where the document column will open.
  await gotoApp(w.page, `#map=7/${lat}/${lng - 1.4}&feature=${target.id}`);
  await w.page.locator(`aside${panel}[data-feature-id="${target.id}"]`).waitFor();
  const canvas = w.page.locator('.maplibregl-canvas');
  const before = (await canvas.boundingBox())!;
  const p0 = pixelOf(await currentView(w.page), before.width, before.height, lng, lat);
  expect(p0.x).toBeGreaterThan(before.width / 2);
  await w.page.locator(`aside${panel}`).getByRole('button', { name: /whole document/ }).first().click();
  await w.page.locator('section[aria-label="Document"]').waitFor();
  await expect.poll(async () => {
    await waitForIdle(w.page);
    const box = (await canvas.boundingBox())!;
    const p = pixelOf(await currentView(w.page), box.width, box.height, lng, lat);
    // The map is narrower now, and the point is inside it, clear of its edges.
    return box.width < before.width && p.x > 10 && p.x < box.width - 10 && p.y > 10 && p.y < box.height - 10;
  }, { timeout: 15_000 }).toBe(true);
  await screenshot(w.page, 'selection-kept-with-document');
  expect(w.errors).toEqual([]);
  await w.page.context().close();
});

test('a click opens the source panel over the map: the map keeps its size, and the point and the attribution stay clear of the panel', async () => {
  const [target] = isolatedPoints(30);
  expect(target, 'the data has a point feature clear of others').toBeDefined();
  const [lng, lat] = target.at;
  const w = await openPage(browser, { width: 1280, height: 800 });
  // The point a little right of the map's middle, where the panel will open (at zoom 7 a degree is about 180 px).
  await gotoApp(w.page, `#map=7/${lat}/${lng - 1.2}`);
  await waitForIdle(w.page);
  const canvas = w.page.locator('.maplibregl-canvas');
  const before = (await canvas.boundingBox())!;
  const drawnBefore = await canvas.evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
  await clickMapAt(w.page, lng, lat);
  const aside = w.page.locator(`aside${panel}[data-feature-id="${target.feature.id}"]`);
  await aside.waitFor();
  const panelBox = (await w.page.locator('.panel-slot').boundingBox())!;
  // The panel lies over the map's right edge; the map (and its WebGL drawing buffer) keeps its size.
  expect(panelBox.x).toBeGreaterThan(before.x);
  expect(panelBox.x + panelBox.width).toBeCloseTo(before.x + before.width, 0);
  expect(await canvas.boundingBox()).toEqual(before);
  expect(await canvas.evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual(drawnBefore);
  // The clicked point is moved into the part of the map the panel leaves free.
  await expect.poll(async () => {
    await waitForIdle(w.page);
    const p = pixelOf(await currentView(w.page), before.width, before.height, lng, lat);
    return p.x > 10 && before.x + p.x < panelBox.x - 10 && p.y > 10 && p.y < before.height - 10;
  }, { timeout: 15_000 }).toBe(true);
  // What is anchored at the map's right edge moves beside the panel, not under it.
  for (const anchored of ['.maplibregl-ctrl-attrib']) {
    const box = (await w.page.locator(anchored).first().boundingBox())!;
    expect(box.x + box.width, anchored).toBeLessThanOrEqual(panelBox.x + 1);
  }
  // No label is placed under the panel: MapLibre renders none whose box meets the covered strip.
  const under = await w.page.evaluate(
    ([x0, layer]) => {
      const el = document.querySelector('[aria-label="Map of corridors"]') as HTMLElement & { atlasMap: import('maplibre-gl').Map };
      const c = el.atlasMap.getCanvas();
      return el.atlasMap.queryRenderedFeatures([[x0 as number, 0], [c.clientWidth, c.clientHeight]], { layers: [layer as string] }).map((f) => f.properties.text as string);
    },
    [panelBox.x - before.x + 1, LABEL_LAYER] as const,
  );
  expect(under, 'labels under the panel').toEqual([]);
  await screenshot(w.page, 'panel-over-map');
  // Closing the panel leaves the map's size alone too.
  await aside.getByRole('button', { name: /close/i }).first().click();
  await expect.poll(() => w.page.locator(`aside${panel}`).count()).toBe(0);
  expect(await canvas.boundingBox()).toEqual(before);
  expect(w.errors).toEqual([]);
  await w.page.context().close();
});

/** A passage (document and quote) cited by two or more features. */
function sharedPassage(): { doc: string; ids: string[] } | null {
  const byPassage = new Map<string, string[]>();
  for (const f of atlas.features)
    for (const c of f.properties.citations) {
      const key = `${c.document}\u0000${c.selector.exact}`;
      byPassage.set(key, [...(byPassage.get(key) ?? []), f.id]);
    }
  for (const [key, ids] of byPassage) if (new Set(ids).size > 1) return { doc: key.split('\u0000')[0], ids: [...new Set(ids)] };
  return null;
}

test('a passage that supports several features selects them all and frames them, with no chooser', async () => {
  const shared = sharedPassage();
  expect(shared, 'the data has a passage cited by several features').not.toBeNull();
  const w = await openPage(browser, { width: 1440, height: 900 });
  // Far from every feature: the frame must move the map.
  await gotoApp(w.page, `#map=5/-30/0&doc=${shared!.doc}`);
  const mark = w.page.locator('section[aria-label="Document"] mark[data-feature-ids*=" "]').first();
  const ids = (await mark.getAttribute('data-feature-ids'))!.split(' ');
  expect(ids.length).toBeGreaterThan(1);
  await mark.locator('.activator').click();
  await w.page.locator(`aside${panel}`).waitFor();
  expect(await w.page.getByRole('dialog', { name: 'Choose a feature' }).count()).toBe(0);
  const features = ids.map((id) => atlas.features.find((f) => f.id === id)!) as AtlasFeature[];
  await expect.poll(async () => {
    await waitForIdle(w.page);
    const box = (await w.page.locator('.maplibregl-canvas').boundingBox())!;
    const view = await currentView(w.page);
    return features.every((f) => {
      const [west, south, east, north] = featureBounds(f);
      const nw = pixelOf(view, box.width, box.height, west, north);
      const se = pixelOf(view, box.width, box.height, east, south);
      return nw.x >= 0 && nw.y >= 0 && se.x <= box.width && se.y <= box.height;
    });
  }, { timeout: 15_000 }).toBe(true);
  await screenshot(w.page, 'passage-selects-all');
  expect(w.errors).toEqual([]);
  await w.page.context().close();
});
