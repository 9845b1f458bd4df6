/**
 * Figures for a report (issues 5 and 14): the share dialog exports a figure of
 * the shape the reader picks — PNG, SVG and a vector PDF at 16:9 with the
 * edited title and caption, the legend, numbered sources and alt text — not
 * of the screen's shape; the SVG has one corridor path per corridor in its
 * frame; the embed snippet carries alt text.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bboxPolygon, booleanIntersects } from '@turf/turf';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { featuresInFrame, FIGURE_SIZES, figureFrameView, pdfPageSize } from '../../src/lib/export/figureFormat.ts';
import { MODE_COLORS } from '../../src/lib/cartography/palette.ts';
import { pngSize, readPngText } from '../../src/lib/export/pngText.ts';
import { unprojector } from '../../src/lib/view/webMercator.ts';
import { loadAtlas } from './atlasData.ts';
import { currentView, gotoApp, launch, openPage, SCREENSHOT_DIR, screenshot, type WatchedPage, downloadBytes } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const VIEW = '#map=5.6/30.4/113.2';
const TITLE = 'Yangtze ports and their agreements (test title)';
const CAPTION = 'Figure 3. Corridors of the middle Yangtze, as the agreements name them (test caption).';

async function download(page: Page, exportId: string, name: string): Promise<Buffer> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.click(`[data-export="${exportId}"]`)]);
  const bytes = await downloadBytes(dl);
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

async function chooseAspect(page: Page, aspect: string): Promise<void> {
  await page.check(`input[name="figure-aspect"][value="${aspect}"]`);
}

/** Type a title and caption of our own into the dialog. */
async function editText(page: Page): Promise<void> {
  await page.fill('input[name="figure-title"]', TITLE);
  await page.fill('textarea[name="figure-caption"]', CAPTION);
}

/** Decode a PNG in the page and count what is drawn: distinct colours, pixels in the modes' colours, rows with dark ink. */
async function inspect(page: Page, png: Buffer, colors: string[]) {
  return page.evaluate(
    async ({ b64, colors }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data, width, height } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      const rgb = colors.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
      const colours = new Set<number>();
      let modeHits = 0;
      let inkRows = 0;
      for (let y = 0; y < height; y++) {
        let ink = false;
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
          colours.add((r << 16) | (g << 8) | b);
          if (rgb.some(([R, G, B]) => Math.abs(R - r) + Math.abs(G - g) + Math.abs(B - b) < 12)) modeHits++;
          if (r + g + b < 200) ink = true;
        }
        if (ink) inkRows++;
      }
      return { width, height, colours: colours.size, modeHits, inkRows };
    },
    { b64: png.toString('base64'), colors },
  );
}

/** The texts and corridor paths of an SVG, parsed by the browser. */
async function parseSvg(page: Page, svg: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    const frame = doc.querySelector('#map-frame rect')!;
    const map = doc.querySelector('g.map')!.getAttribute('transform')!;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      frameHeight: Number(root.getAttribute('data-frame-height')),
      ids: [...doc.querySelectorAll('path.corridor')].map((p) => p.getAttribute('data-feature-id')!),
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      desc: doc.querySelector('desc')?.textContent ?? '',
      frame: { width: Number(frame.getAttribute('width')), height: Number(frame.getAttribute('height')), transform: map },
    };
  }, svg);
}

const lineColours = () => [...new Set(loadAtlas().features.filter((f) => f.geometry.type.includes('Line')).map((f) => MODE_COLORS[f.properties.mode]))];

test('16:9 PNG at 1× and 2×: the chosen shape, not the screen’s; edited title and caption; legend, sources and alt text', async () => {
  const w = await openPage(browser, { width: 1280, height: 800 });
  const screen = await openShare(w);
  await chooseAspect(w.page, '16:9');
  await editText(w.page);
  // The preview shows the figure with its alt text.
  const preview = w.page.locator('img[data-figure-preview]');
  await preview.waitFor();
  await w.page.waitForFunction((title) => document.querySelector<HTMLImageElement>('img[data-figure-preview]')?.complete && document.querySelector('input[name="figure-title"]') && true, TITLE);
  const alt = (await preview.getAttribute('alt'))!;
  expect(alt).toMatch(/^Map of \d+ /);
  expect(await w.page.locator('textarea[id="copy-figure-alt"], input[id="copy-figure-alt"]').inputValue()).toBe(alt);
  await w.page.locator('img[data-figure-preview]').scrollIntoViewIfNeeded();
  await screenshot(w.page, 'share-dialog-figure');

  const png1 = await download(w.page, 'png-1', 'figure-16x9@1x.png');
  const png2 = await download(w.page, 'png-2', 'figure-16x9@2x.png');
  const { width, height } = FIGURE_SIZES['16:9'];
  // The figure is the chosen width; it grows below its 16:9 frame only by the notes that continue there.
  expect(pngSize(png1).width).toBe(width);
  expect(pngSize(png1).height).toBeGreaterThanOrEqual(height);
  expect(pngSize(png2)).toEqual({ width: 2 * width, height: 2 * pngSize(png1).height });
  expect(width / height).toBeCloseTo(16 / 9, 2);
  expect(width / height, 'the figure no longer follows the screen').not.toBeCloseTo(screen.width / screen.height, 1);

  const r = await inspect(w.page, png1, lineColours());
  expect(r.colours, 'the map is drawn, not blank').toBeGreaterThan(200);
  expect(r.modeHits, 'corridors and legend swatches in the modes’ colours').toBeGreaterThan(300);
  expect(r.inkRows, 'title, legend and source text').toBeGreaterThan(150);

  const text = readPngText(png1);
  expect(text.Title).toBe(TITLE);
  expect(text['Alt Text']).toBe(alt);
  expect(text.Description).toMatch(/^\[1\] /);
  expect(text.Source).toContain('Natural Earth');
  // The first source is a verbatim passage of a document in the atlas.
  const firstQuote = /“([^”]+)”/.exec(text.Description)![1];
  const bodies = loadAtlas().documents.map((d) => d.body.replace(/\s+/g, ' '));
  expect(bodies.some((b) => b.includes(firstQuote))).toBe(true);
  expect(w.errors).toEqual([]);
  expect(w.offOrigin).toEqual([]);
  // The 3× figure re-renders ~9× the pixels, place names included, in software GL: 75 s on a loaded 2-core machine.
}, 180_000);

test('16:9 SVG: the chosen size, title and caption as text, one corridor path per corridor in its frame', async () => {
  const w = await openPage(browser);
  const screen = await openShare(w);
  await chooseAspect(w.page, '16:9');
  await editText(w.page);
  const svg = await parseSvg(w.page, (await download(w.page, 'svg', 'figure-16x9.svg')).toString('utf8'));
  expect(svg.error).toBeNull();
  expect({ width: svg.width, height: svg.frameHeight }).toEqual(FIGURE_SIZES['16:9']);
  expect(svg.height).toBeGreaterThanOrEqual(svg.frameHeight);
  expect(svg.texts).toContain(TITLE);
  expect(svg.texts.join(' ')).toContain('Figure 3. Corridors of the middle Yangtze');
  expect(svg.desc).toMatch(/^Map of /);
  expect(new Set(svg.ids).size).toBe(svg.ids.length);

  // Which corridors cross the figure's frame: the reader's view fitted into it, framed on the features in view.
  const readerView = { ...(await currentView(w.page)), ...screen };
  const view = figureFrameView(readerView, svg.frame, featuresInFrame(loadAtlas().features, readerView));
  const unproject = unprojector(view);
  const box = (inset: number) => {
    const [w0, n] = unproject(inset, inset);
    const [e, s] = unproject(view.width - inset, view.height - inset);
    return bboxPolygon([w0, s, e, n]);
  };
  const lines = loadAtlas().features.filter((f) => f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString');
  const surely = lines.filter((f) => booleanIntersects(f as never, box(15))).map((f) => f.id);
  const possibly = lines.filter((f) => booleanIntersects(f as never, box(-15))).map((f) => f.id);
  expect(surely.length).toBeGreaterThan(0);
  for (const id of surely) expect(svg.ids, `${id} is in the frame`).toContain(id);
  for (const id of svg.ids) expect(possibly, `${id} is drawn but not in the frame`).toContain(id);
  // Labels keyed to footnotes, and the numbered sources.
  expect(svg.texts.some((t) => /\[\d+(, \d+|–\d+)*\]$/.test(t) && t.length > 4)).toBe(true);
  expect(svg.texts).toContain('[1]');

  // A4 portrait is A4's shape.
  await chooseAspect(w.page, 'a4-portrait');
  const a4 = await parseSvg(w.page, (await download(w.page, 'svg', 'figure-a4.svg')).toString('utf8'));
  expect(a4.width / a4.frameHeight).toBeCloseTo(210 / 297, 2);
  expect(a4.texts).toContain(TITLE);
  expect(w.errors).toEqual([]);
  expect(w.offOrigin).toEqual([]);
});

test('16:9 PDF: a vector page of the figure’s shape with the title, caption and the numbered sources as text', async () => {
  const w = await openPage(browser);
  await openShare(w);
  await chooseAspect(w.page, '16:9');
  await editText(w.page);
  const pdfBytes = await download(w.page, 'pdf', 'figure-16x9.pdf');
  const png = readPngText(await download(w.page, 'png-1', 'figure-16x9-for-pdf.png'));
  const svg = (await download(w.page, 'svg', 'figure-16x9-for-pdf.svg')).toString('utf8');
  const drawnShapes = (svg.match(/<path class="corridor"/g) ?? []).length + (svg.match(/<g class="point"/g) ?? []).length;
  expect(drawnShapes).toBeGreaterThan(0);

  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdfBytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const page = await doc.getPage(1);
  const [x0, y0, x1, y1] = page.view;
  const size = pdfPageSize('16:9');
  expect(x1 - x0).toBeCloseTo(size.width, 0);
  expect(y1 - y0).toBeCloseTo(size.height, 0);
  expect((x1 - x0) / (y1 - y0)).toBeCloseTo(16 / 9, 2);

  // Text, as text: every page's words, whitespace folded.
  let all = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    all += ' ' + content.items.map((it) => ('str' in it ? it.str : '')).join(' ');
  }
  const words = all.replace(/\s+/g, ' ');
  expect(words).toContain('Yangtze ports and their agreements');
  expect(words).toContain('Figure 3.');
  expect(words).toContain('[1]');
  // The first source's opening words, as the PNG's metadata gives them.
  const firstQuote = /“([^”]+)”/.exec(png.Description)![1].split(' ').slice(0, 4).join(' ');
  expect(words).toContain(firstQuote);
  expect(words).toContain('Natural Earth');

  // The map is vector paths, not a picture.
  const ops = await page.getOperatorList();
  const paths = ops.fnArray.filter((fn) => fn === pdfjs.OPS.constructPath).length;
  const images = ops.fnArray.filter((fn) => fn === pdfjs.OPS.paintImageXObject).length;
  expect(paths, 'one path or more for every corridor and symbol drawn, besides the basemap').toBeGreaterThan(drawnShapes + 3);
  // Only lines in scripts the embedded font lacks (Chinese) are images.
  const cjkTexts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].filter((m) => /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(m[1])).length;
  expect(images).toBeLessThanOrEqual(cjkTexts);
  const meta = await doc.getMetadata();
  expect((meta.info as { Title?: string }).Title).toBe(TITLE);
  expect(w.errors).toEqual([]);
  expect(w.offOrigin).toEqual([]);
});

test('the embed snippet names what it shows: alt text as the iframe title', async () => {
  const w = await openPage(browser);
  await openShare(w);
  const snippet = await w.page.locator('#copy-embed').inputValue();
  const alt = await w.page.locator('#copy-embed-alt').inputValue();
  expect(alt).toMatch(/^Map of \d+ .* from \d+ documents?: “/);
  // Each document named is a document of the atlas.
  const titles = loadAtlas().documents.map((d) => d.title);
  for (const [, t] of alt.matchAll(/“([^”]+)”/g)) expect(titles).toContain(t);
  expect(snippet).toContain(`title="${alt.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')}"`);
  expect(w.errors).toEqual([]);
});
