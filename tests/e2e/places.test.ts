/**
 * Issue 13: a map you can find your way on. Place, river and country names on
 * the WebGL map (MapLibre's rendered features, through the map's test hook on
 * its container), in the reader's language, never over the atlas's own
 * symbols; the same names in the SVG fallback and the SVG figure, whose labels
 * never overprint one another; and a first view that fits the atlas's data.
 * Screenshots at zoom 4, 7 and 10 over the Yangtze in English and Chinese.
 */
import { readFileSync } from 'node:fs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { booleanPointInPolygon, distance, lineString, pointToLineDistance, polygonToLine } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { featureBounds, unionBounds } from '../../src/lib/map/renderData.ts';
import { pixelOf } from '../../src/lib/view/webMercator.ts';
import { LABEL_LAYER } from '../../src/lib/map/style.ts';
import { loadAtlas } from './atlasData.ts';
import { capture, currentView, gotoApp, launch, openPage, SCREENSHOT_DIR, screenshot, downloadBytes } from './harness.ts';

/** Over the Yangtze: the middle river at zoom 4 and 7 (Wuhan), Chongqing's port reach at zoom 10. */
const YANGTZE = [
  { zoom: 4, lat: 30.5, lng: 112 },
  { zoom: 7, lat: 30.6, lng: 114.3 },
  { zoom: 10, lat: 29.56, lng: 106.58 },
];
/** The Chengdu–Chongqing cluster, where figure labels used to overprint. */
const CHENGDU_CHONGQING = '#map=7.4/30.15/105.3';
const CJK = /[\u4e00-\u9fff]/;

interface Rendered {
  places: { name: string; name_zh: string; z: number; text: string; dot: boolean; x: number; y: number }[];
  countries: { name: string; name_zh: string; text: string }[];
  atlasSymbols: { x: number; y: number }[];
}

/** What MapLibre drew: place and country labels (from the one label pass's layer), and the atlas's point symbols, with screen positions. */
async function rendered(page: Page): Promise<Rendered> {
  return page.evaluate((layer) => {
    const el = document.querySelector('[aria-label="Map of corridors"]') as HTMLElement & { atlasMap: import('maplibre-gl').Map };
    const map = el.atlasMap;
    const at = (f: { geometry: unknown }) => {
      const p = map.project((f.geometry as { coordinates: [number, number] }).coordinates);
      return { x: p.x, y: p.y };
    };
    const labels = map.queryRenderedFeatures({ layers: [layer] });
    const of = (kind: string) => labels.filter((f) => f.properties.kind === kind);
    // A place hangs on its dot; a capital under the atlas's symbols is named without one (dot 0), just clear of them.
    const places = of('place').map((f) => ({ name: f.properties.name as string, name_zh: f.properties.name_zh as string, z: f.properties.z as number, text: f.properties.text as string, dot: (f.properties.dot as number) > 0, ...at(f) }));
    const countries = of('country').map((f) => ({ name: f.properties.name as string, name_zh: f.properties.name_zh as string, text: f.properties.text as string }));
    const atlasSymbols = map.queryRenderedFeatures({ layers: ['atlas-points'] }).map(at);
    return { places, countries, atlasSymbols };
  }, LABEL_LAYER);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('WebGL map', () => {
  for (const lang of ['en', 'zh'] as const) {
    for (const v of YANGTZE) {
      test(`zoom ${v.zoom} over the Yangtze (${lang}): names follow the density rule and never sit on an atlas symbol`, async () => {
        const w = await openPage(browser);
        await gotoApp(w.page, `#map=${v.zoom}/${v.lat}/${v.lng}${lang === 'zh' ? '&lang=zh' : ''}`);
        await screenshot(w.page, `places-yangtze-z${v.zoom}-${lang}`);
        const r = await rendered(w.page);
        expect(r.places.length, 'some places are named').toBeGreaterThan(0);
        // Density: nothing before its first zoom (the filter sees the tile's whole zoom).
        for (const p of r.places) expect(p.z, p.name).toBeLessThanOrEqual(Math.floor(v.zoom));
        // The atlas's symbols win: no place dot within an atlas symbol's box.
        for (const p of r.places.filter((q) => q.dot)) for (const s of r.atlasSymbols) expect(Math.max(Math.abs(p.x - s.x), Math.abs(p.y - s.y)), `${p.name} under an atlas symbol`).toBeGreaterThan(11);
        // The reader's language: in Chinese only places Natural Earth gives a Chinese name are named (issue 21, item 13).
        for (const p of r.places) expect(p.text, p.name).toBe(lang === 'zh' ? p.name_zh : p.name);
        if (lang === 'zh') expect(r.places.some((p) => CJK.test(p.text))).toBe(true);
        expect(w.errors).toEqual([]);
        expect(w.offOrigin).toEqual([]);
        await w.page.context().close();
      });
    }
  }

  test('a city name is rendered at zoom 7: the most important city Natural Earth names by zoom 6 that no atlas label can hide', async () => {
    // From the data: places named by zoom 6 in China, at least 150 km from every atlas feature (whose labels win a collision).
    const places = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../dist/basemap/places.json'), 'utf8')) as { features: { properties: { name: string; z: number; rank: number }; geometry: { type: 'Point'; coordinates: [number, number] } }[] };
    const atlas = loadAtlas().features;
    const farFromAtlas = (pt: [number, number]) =>
      atlas.every((f) => {
        const g = f.geometry;
        if (g.type === 'Point') return distance(pt, g.coordinates) > 150;
        const parts = (l: { type: string; coordinates: number[][] | number[][][] }) => (l.type === 'LineString' ? [l.coordinates as number[][]] : (l.coordinates as number[][][]));
        const away = (l: { type: string; coordinates: number[][] | number[][][] }) => parts(l).every((c) => pointToLineDistance(pt, lineString(c)) > 150);
        if (g.type === 'LineString' || g.type === 'MultiLineString') return away(g);
        if (booleanPointInPolygon(pt, g as never)) return false;
        const outline = polygonToLine(g as never);
        const lines = 'features' in outline ? outline.features : [outline];
        return lines.every((l) => away(l.geometry as never));
      });
    const city = places.features
      .filter((f) => f.properties.z <= 6 && f.geometry.coordinates[0] > 100 && f.geometry.coordinates[0] < 122 && f.geometry.coordinates[1] > 22 && f.geometry.coordinates[1] < 40)
      .sort((a, b) => a.properties.rank - b.properties.rank)
      .find((f) => farFromAtlas(f.geometry.coordinates));
    expect(city, 'a city far from the atlas features').toBeDefined();
    const w = await openPage(browser);
    const [lng, lat] = city!.geometry.coordinates;
    await gotoApp(w.page, `#map=7/${lat}/${lng}`);
    const r = await rendered(w.page);
    expect(r.places.map((p) => p.name)).toContain(city!.properties.name);
    await screenshot(w.page, `places-city-z7`);
    await w.page.context().close();
  });

  test('country names are in Chinese in the Chinese interface', async () => {
    const w = await openPage(browser);
    await gotoApp(w.page, '#map=4/35/100&lang=zh');
    const r = await rendered(w.page);
    expect(r.countries.length).toBeGreaterThan(0);
    expect(r.countries.every((c) => CJK.test(c.text) && c.text === c.name_zh)).toBe(true);
    await screenshot(w.page, 'places-countries-zh');
    await w.page.context().close();
  });

  test('with no view in the URL the first view fits all of the atlas data', async () => {
    const w = await openPage(browser);
    await gotoApp(w.page);
    const view = await currentView(w.page);
    const box = (await w.page.locator('.maplibregl-canvas').boundingBox())!;
    const [west, south, east, north] = unionBounds(loadAtlas().features.map(featureBounds));
    const nw = pixelOf(view, box.width, box.height, west, north);
    const se = pixelOf(view, box.width, box.height, east, south);
    for (const p of [nw, se]) {
      expect(p.x).toBeGreaterThanOrEqual(-1);
      expect(p.y).toBeGreaterThanOrEqual(-1);
      expect(p.x).toBeLessThanOrEqual(box.width + 1);
      expect(p.y).toBeLessThanOrEqual(box.height + 1);
    }
    // Fitted, not merely inside: the data spans most of one side.
    expect(Math.max((se.x - nw.x) / box.width, (se.y - nw.y) / box.height)).toBeGreaterThan(0.8);
    await screenshot(w.page, 'places-first-view');
    await w.page.context().close();
  });
});

test('the SVG figure over Chengdu–Chongqing names places and no label overprints another; the selected feature is highlighted', async () => {
  const w = await openPage(browser);
  await gotoApp(w.page, CHENGDU_CHONGQING);
  await w.page.getByRole('button', { name: 'Share' }).click();
  await w.page.getByRole('dialog').waitFor();
  await w.page.waitForSelector('[data-export="svg"]:not([disabled])');
  const [dl] = await Promise.all([w.page.waitForEvent('download', { timeout: 60_000 }), w.page.click('[data-export="svg"]')]);
  const svg = (await downloadBytes(dl)).toString('utf8');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(resolve(SCREENSHOT_DIR, 'places-figure-chengdu-chongqing.svg'), svg);
  // Lay the figure out in a page of its own and measure every map label.
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await page.setContent(`<!doctype html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>/, '')}</body>`);
  const result = await page.evaluate(() => {
    const boxes = [...document.querySelectorAll('g.map text.atlas-label, g.map text.place, g.map text.river, g.map text.country')].map((t) => {
      const r = (t as SVGTextElement).getBoundingClientRect();
      return { text: t.textContent, cls: t.getAttribute('class'), x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
    });
    const clashes: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const ox = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const oy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        // Glyph boxes include ascender room: a pixel or two of touch is not overprinting.
        if (ox > 2 && oy > 3) clashes.push(`${a.text} × ${b.text}`);
      }
    return { clashes, places: boxes.filter((b) => b.cls === 'place').map((b) => b.text), atlas: boxes.filter((b) => b.cls === 'atlas-label').length };
  });
  await capture(page, resolve(SCREENSHOT_DIR, 'places-figure-chengdu-chongqing.png'));
  expect(result.atlas).toBeGreaterThan(3);
  expect(result.places.length).toBeGreaterThan(0);
  expect(result.clashes).toEqual([]);
  await page.context().close();

  // Select a line and export again: it is drawn with the highlight.
  await w.page.keyboard.press('Escape');
  const line = loadAtlas().features.find((f) => f.geometry.type !== 'Point' && svg.includes(`data-feature-id="${f.id}"`))!;
  await w.page.evaluate((h) => (location.hash = h), `${CHENGDU_CHONGQING}&feature=${line.id}`);
  await w.page.waitForSelector('[aria-label="Source"]');
  await w.page.getByRole('button', { name: 'Share' }).click();
  await w.page.waitForSelector('[data-export="svg"]:not([disabled])');
  const [dl2] = await Promise.all([w.page.waitForEvent('download', { timeout: 60_000 }), w.page.click('[data-export="svg"]')]);
  const selected = (await downloadBytes(dl2)).toString('utf8');
  expect(selected).toContain(`class="selected-halo" data-feature-id="${line.id}"`);
  expect(w.errors).toEqual([]);
  await w.page.context().close();
});

test('without WebGL the SVG map names places, rivers and lakes at zoom 7', async () => {
  const b = await launch({ args: ['--disable-webgl', '--disable-3d-apis'] });
  try {
    const w = await openPage(b);
    await w.page.goto(`${(await import('./harness.ts')).baseURL()}#map=7/30.6/114.3&lang=zh`);
    await w.page.waitForSelector('[data-renderer="svg"][data-ready="true"]', { timeout: 60_000 });
    await w.page.waitForFunction(() => document.querySelectorAll('[data-renderer="svg"] text.place').length > 0, undefined, { timeout: 30_000 });
    const names = await w.page.$$eval('[data-renderer="svg"] text.place', (ts) => ts.map((t) => t.textContent ?? ''));
    expect(names.some((n) => CJK.test(n))).toBe(true);
    expect(await w.page.locator('[data-renderer="svg"] path.lakes').getAttribute('d')).toBeTruthy();
    await screenshot(w.page, 'places-fallback-z7-zh');
    expect(w.errors).toEqual([]);
    await w.page.context().close();
  } finally {
    await b.close();
  }
});
