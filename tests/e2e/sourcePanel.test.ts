/**
 * Issue 11 in a real Chromium: the Source panel leads with the passage (marked
 * in its paragraph), shows our inference under an inferred quote, then the
 * feature's details — description, drawn and published lengths, certainty in
 * plain words in both languages, named sources — and never a build note.
 * Features are picked from the data by what they are (an inferred citation,
 * each geometry basis, a port, a rail line), not by id, and selected by a
 * click on the map canvas.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { certaintyKey } from '../../src/lib/atlas/certainty.ts';
import { citationCards } from '../../src/lib/atlas/citationCards.ts';
import type { AtlasFeature } from '../../src/lib/atlas/types.ts';
import { MESSAGES, type Lang } from '../../src/lib/i18n/messages.ts';
import { isolatedVertex, loadAtlas } from './atlasData.ts';
import { clickMapAt, gotoApp, launch, openPage, screenshot } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const atlas = loadAtlas();
const documentsById = new Map(atlas.documents.map((d) => [d.id, d]));
const isPoint = (f: AtlasFeature) => f.geometry.type === 'Point';
const isLine = (f: AtlasFeature) => f.geometry.type.includes('LineString');
const inferred = (f: AtlasFeature) => f.properties.citations.some((c) => c.support === 'inferred');

/** Where to click so that the feature is under the pointer: the point itself, or a vertex clear of other lines and points. */
function clickTarget(f: AtlasFeature): [number, number] | null {
  if (f.geometry.type === 'Point') return f.geometry.coordinates as [number, number];
  const v = isolatedVertex(f, 12);
  return v ? [v[0], v[1]] : null;
}
const clickable = (f: AtlasFeature) => clickTarget(f) !== null;

/** Build notes that must never reach a reader. */
const BUILD_NOTES = [/from memory/i, /as remembered/i, /~/, /data\/derive/, /\.ts\b/, /\.yaml\b/, /tests\//, /scripts\//, /not verified offline/i];

async function selectByClick(page: Page, f: AtlasFeature, lang: Lang) {
  const [lng, lat] = clickTarget(f)!;
  const zoom = isPoint(f) ? 9 : 7;
  await gotoApp(page, `#map=${zoom}/${(lat + 0.05).toFixed(4)}/${(lng - 0.08).toFixed(4)}&lang=${lang}`);
  await clickMapAt(page, lng, lat);
  const panel = page.locator(`aside[aria-label="Source"][data-feature-id="${f.id}"]`);
  const choice = page.locator(`[role="dialog"] button[data-feature-id="${f.id}"]`);
  await expect.poll(async () => (await panel.count()) + (await choice.count()), { timeout: 15_000 }).toBeGreaterThan(0);
  if (!(await panel.count())) await choice.click(); // several features under the pointer: pick ours from the chooser
  await panel.waitFor({ state: 'visible', timeout: 10_000 });
  return panel;
}

/** A screenshot tall enough to show the whole panel: the passage and, below it, the details. */
async function panelScreenshot(page: Page, name: string) {
  const height = await page.locator('aside[aria-label="Source"]').evaluate((a) => a.scrollHeight + 120);
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(800, height), 2400) });
  await screenshot(page, name);
  await page.setViewportSize({ width: 1280, height: 800 });
}

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

// Features chosen by rule from the data.
const withInference = atlas.features.filter((f) => inferred(f) && clickable(f)).sort((a, b) => Number(isPoint(b)) - Number(isPoint(a)))[0];
const byBasis = (['surveyed', 'approximate', 'schematic'] as const).map((basis) => atlas.features.find((f) => f.properties.geometry_basis === basis && clickable(f)));
const port = atlas.features.find((f) => f.properties.kind === 'port' && clickable(f));
/** Lines with a published length, those whose figure describes a part of the line or is derived first, so the panel's wording for them is seen. */
const withLength = (mode: string, first: (f: AtlasFeature) => boolean) =>
  atlas.features.filter((f) => f.properties.mode === mode && isLine(f) && f.properties.published_length && clickable(f)).sort((a, b) => Number(first(b)) - Number(first(a)))[0];
const railLine = withLength('rail', (f) => f.properties.published_length?.part_km !== undefined);
const riverRoute = withLength('river', (f) => f.properties.published_length?.derived === true);

describe('the Source panel', () => {
  test('the data has what this test needs: an inferred citation, every basis, a port and a rail line with a published length', () => {
    expect(withInference, 'a clickable feature with an inferred citation').toBeDefined();
    for (const [i, f] of byBasis.entries()) expect(f, `a clickable ${['surveyed', 'approximate', 'schematic'][i]} feature`).toBeDefined();
    expect(port).toBeDefined();
    expect(railLine).toBeDefined();
    expect(riverRoute).toBeDefined();
  });

  test.each(byBasis.filter((f): f is AtlasFeature => !!f).map((f) => [f.properties.geometry_basis, f] as const))(
    'a %s feature: the marked passage comes first, then its details with the certainty in plain words',
    async (_basis, f) => {
      const w = await openPage(browser);
      const panel = await selectByClick(w.page, f, 'en');
      const mark = panel.locator(`mark[data-feature-id="${f.id}"]`).first();
      const details = panel.getByTestId('details');
      // The passage is before the details, in the DOM and on screen.
      expect(await mark.evaluate((m, d) => !!(m.compareDocumentPosition(d!) & Node.DOCUMENT_POSITION_FOLLOWING), await details.elementHandle())).toBe(true);
      expect((await mark.boundingBox())!.y).toBeLessThan((await details.boundingBox())!.y);
      // The marked text is the quote, inside the whole paragraph.
      expect(collapse((await mark.textContent())!)).toBe(collapse(f.properties.citations[0].selector.exact));
      const blockquote = collapse((await panel.locator('blockquote').first().textContent())!);
      expect(blockquote.length).toBeGreaterThanOrEqual(collapse(f.properties.citations[0].selector.exact).length);
      // Certainty in words, for this feature's basis and shape.
      const words = MESSAGES.en.certainty[certaintyKey(f.properties.geometry_basis, f.geometry.type)];
      expect(await text(w.page, 'aside[aria-label="Source"] [data-testid="certainty"]')).toBe(words);
      expect(await panel.getByTestId('certainty').getAttribute('data-basis')).toBe(f.properties.geometry_basis);
      expect(w.errors).toEqual([]);
      expect(w.offOrigin).toEqual([]);
    },
  );

  test('an inferred quote shows our reasoning under it, labelled as our inference, in both languages', async () => {
    const f = withInference!;
    for (const lang of ['en', 'zh'] as const) {
      const w = await openPage(browser);
      const panel = await selectByClick(w.page, f, lang);
      const reasoning = panel.getByTestId('reasoning').first();
      const first = f.properties.citations.find((c) => c.support === 'inferred')!;
      expect(collapse((await reasoning.textContent())!)).toBe(collapse(`${MESSAGES[lang].inference} ${first.reasoning}`));
      // Under its quote, inside the same card.
      const card = panel.getByTestId('citation').filter({ has: w.page.getByTestId('reasoning') }).first();
      const quoteBox = (await card.locator('blockquote').boundingBox())!;
      expect((await reasoning.boundingBox())!.y).toBeGreaterThan(quoteBox.y + quoteBox.height - 1);
      // Explicit citations carry no reasoning: one reasoning per inferred citation.
      expect(await panel.getByTestId('reasoning').count()).toBe(f.properties.citations.filter((c) => c.support === 'inferred').length);
      const words = MESSAGES[lang].certainty[certaintyKey(f.properties.geometry_basis, f.geometry.type)];
      expect(await text(w.page, 'aside[aria-label="Source"] [data-testid="certainty"]')).toBe(words);
      await panelScreenshot(w.page, `source-panel-inferred-${lang}`);
      expect(w.errors).toEqual([]);
    }
  });

  const portAndLines = (['en', 'zh'] as const).flatMap((lang) => [['port', lang], ['rail', lang], ['river', lang]] as const);
  test.each(portAndLines)('a %s feature in %s: passage first, certainty in words, lengths drawn and published with the source linked', async (name, lang) => {
    const f = { port, rail: railLine, river: riverRoute }[name]!;
    const w = await openPage(browser);
    const panel = await selectByClick(w.page, f, lang);
    const t = MESSAGES[lang];
    expect(await text(w.page, 'aside[aria-label="Source"] [data-testid="certainty"]')).toBe(t.certainty[certaintyKey(f.properties.geometry_basis, f.geometry.type)]);
    if (lang === 'zh' && f.properties.description_zh) expect(await panel.getByTestId('details').textContent()).toContain(f.properties.description_zh);
    if (f.properties.published_length) {
      const length = collapse((await panel.getByTestId('length').textContent())!);
      expect(length).toContain(`${t.drawn} ${Math.round(f.properties.length_km!).toLocaleString('en-US')} km`);
      const published = panel.getByTestId('published-length');
      const figure = f.properties.published_length;
      // A figure that is our arithmetic says so; one that describes part of the line shows that part's drawn length beside it.
      expect(collapse((await published.textContent())!)).toContain(`${figure.derived ? t.derivedFromPublished : t.published} ${figure.km.toLocaleString('en-US')} km`);
      if (figure.part_km !== undefined) expect(collapse((await published.getByTestId('published-part').textContent())!)).toBe(`(${t.drawnPart} ${figure.part_km.toLocaleString('en-US')} km)`);
      else expect(await published.getByTestId('published-part').count()).toBe(0);
      if (f.properties.published_length.url) expect(await published.locator('a').getAttribute('href')).toBe(f.properties.published_length.url);
    }
    // Each named source with an address is a link.
    for (const r of f.properties.references.filter((r) => r.url)) expect(await panel.locator(`[data-testid="references"] a[href="${r.url}"]`).count()).toBeGreaterThan(0);
    await panelScreenshot(w.page, `source-panel-${name}-${lang}`);
    expect(w.errors).toEqual([]);
    expect(w.offOrigin).toEqual([]);
  });

  test('every feature: one card per document paragraph, no build notes anywhere in the panel', async () => {
    const w = await openPage(browser);
    await gotoApp(w.page, '#map=4/30/105');
    for (const f of atlas.features) {
      await w.page.evaluate((id) => (location.hash = `#map=4/30/105&feature=${id}`), f.id);
      const panel = w.page.locator(`aside[aria-label="Source"][data-feature-id="${f.id}"]`);
      await panel.waitFor({ timeout: 10_000 });
      const cards = citationCards(f.properties.citations, documentsById);
      expect(await panel.getByTestId('citation').count(), f.id).toBe(cards.length);
      // Every quote is marked, also when two share a card.
      expect(await panel.locator(`mark[data-feature-id="${f.id}"]`).count(), f.id).toBeGreaterThanOrEqual(new Set(f.properties.citations.map((c) => c.selector.start)).size);
      const shown = (await panel.textContent())!;
      for (const note of BUILD_NOTES) expect(shown, `${f.id}: "${note}" in the panel`).not.toMatch(note);
    }
    expect(w.errors).toEqual([]);
  });
});
