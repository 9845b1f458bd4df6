/**
 * Issue 21, item 10: Ctrl+P prints the map as it is on screen (whole, at its
 * shape, shrunk to the page) and the open source panel in full, without the
 * app's chrome, with a pointer to the figure export.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadAtlas } from './atlasData.ts';
import { gotoApp, launch, openPage, screenshot } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

test('printing shows the whole map at its screen shape, then the source panel in full; no chrome', async () => {
  const chosen = loadAtlas().features.find((f) => f.geometry.type === 'Point')!;
  const w = await openPage(browser, { width: 1280, height: 800 });
  const { page } = w;
  await gotoApp(page, `#feature=${chosen.id}&lang=en`);
  await page.locator('aside[aria-label="Source"]').waitFor();
  const screenMap = (await page.locator('main.stage').boundingBox())!;

  await page.emulateMedia({ media: 'print' });
  // The chrome is gone: search, buttons, the lists and the timeline.
  for (const chrome of ['.bar .search', 'button.opener.share', 'button.opener.about', '[role="tablist"]', '.timeline-slot']) expect(await page.locator(chrome).first().isVisible(), chrome).toBe(false);
  const note = page.getByTestId('print-note');
  expect(await note.isVisible()).toBe(true);
  expect(await note.textContent()).toMatch(/Share → Download a figure/);

  // The map: the same view (same shape, nothing cropped), no wider than a portrait page.
  const printedMap = (await page.locator('main.stage').boundingBox())!;
  expect(printedMap.width).toBeLessThanOrEqual(702);
  expect(Math.abs(printedMap.width / printedMap.height - screenMap.width / screenMap.height)).toBeLessThan(0.02);
  const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
  expect(canvas.width).toBeGreaterThanOrEqual(printedMap.width - 4);
  expect(canvas.height).toBeGreaterThanOrEqual(printedMap.height - 4);

  // The source panel follows the map and shows everything (no inner scrolling), its quote included.
  const panel = page.locator('aside[aria-label="Source"]');
  const panelBox = (await panel.boundingBox())!;
  expect(panelBox.y).toBeGreaterThanOrEqual(printedMap.y + printedMap.height - 1);
  const [scroll, client] = await panel.evaluate((el) => [el.scrollHeight, el.clientHeight]);
  expect(scroll).toBeLessThanOrEqual(client + 1);
  const quote = collapse(chosen.properties.citations[0].selector.exact);
  expect(collapse((await panel.textContent())!)).toContain(quote);
  await page.screenshot({ path: await screenshot(page, 'print-media'), fullPage: true });

  // The printed PDF carries the map's page and the passage.
  const pdfBytes = await page.pdf({ format: 'A4' });
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdfBytes), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) text += ' ' + (await (await doc.getPage(i)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join(' ');
  // Whitespace aside: the PDF's text splits ligatures ("fi gure").
  const bare = (s: string) => s.replace(/\s+/g, '');
  expect(bare(text)).toContain(bare(quote));
  expect(bare(text)).toContain('Downloadafigure');
  expect(w.errors).toEqual([]);
});
