/**
 * Authoring with suggestions, end to end on the dev server (a COPY of data/):
 * paste a news article with its page chrome, remove the chrome (one line the
 * rules do not catch marked by hand), cite a sentence that names a city, and
 * place the feature by clicking a suggested place — no coordinate typed. The
 * written files pass the data check and the coverage test. At 1440 × 900 with
 * the document, the source panel and the form open, the map keeps half the
 * width and the placed point is not under a panel.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkData } from '../../scripts/check-data.ts';
import { parseMarkdown } from '../../src/lib/atlas/frontMatter.ts';
import { readFeatures } from '../../src/lib/editor/featureFileEdit.ts';
import { pixelOf } from '../../src/lib/view/webMercator.ts';
import { currentView, waitForIdle, type WatchedPage } from './harness.ts';
import { coverageProblems, dragSelect, gotoDev, POLL, screenshot, snapshot, startDevEditor, STEP_MS, type DevEditor } from './devEditor.ts';

let editor: DevEditor;
let w: WatchedPage;

/** A made-up news page (not the guide's article), pasted with the chrome such pages carry. */
const TITLE = 'Pingxiang customs clears first cold-chain train to Hanoi';
const CITED = 'Customs officers in Pingxiang, Guangxi, cleared the first cold-chain freight train bound for Hanoi on Monday.';
const MARKED_BY_HAND = 'Most read: Ten things to know about rail freight';
const PAGE = [
  'Home > News > Business',
  '(Xinhua) 09:30, March 03, 2026',
  TITLE,
  '',
  CITED,
  '',
  'The train carried 40 containers of fruit through the Youyiguan border crossing.',
  MARKED_BY_HAND,
  '(Web editor: Zhang Wei, Li Na)',
  'Copyright © 2026 Example News. All rights reserved.',
].join('\n');

beforeAll(async () => {
  editor = await startDevEditor('atlas-suggest-e2e-');
  ({ w } = editor);
}, 300_000);

afterAll(async () => {
  await editor?.close();
});

describe('authoring with place suggestions', { timeout: STEP_MS }, () => {
  const before = new Map<string, string>();
  let docId = '';
  let chosen: { lng: number; lat: number; label: string } | null = null;
  let clicks = 0;
  let typed = 0;

  test('paste an article; the chrome is offered, and a line the rules miss can be marked; all of it is recorded', async () => {
    for (const [k, v] of snapshot(editor.dir)) before.set(k, v);
    const { page } = w;
    await page.setViewportSize({ width: 1440, height: 900 });
    await gotoDev(page, editor.devURL);
    const click = async (l: { click(): Promise<void> }) => (clicks++, await l.click());
    const fill = async (l: { fill(v: string): Promise<void> }, v: string, pasted = false) => ((typed += pasted ? 0 : v.length), await l.fill(v));
    await click(page.locator('button[data-atlas-editor]'));
    await click(page.getByRole('button', { name: 'New document' }));
    const form = page.locator('form[aria-label="New document"]');
    await fill(form.locator('textarea[name="body"]'), PAGE, true);
    await fill(form.locator('input[name="title"]'), TITLE, true);
    await fill(form.locator('input[name="date"]'), '2026-03-02');
    await fill(form.locator('input[name="publisher"]'), 'Example News');
    await fill(form.locator('input[name="summary"]'), 'Pingxiang customs clears a cold-chain train to Hanoi.');
    docId = await form.locator('input[name="id"]').inputValue();
    const offered = form.locator('[aria-label="Lines that look like page chrome"] li');
    // The breadcrumb, the agency dateline, the headline, the web-editor credit and the copyright line.
    await expect.poll(() => offered.count(), POLL).toBe(5);
    expect(await form.locator('textarea[name="body"]').inputValue()).toBe(PAGE);
    await click(form.getByRole('button', { name: 'Remove all 5' }));
    await click(form.getByText('Another line is page chrome…'));
    await click(form.locator('li', { hasText: MARKED_BY_HAND }).getByRole('button', { name: 'Remove as chrome' }));
    const body = await form.locator('textarea[name="body"]').inputValue();
    expect(body.split('\n').filter((l) => l.trim())).toEqual([CITED, 'The train carried 40 containers of fruit through the Youyiguan border crossing.']);
    await screenshot(page, 'suggest-1-document-chrome-removed');
    await Promise.all([page.waitForEvent('load'), click(form.getByRole('button', { name: 'Save document' }))]);
    await page.waitForSelector(`section.document[data-doc-id="${docId}"]`, { timeout: 60_000 });
    const written = parseMarkdown(readFileSync(join(editor.dir, 'data/documents', `${docId}.md`), 'utf8'));
    const removed = (written.data as { removed_chrome: { line: string; why: string }[] }).removed_chrome;
    expect(removed.map((r) => r.line).sort()).toEqual(PAGE.split('\n').filter((l) => l.trim() && !body.includes(l)).sort());
    expect(removed.find((r) => r.line === MARKED_BY_HAND)?.why).toMatch(/marked as page chrome/);
    expect(removed.every((r) => r.why.trim())).toBe(true);
  });

  test('cite the sentence; the places it names are suggested; one click places the feature', async () => {
    const { page } = w;
    const click = async (l: { click(): Promise<void> }) => (clicks++, await l.click());
    const fill = async (l: { fill(v: string): Promise<void> }, v: string) => ((typed += v.length), await l.fill(v));
    // All panels open: the document, and the source panel of a feature of the data (any one).
    const someFeature = [...snapshot(editor.dir)].filter(([k]) => k.startsWith('features/')).flatMap(([, text]) => readFeatures(text))[0].id;
    await page.evaluate(([f, d]) => (location.hash = `#feature=${f}&doc=${d}`), [someFeature, docId]);
    const source = page.locator('aside[aria-label="Source"]');
    await source.waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForSelector(`section.document[data-doc-id="${docId}"]`);
    await waitForIdle(page);
    await screenshot(page, 'suggest-0-all-panels-before-form-1440');
    await dragSelect(page, CITED);
    clicks++; // the drag
    await click(page.getByRole('button', { name: 'Cite for…' }));
    await click(page.getByRole('button', { name: '+ New feature' }));
    const form = page.locator('form[aria-label="Feature"]');
    await expect.poll(() => form.locator('blockquote').first().textContent(), POLL).toBe(CITED);
    const suggestions = form.locator('[data-place-suggestion]');
    await expect.poll(() => suggestions.count(), POLL).toBeGreaterThan(0);
    const offered = await suggestions.evaluateAll((els) => els.map((e) => ({ label: e.textContent ?? '', lng: +(e as HTMLElement).dataset.lng!, lat: +(e as HTMLElement).dataset.lat!, source: (e as HTMLElement).dataset.placeSuggestion })));
    // Both Pingxiangs are offered, told apart by their region; Hanoi too.
    expect(offered.filter((s) => /Pingxiang/.test(s.label)).length).toBeGreaterThanOrEqual(2);
    expect(offered.some((s) => /Hanoi/.test(s.label))).toBe(true);
    const guangxi = suggestions.filter({ hasText: /Pingxiang \(Guangxi/ }).first();
    chosen = { lng: +(await guangxi.getAttribute('data-lng'))!, lat: +(await guangxi.getAttribute('data-lat'))!, label: (await guangxi.textContent()) ?? '' };
    await fill(form.locator('input[name="name"]'), 'Pingxiang cold-chain customs clearance');
    await form.locator('select[name="kind"]').selectOption('customs');
    clicks += 2; // open the list, pick
    await fill(form.locator('textarea[name="description"]'), 'Customs at Pingxiang on the China–Vietnam border clear cold-chain trains to Hanoi.');
    await click(guangxi);
    // While the form is open the source panel folds away and the map keeps half the window, beside the panels.
    await source.waitFor({ state: 'hidden', timeout: 30_000 });
    await expect.poll(() => currentView(page).then((v) => v.zoom), POLL).toBeGreaterThanOrEqual(9);
    await waitForIdle(page);
    const layout = await page.evaluate(() => {
      const r = (s: string) => document.querySelector(s)!.getBoundingClientRect();
      return { map: r('.maplibregl-canvas'), editor: r('section.editor'), doc: r('section.document'), width: innerWidth };
    });
    expect(layout.doc.right).toBeLessThanOrEqual(layout.map.left + 1);
    expect(layout.editor.left - layout.map.left).toBeGreaterThanOrEqual(layout.width / 2);
    const at = pixelOf(await currentView(page), layout.map.width, layout.map.height, chosen.lng, chosen.lat);
    const x = layout.map.left + at.x;
    const y = layout.map.top + at.y;
    expect(x).toBeGreaterThan(layout.map.left + 20);
    expect(x).toBeLessThan(layout.editor.left - 20);
    expect(await page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.className, [x, y])).toMatch(/maplibregl-canvas/);
    expect(+(await form.locator('input[name="lon"]').inputValue())).toBe(chosen.lng);
    expect(+(await form.locator('input[name="lat"]').inputValue())).toBe(chosen.lat);
    expect(await form.locator('select[name="geometry_basis"]').inputValue()).toBe('approximate');
    expect(await form.locator('input[name="reference-title"]').first().inputValue()).toBe('Natural Earth 10m populated places');
    expect(await form.locator('input[name="reference-note"]').first().inputValue()).toMatch(/Pingxiang \(Guangxi/);
    await waitForIdle(page);
    await screenshot(page, 'suggest-2-feature-placed-1440');
    await Promise.all([page.waitForEvent('load'), click(form.getByRole('button', { name: 'Save feature' }))]);
    await page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]', { timeout: 60_000 });
    // Saved, the new feature is selected: its source panel shows it.
    await expect.poll(() => page.locator('aside[aria-label="Source"]').textContent().catch(() => ''), POLL).toContain('Pingxiang cold-chain customs clearance');
    console.info(`[editorSuggestions] document + suggested feature: ${clicks} clicks, ${typed} characters typed (title and article pasted)`);
  });

  test('the written files pass the data check and the coverage test; the feature sits where the suggestion said', () => {
    const after = snapshot(editor.dir);
    const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
    const file = changed.find((k) => k.startsWith('features/'))!;
    const feature = readFeatures(after.get(file)!).find((f) => (f.properties as { name?: string }).name === 'Pingxiang cold-chain customs clearance')!;
    expect(feature.geometry).toEqual({ type: 'Point', coordinates: [chosen!.lng, chosen!.lat] });
    expect(feature.properties).toMatchObject({ geometry_basis: 'approximate', citations: [{ document: docId, quote: CITED }], references: [{ title: 'Natural Earth 10m populated places' }] });
    const r = checkData(editor.dir);
    expect(r.output).not.toMatch(/error/);
    expect(r.exitCode).toBe(0);
    expect(coverageProblems(editor.dir)).toEqual([]);
  });

  test('no page errors', () => {
    expect(w.errors).toEqual([]);
  });
});
