/**
 * Issue 21, item 1: the Share dialog downloads the data of what is shown —
 * GeoJSON, CSV and Web Annotations — respecting the link's filters, from the
 * site and from the single file (file://).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getIssues } from '@placemarkio/check-geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { filtersFromParams, visibleFeatures } from '../../src/lib/atlas/filters.ts';
import { loadAtlas } from './atlasData.ts';
import { gotoApp, launch, openPage, screenshot } from './harness.ts';

const SINGLE = resolve(import.meta.dirname, '../../dist-single/index.html');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function downloaded(page: Page, kind: string): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`[data-download="${kind}"]`)]);
  const stream = await dl.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return { name: dl.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

/** The features a link's filters show, worked out on the Node side from the data. */
function expectedIds(hash: string): string[] {
  const atlas = loadAtlas();
  const params = new Map(hash.replace(/^#/, '').split('&').map((p) => p.split('=') as [string, string]));
  return visibleFeatures(atlas, filtersFromParams(params, atlas.documents.map((d) => d.id)).filters).map((f) => f.id);
}

test('the three downloads hold what the filtered map shows, and the GeoJSON is valid', async () => {
  const atlas = loadAtlas();
  // A document filter and a date range that keep some features, not all.
  const doc = atlas.documents.find((d) => {
    const n = expectedIds(`#docs=${d.id}`).length;
    return n > 1 && n < atlas.features.length;
  })!;
  const hash = `#map=4/30/105&docs=${doc.id}&from=2000-01-01`;
  const ids = expectedIds(hash);
  const w = await openPage(browser);
  await gotoApp(w.page, hash);
  await w.page.getByRole('button', { name: 'Share' }).click();
  const dialog = w.page.getByRole('dialog', { name: 'Share this map' });
  await dialog.waitFor();
  await dialog.locator('[data-download="geojson"]').scrollIntoViewIfNeeded();
  await screenshot(w.page, 'share-data-downloads');

  const geojson = await downloaded(w.page, 'geojson');
  expect(geojson.name).toMatch(/\.geojson$/);
  expect(getIssues(geojson.text)).toEqual([]);
  const fc = JSON.parse(geojson.text);
  expect(fc.features.map((f: { id: string }) => f.id)).toEqual(ids);
  // Only the chosen document's passages are cited.
  const cited = fc.features.flatMap((f: { properties: { citations: { document: { id: string } }[] } }) => f.properties.citations.map((c) => c.document.id));
  expect(cited.length).toBeGreaterThan(0);
  expect(new Set(cited)).toEqual(new Set([doc.id]));

  const csv = await downloaded(w.page, 'csv');
  expect(csv.name).toMatch(/\.csv$/);
  // A quote may hold line breaks: count rows by the citations instead of by lines.
  expect(csv.text.split('\r\n')[0]).toMatch(/^\uFEFF?feature_id,/);
  for (const id of ids) expect(csv.text).toContain(`#feature=${id}`);

  const annotations = await downloaded(w.page, 'web-annotation');
  expect(annotations.name).toMatch(/\.jsonld$/);
  const collection = JSON.parse(annotations.text);
  expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(collection.total).toBe(cited.length);
  expect(collection.first.items.every((a: { target: { selector: { type: string } } }) => a.target.selector.type === 'TextQuoteSelector')).toBe(true);
  expect(w.errors).toEqual([]);
  expect(w.offOrigin).toEqual([]);
});

test('the single file downloads too, from file://', async () => {
  if (!existsSync(SINGLE)) throw new Error('dist-single/index.html is missing: run `npm run build:single`.');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const hash = '#map=4/30/105&kinds=port';
  await page.goto(`${pathToFileURL(SINGLE).href}${hash}`);
  await page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Share' }).click();
  for (const kind of ['geojson', 'csv', 'web-annotation']) {
    const file = await downloaded(page, kind);
    expect(file.text.length).toBeGreaterThan(0);
    if (kind === 'geojson') expect(JSON.parse(file.text).features.map((f: { id: string }) => f.id)).toEqual(expectedIds(hash));
  }
  expect(errors).toEqual([]);
});
