/**
 * Zones are areas (issue 14, left over from issue 11): every Polygon or
 * MultiPolygon feature is drawn as a light fill with a thin outline beneath
 * the lines and symbols, is clickable inside, and its panel gives an area,
 * never a length. Which features are zones, and where, comes from data/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bbox, booleanPointInPolygon, point, pointToLineDistance, polygonToLine } from '@turf/turf';
import type { Position } from 'geojson';
import type { AtlasFeature } from '../../src/lib/atlas/types.ts';
import { formatKm2 } from '../../src/lib/format.ts';
import { metresPerPixel } from '../../src/lib/export/scaleBar.ts';
import { clearanceKm, loadAtlas } from './atlasData.ts';
import { pixelOf } from '../../src/lib/view/webMercator.ts';
import { clickMapAt, currentView, gotoApp, launch, openPage, screenshot, setHash, type WatchedPage } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const isArea = (f: AtlasFeature) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon';
const areas = () => loadAtlas().features.filter(isArea);
const panel = (page: Page) => page.locator('aside[aria-label="Source"]');
function expectClean(w: WatchedPage) {
  expect(w.errors).toEqual([]);
  expect(w.offOrigin).toEqual([]);
}

/** The zoom at which a zone's bounding box spans about `px` pixels across its larger side. */
function zoomToSpan(f: AtlasFeature, px: number): number {
  const [w, s, e, n] = bbox(f);
  const lat = (s + n) / 2;
  const spanDeg = Math.max(e - w, (n - s) / Math.cos((lat * Math.PI) / 180));
  return Math.max(2, Math.min(14, Math.log2((px * 360) / (512 * spanDeg))));
}

/**
 * A spot inside `zone` (and inside no smaller zone) at least `clearPx` from
 * every line and symbol at the zoom that shows the zone about 500 px wide.
 */
function emptySpotInside(zone: AtlasFeature, clearPx = 40): { at: Position; zoom: number } | null {
  const zoom = zoomToSpan(zone, 500);
  const [w, s, e, n] = bbox(zone);
  const smaller = areas().filter((o) => o.id !== zone.id && (o.properties.area_km2 ?? 0) < (zone.properties.area_km2 ?? 0));
  let best: { at: Position; clear: number } | null = null;
  const steps = 24;
  for (let i = 1; i < steps; i++)
    for (let j = 1; j < steps; j++) {
      const at: Position = [w + ((e - w) * i) / steps, s + ((n - s) * j) / steps];
      if (!booleanPointInPolygon(point(at), zone as never)) continue;
      if (smaller.some((o) => booleanPointInPolygon(point(at), o as never))) continue;
      const clearPxHere = (clearanceKm(at) * 1000) / metresPerPixel(at[1], zoom);
      if (clearPxHere >= clearPx && (!best || clearPxHere > best.clear)) best = { at, clear: clearPxHere };
    }
  return best && { at: best.at, zoom };
}

describe('zones are drawn, clicked and described as areas', () => {
  test('the map style draws area features with a fill layer beneath every line layer, and no dashed layer draws them', async () => {
    const w = await openPage(browser);
    const zoneIds = areas().map((f) => f.id);
    expect(zoneIds.length).toBeGreaterThan(0);
    await gotoApp(w.page, '#map=4/30/108');
    const style = await w.page.evaluate((ids) => {
      const el = document.querySelector('[aria-label="Map of corridors"]') as HTMLElement & { atlasMap: import('maplibre-gl').Map };
      const map = el.atlasMap;
      const layers = map.getStyle().layers.filter((l) => 'source' in l && l.source === 'atlas');
      const drawing = (layerId: string) => new Set(map.queryRenderedFeatures({ layers: [layerId] }).map((f) => f.properties?.fid));
      return layers.map((l, index) => {
        const drawn = drawing(l.id);
        return {
          id: l.id,
          index,
          type: l.type,
          dashed: l.type === 'line' && map.getPaintProperty(l.id, 'line-dasharray') !== undefined,
          zones: ids.filter((id) => drawn.has(id)),
          others: [...drawn].filter((id) => !ids.includes(id as string)).length,
        };
      });
    }, zoneIds);
    const fills = style.filter((l) => l.type === 'fill');
    expect(fills.length).toBeGreaterThan(0);
    // Every zone in view is drawn by a fill layer …
    const filled = new Set(fills.flatMap((l) => l.zones));
    const lineLayersOfLines = style.filter((l) => l.type === 'line' && l.others > 0);
    expect(lineLayersOfLines.length).toBeGreaterThan(0);
    expect(filled.size).toBeGreaterThan(0);
    // … below every layer that draws the atlas's lines …
    for (const f of fills) for (const l of lineLayersOfLines) expect(f.index, `${f.id} under ${l.id}`).toBeLessThan(l.index);
    // … and no dashed layer (the cooperation-link look) draws a zone.
    for (const l of style.filter((x) => x.dashed)) expect(l.zones, l.id).toEqual([]);
    await screenshot(w.page, 'zones-map-z4');
    expectClean(w);
  });

  test('the panel of every area feature shows its area (and the published one where the data has it), never a length', async () => {
    const w = await openPage(browser);
    const zones = areas();
    await gotoApp(w.page, `#feature=${zones[0].id}`);
    for (const f of zones) {
      await setHash(w.page, `#feature=${f.id}`);
      await expect.poll(() => panel(w.page).getAttribute('data-feature-id')).toBe(f.id);
      const p = panel(w.page);
      const area = (await p.getByTestId('area').textContent())!;
      expect(area).toContain(formatKm2(f.properties.area_km2!));
      expect(f.properties.area_km2).toBeGreaterThan(0);
      expect(await p.getByTestId('length').count()).toBe(0);
      expect(await p.textContent()).not.toMatch(/\bLength\b/);
      if (f.properties.published_area) expect(await p.getByTestId('published-area').textContent()).toContain(formatKm2(f.properties.published_area.km2));
      else expect(await p.getByTestId('published-area').count()).toBe(0);
    }
    const published = zones.find((f) => f.properties.published_area);
    if (published) {
      await setHash(w.page, `#feature=${published.id}`);
      await expect.poll(() => panel(w.page).getAttribute('data-feature-id')).toBe(published.id);
      await panel(w.page).getByTestId('published-area').scrollIntoViewIfNeeded();
      await screenshot(w.page, 'zones-panel-published-area');
    }
    expectClean(w);
  });

  test('a click on the canvas inside a zone, away from every line and symbol, selects that zone', async () => {
    const w = await openPage(browser);
    let tried = 0;
    await gotoApp(w.page, '#map=4/30/108');
    for (const zone of areas()) {
      const spot = emptySpotInside(zone);
      if (!spot) continue;
      tried++;
      const [lng, lat] = spot.at;
      await setHash(w.page, `#map=${spot.zoom.toFixed(2)}/${lat.toFixed(5)}/${lng.toFixed(5)}`);
      await clickMapAt(w.page, lng, lat);
      await expect.poll(() => panel(w.page).getAttribute('data-feature-id'), { timeout: 10_000 }).toBe(zone.id);
      if (tried === 1) await screenshot(w.page, `zones-click-${zone.id}`);
      await w.page.keyboard.press('Escape');
    }
    console.log(`clicked inside ${tried} of ${areas().length} zones`);
    // Every zone that has empty ground inside was tried; the atlas has at least one such zone.
    expect(tried).toBeGreaterThan(0);
    expectClean(w);
  });
});

describe('zones in the SVG map (no WebGL)', () => {
  let noGl: Browser;
  beforeAll(async () => {
    noGl = await launch({ args: ['--disable-webgl', '--disable-3d-apis'] });
  });
  afterAll(async () => {
    await noGl?.close();
  });

  test('zones are filled, solid-outlined, drawn before every line, and a click inside one selects it', async () => {
    const w = await openPage(noGl);
    const zone = areas().find((f) => emptySpotInside(f));
    expect(zone, 'a zone with empty ground inside').toBeDefined();
    const spot = emptySpotInside(zone!)!;
    const [lng, lat] = spot.at;
    await gotoApp(w.page, `#map=${spot.zoom.toFixed(2)}/${lat.toFixed(5)}/${lng.toFixed(5)}`);
    const map = w.page.locator('[aria-label="Map of corridors"][data-renderer="svg"]');
    const drawn = await map.locator('g.feature').evaluateAll((gs) =>
      gs.map((g) => {
        const zone = g.querySelector('path.zone');
        return { id: g.getAttribute('data-feature-id'), zone: !!zone, fill: zone ? getComputedStyle(zone).fill : null, dash: zone ? getComputedStyle(zone).strokeDasharray : null };
      }),
    );
    const zoneIds = new Set(areas().map((f) => f.id));
    const zonesDrawn = drawn.filter((d) => d.zone);
    expect(zonesDrawn.map((d) => d.id).every((id) => zoneIds.has(id!))).toBe(true);
    expect(zonesDrawn.length).toBeGreaterThan(0);
    for (const d of zonesDrawn) {
      expect(d.fill).not.toBe('none');
      expect(d.dash).toBe('none');
    }
    // Zones come first in drawing order: every line is above them.
    const lastZone = drawn.map((d) => d.zone).lastIndexOf(true);
    const firstLine = drawn.findIndex((d) => !d.zone && !zoneIds.has(d.id!));
    if (firstLine >= 0) expect(lastZone).toBeLessThan(firstLine);

    const box = (await map.boundingBox())!;
    const p = pixelOf(await currentView(w.page), box.width, box.height, lng, lat);
    await w.page.mouse.click(box.x + p.x, box.y + p.y);
    await expect.poll(() => panel(w.page).getAttribute('data-feature-id')).toBe(zone!.id);
    await screenshot(w.page, 'zones-svg-fallback-click');
    expectClean(w);
  });
});

describe('zones that inform (issue 19)', () => {
  test('inside a zone larger than the view, the zone is its outline: no tint over what lies inside it', async () => {
    // The largest zone, seen from the spot deepest inside it, at a zoom where the view stays inside it.
    const zone = [...areas()].sort((a, b) => (b.properties.area_km2 ?? 0) - (a.properties.area_km2 ?? 0))[0];
    const outline = polygonToLine(zone as never);
    const edges = ('features' in outline ? outline.features : [outline]).map((l) => l as never);
    const [w0, s0, e0, n0] = bbox(zone);
    let deepest: { at: Position; km: number } = { at: [0, 0], km: 0 };
    for (let i = 1; i < 30; i++)
      for (let j = 1; j < 30; j++) {
        const at: Position = [w0 + ((e0 - w0) * i) / 30, s0 + ((n0 - s0) * j) / 30];
        if (!booleanPointInPolygon(point(at), zone as never)) continue;
        const km = Math.min(...edges.map((l) => pointToLineDistance(point(at), l)));
        if (km > deepest.km) deepest = { at, km };
      }
    // The view's corners (about 650 px from its centre at 1280×800 with the sidebar) stay inside the zone.
    const zoom = Math.log2(metresPerPixel(deepest.at[1], 0) / ((deepest.km * 1000) / 700));
    const w = await openPage(browser);
    await gotoApp(w.page, `#map=${zoom.toFixed(2)}/${deepest.at[1].toFixed(4)}/${deepest.at[0].toFixed(4)}`);
    const spot = { at: deepest.at };
    const state = await w.page.evaluate((id) => {
      const el = document.querySelector('[aria-label="Map of corridors"]') as HTMLElement & { atlasMap: import('maplibre-gl').Map };
      return el.atlasMap.getFeatureState({ source: 'atlas', id });
    }, zone.id);
    expect(state.wide, `${zone.id} covers the view: drawn as its outline`).toBe(true);
    // And zoomed out until the whole zone fits, it is a tinted area again.
    await setHash(w.page, `#map=${zoomToSpan(zone, 400).toFixed(2)}/${spot.at[1].toFixed(4)}/${spot.at[0].toFixed(4)}`);
    const after = await w.page.evaluate((id) => {
      const el = document.querySelector('[aria-label="Map of corridors"]') as HTMLElement & { atlasMap: import('maplibre-gl').Map };
      return el.atlasMap.getFeatureState({ source: 'atlas', id });
    }, zone.id);
    expect(after.wide).toBe(false);
    await screenshot(w.page, 'zones-wide-outline');
    expectClean(w);
    await w.page.context().close();
  });
});
