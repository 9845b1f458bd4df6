/**
 * Issue 5, figures: the share dialog's PNG export at 1× and 3× has the
 * expected pixel size, is not blank, and carries the legend and numbered
 * sources; the SVG parses and has one corridor path per corridor in view.
 */
import { readFileSync } from 'node:fs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bboxPolygon, booleanIntersects } from '@turf/turf';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { MODE_COLORS } from '../../src/lib/map/palette.ts';
import { pngSize, readPngText } from '../../src/lib/export/pngText.ts';
import { unprojector } from '../../src/lib/view/webMercator.ts';
import { feature, loadAtlas } from './atlasData.ts';
import { currentView, gotoApp, launch, openPage, SCREENSHOT_DIR, screenshot, type WatchedPage } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const VIEW = '#map=5.6/30.4/113.2';

async function download(page: Page, exportId: string, name: string): Promise<Buffer> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`[data-export="${exportId}"]`)]);
  const bytes = readFileSync((await dl.path())!);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(resolve(SCREENSHOT_DIR, name), bytes);
  return bytes;
}

async function openShare(w: WatchedPage, hash = VIEW): Promise<{ width: number; height: number }> {
  await gotoApp(w.page, hash);
  const box = (await w.page.locator('.maplibregl-canvas').boundingBox())!;
  await w.page.getByRole('button', { name: 'Share' }).click();
  await w.page.getByRole('dialog').waitFor();
  await w.page.waitForSelector('[data-export="png-1"]:not([disabled])');
  return { width: Math.round(box.width), height: Math.round(box.height) };
}

/** Decode a PNG in the page and measure what is drawn where. */
async function inspect(page: Page, png: Buffer, ratio: number, mapBottom: number, colors: string[]) {
  return page.evaluate(
    async ({ b64, ratio, mapBottom, colors }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data, width, height } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      const rgb = colors.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
      const mapColours = new Set<number>();
      let legendHits = 0;
      let inkRows = 0;
      // Sample one pixel per CSS pixel, so the counts mean the same at every ratio.
      for (let y = 0; y < height; y += ratio) {
        let ink = false;
        for (let x = 0; x < width; x += ratio) {
          const i = (y * width + x) * 4;
          const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
          if (y < mapBottom) mapColours.add((r << 16) | (g << 8) | b);
          else {
            if (rgb.some(([R, G, B]) => Math.abs(R - r) + Math.abs(G - g) + Math.abs(B - b) < 12)) legendHits++;
            if (r + g + b < 200) ink = true;
          }
        }
        if (ink && y >= mapBottom) inkRows++;
      }
      return { width, height, mapColours: mapColours.size, legendHits, inkRows };
    },
    { b64: png.toString('base64'), ratio, mapBottom: mapBottom * ratio, colors },
  );
}

test('PNG at 1× and 3×: expected size, not blank, with legend, footnotes and citations', async () => {
  const w = await openPage(browser, { width: 1280, height: 800 });
  const map = await openShare(w);
  await screenshot(w.page, 'share-dialog');
  const png1 = await download(w.page, 'png-1', 'figure@1x.png');
  const png3 = await download(w.page, 'png-3', 'figure@3x.png');
  const s1 = pngSize(png1);
  const s3 = pngSize(png3);
  expect(s1.width).toBe(map.width);
  expect(s1.height).toBeGreaterThan(map.height + 100); // title above, legend and sources below
  expect(s3).toEqual({ width: 3 * s1.width, height: 3 * s1.height });

  // Legend swatches in the modes' colours and lines of footnote text, below the map frame.
  const lineModes = [...new Set(loadAtlas().features.filter((f) => f.geometry.type.includes('Line')).map((f) => f.properties.mode))];
  const colors = lineModes.map((m) => MODE_COLORS[m]);
  for (const [png, ratio] of [
    [png1, 1],
    [png3, 3],
  ] as const) {
    const r = await inspect(w.page, png, ratio, map.height + 60, colors);
    expect(r.mapColours, 'the map area is drawn, not blank').toBeGreaterThan(200);
    expect(r.legendHits, 'legend swatches').toBeGreaterThan(40);
    expect(r.inkRows, 'legend and footnote text').toBeGreaterThan(60);
  }

  // The figure carries its citations as metadata too.
  const text = readPngText(png1);
  const yangluo = feature('yangluo-port');
  expect(text.Description).toContain(yangluo.properties.citations[0].selector.exact.replace(/\s+/g, ' ').trim());
  expect(text.Description).toMatch(/^\[1\] /);
  expect(text.Source).toContain('Natural Earth');
  expect(w.errors).toEqual([]);
  expect(w.offOrigin).toEqual([]);
  // The 3× figure re-renders ~9× the pixels, place names included, in software GL: 75 s on a loaded 2-core machine.
}, 180_000);

test('with a feature selected, the footnotes are its citations and its label is keyed', async () => {
  const w = await openPage(browser);
  const f = feature('yangluo-port');
  await openShare(w, `${VIEW}&feature=${f.id}`);
  const png = await download(w.page, 'png-2', 'figure-selected@2x.png');
  const notes = readPngText(png).Description.split('\n');
  expect(notes).toHaveLength(new Set(f.properties.citations.map((c) => `${c.document}:${c.selector.start}`)).size);
  expect(readPngText(png).Title).toContain(f.properties.name);
  expect(w.errors).toEqual([]);
});

test('SVG parses and has one corridor path per corridor in view', async () => {
  const w = await openPage(browser);
  const map = await openShare(w);
  const svg = (await download(w.page, 'svg', 'figure.svg')).toString('utf8');
  const parsed = await w.page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    const ids = [...doc.querySelectorAll('path.corridor')].map((p) => p.getAttribute('data-feature-id')!);
    const root = doc.documentElement;
    return { error, ids, width: root.getAttribute('width'), texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '') };
  }, svg);
  expect(parsed.error).toBeNull();
  expect(Number(parsed.width)).toBe(map.width);
  expect(new Set(parsed.ids).size).toBe(parsed.ids.length);

  // Which corridors cross the view, from the view in the URL and the canvas size.
  const view = await currentView(w.page);
  const unproject = unprojector({ ...view, width: map.width, height: map.height });
  const box = (inset: number) => {
    const [w0, n] = unproject(inset, inset);
    const [e, s] = unproject(map.width - inset, map.height - inset);
    return bboxPolygon([w0, s, e, n]);
  };
  const lines = loadAtlas().features.filter((f) => f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString');
  const surely = lines.filter((f) => booleanIntersects(f as never, box(15))).map((f) => f.id);
  const possibly = lines.filter((f) => booleanIntersects(f as never, box(-15))).map((f) => f.id);
  expect(surely.length).toBeGreaterThan(0);
  for (const id of surely) expect(parsed.ids, `${id} is in view`).toContain(id);
  for (const id of parsed.ids) expect(possibly, `${id} is drawn but not in view`).toContain(id);
  // Labels keyed to footnotes, and the numbered sources.
  expect(parsed.texts.some((t) => /\[\d+(, \d+|–\d+)*\]$/.test(t) && t.length > 4)).toBe(true);
  expect(parsed.texts).toContain('[1]');
  expect(w.errors).toEqual([]);
  expect(w.offOrigin).toEqual([]);
});
