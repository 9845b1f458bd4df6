/**
 * A handover no one notices (issue 19): the SVG map paints first, MapLibre
 * takes over, and at rest both show the same labels — the atlas's names and
 * the basemap's place, river and country names — in the same places, from
 * the one label pass, none cut at the map's edge. MapLibre's component is
 * held back at the network so the SVG map can be read for as long as needed.
 * Views come from the data: the first view, and the densest cluster of the
 * atlas's points at a regional and a city zoom.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { LABEL_LAYER } from '../../src/lib/map/style.ts';
import { densestPoint } from './atlasData.ts';
import { baseURL, launch, openPage, screenshot, waitForIdle } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});


interface Label {
  text: string;
  x: number;
  y: number;
}

/** The SVG map's labels: text and anchor position in map pixels, and whether each lies whole inside the map. */
async function svgLabels(page: Page): Promise<{ labels: Label[]; outside: string[] }> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-renderer="svg-preview"] svg')!;
    const frame = root.getBoundingClientRect();
    const texts = [...root.querySelectorAll('g.labels text, g.names text')] as SVGTextElement[];
    const outside: string[] = [];
    const labels = texts.map((t) => {
      const r = t.getBoundingClientRect();
      if (r.left < frame.left - 1 || r.top < frame.top - 1 || r.right > frame.right + 1 || r.bottom > frame.bottom + 1) outside.push(t.textContent ?? '');
      // A river's name is drawn lowered by a third of its size about its anchor; the pass records the anchor.
      const size = parseFloat(getComputedStyle(t).fontSize);
      const river = t.classList.contains('river');
      return { text: t.textContent ?? '', x: Number(t.getAttribute('x')), y: Number(t.getAttribute('y')) - (river ? size * 0.35 : 0) };
    });
    return { labels, outside };
  });
}

/** The labels MapLibre draws: what its label layer rendered, with the positions the pass gave them. */
async function glLabels(page: Page): Promise<Label[]> {
  return page.evaluate((layer) => {
    const el = document.querySelector('[aria-label="Map of corridors"]') as HTMLElement & { atlasMap: import('maplibre-gl').Map };
    return el.atlasMap.queryRenderedFeatures({ layers: [layer] }).map((f) => ({ text: f.properties.text as string, x: f.properties.x as number, y: f.properties.y as number }));
  }, LABEL_LAYER);
}

const key = (l: Label) => `${l.text}@${Math.round(l.x)},${Math.round(l.y)}`;

async function handover(hash: string, name: string) {
  const w = await openPage(browser);
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await w.page.route(/\/assets\/MapView-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await w.page.goto(`${baseURL()}${hash}`);
  await w.page.waitForSelector('[data-renderer="svg-preview"] g.names text', { timeout: 60_000 });
  await w.page.waitForFunction(() => performance.getEntriesByName('map-first-meaningful').length > 0, undefined, { timeout: 60_000 });
  const before = await svgLabels(w.page);
  await screenshot(w.page, `handover-${name}-before`);
  release();
  await w.page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]', { timeout: 90_000 });
  await waitForIdle(w.page);
  const after = await glLabels(w.page);
  await screenshot(w.page, `handover-${name}-after`);
  return { w, before, after };
}

for (const [name, hash] of [
  ['first-view', ''],
  ['regional', (() => { const [lng, lat] = densestPoint(); return `#map=5/${lat}/${lng}`; })()],
  ['city', (() => { const [lng, lat] = densestPoint(); return `#map=8/${lat}/${lng}`; })()],
] as const) {
  test(`${name}: the labels before and after the handover are the same, in the same places, none cut at the edge`, async () => {
    const { w, before, after } = await handover(hash, name);
    expect(before.labels.length, 'the SVG map names things').toBeGreaterThan(0);
    expect(before.outside, 'labels cut at the map’s edge').toEqual([]);
    // Same texts, same anchors (within a pixel of rounding).
    const glKeys = after.map(key);
    for (const l of before.labels) {
      const match = after.find((g) => g.text === l.text && Math.abs(g.x - l.x) <= 1.5 && Math.abs(g.y - l.y) <= 1.5);
      expect(match, `“${l.text}” at ${Math.round(l.x)},${Math.round(l.y)} after the handover (MapLibre has ${glKeys.filter((k) => k.startsWith(l.text)).join('; ') || 'no such label'})`).toBeDefined();
    }
    expect(after.length, 'MapLibre draws no label the SVG map did not').toBe(before.labels.length);
    expect(w.errors).toEqual([]);
    expect(w.offOrigin).toEqual([]);
    await w.page.context().close();
  });
}

test('while the SVG map is shown, the WebGL map is drawn and composited under it, not made invisible, and takes no clicks', async () => {
  // Its first composite costs a second or more on a software GPU: it must come during loading, not on the first click.
  const w = await openPage(browser);
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  // MapLibre's worker held at the network: the WebGL map exists but cannot finish, so the two maps stay stacked.
  await w.page.route(/\/assets\/maplibre-gl-worker-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await w.page.goto(baseURL());
  await w.page.waitForSelector('[data-renderer="svg-preview"]', { timeout: 60_000 });
  const canvas = w.page.locator('.maplibregl-canvas');
  await canvas.waitFor({ state: 'attached', timeout: 60_000 });
  const stacked = await w.page.evaluate(() => {
    const gl = document.querySelector('.maplibregl-canvas') as HTMLElement;
    const svg = document.querySelector('[data-renderer="svg-preview"]')!;
    const r = gl.getBoundingClientRect();
    let hidden: string | null = null;
    for (let el: Element | null = gl; el; el = el.parentElement) {
      const s = getComputedStyle(el);
      if (s.visibility !== 'visible' || s.display === 'none' || Number(s.opacity) === 0) hidden = el.className || el.tagName;
    }
    const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return { hidden, size: [r.width, r.height], svgOnTop: !!top && svg.contains(top), glInert: !!gl.closest('[inert]') };
  });
  expect(stacked.hidden, 'an ancestor hides the WebGL map').toBeNull();
  expect(stacked.size[0]).toBeGreaterThan(0);
  expect(stacked.svgOnTop, 'the SVG map is what the reader sees and clicks').toBe(true);
  expect(stacked.glInert).toBe(true);
  release();
  await w.page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]', { timeout: 90_000 });
  expect(w.errors).toEqual([]);
  await w.page.context().close();
});
