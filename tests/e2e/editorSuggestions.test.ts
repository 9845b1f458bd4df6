/**
 * Authoring with suggestions, end to end on the dev server (a COPY of data/):
 * paste a news article with its page chrome, remove the chrome (one line the
 * rules do not catch marked by hand), cite a sentence that names a city, and
 * place the feature by clicking a suggested place — no coordinate typed. The
 * written files pass the data check and the coverage test. At 1440 × 900 with
 * the document, the source panel and the form open, the map keeps half the
 * width and the placed point is not under a panel. Then the places the
 * document names (mapped, "Map it", "Not mapped because…"), a GeoJSON import,
 * and the guide's tutorial measured in clicks and typed characters.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkData } from '../../scripts/check-data.ts';
import { parseMarkdown } from '../../src/lib/atlas/frontMatter.ts';
import { readFeatures } from '../../src/lib/editor/featureFileEdit.ts';
import { pixelOf } from '../../src/lib/view/webMercator.ts';
import { currentView, waitForIdle, type WatchedPage } from './harness.ts';
import { coverageProblems, dragSelect, gotoDev, POLL, projectRoot, screenshot, snapshot, startDevEditor, STEP_MS, type DevEditor } from './devEditor.ts';

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
    // Saved, the editor lists the places the text names, each still to be mapped or explained.
    const named = page.locator('section[aria-label="What the document names"] li[data-named-place]');
    await expect.poll(() => named.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.namedPlace)), POLL).toEqual(expect.arrayContaining(['Pingxiang', 'Hanoi']));
    expect(await named.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.coverage))).toEqual(expect.arrayContaining(['open']));
    await screenshot(page, 'suggest-1b-what-the-document-names');
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

  test('what the document names: the placed city reads as mapped; "Map it" starts a cited, placed draft; "Not mapped because…" writes the coverage table', async () => {
    const { page } = w;
    await page.evaluate((d) => (location.hash = `#doc=${d}`), docId);
    await page.waitForSelector(`section.document[data-doc-id="${docId}"]`);
    const list = page.locator('section[aria-label="What the document names"]');
    const row = (name: string) => list.locator(`li[data-named-place="${name}"]`);
    // The city the feature was placed at is mapped (by that feature); the other city the sentence names is not.
    const placed = list.locator(`li[data-lng="${chosen!.lng}"][data-lat="${chosen!.lat}"]`);
    await expect.poll(() => placed.getAttribute('data-coverage'), POLL).toBe('mapped');
    expect(await row('Hanoi').getAttribute('data-coverage')).toBe('open');
    // "Map it": a new feature citing the sentence that names the place, at the place.
    const hanoi = { lng: +(await row('Hanoi').getAttribute('data-lng'))!, lat: +(await row('Hanoi').getAttribute('data-lat'))! };
    await row('Hanoi').getByRole('button', { name: 'Map it' }).click();
    const form = page.locator('form[aria-label="Feature"]');
    await expect.poll(() => form.locator('blockquote').first().textContent(), POLL).toBe(CITED);
    expect([+(await form.locator('input[name="lon"]').inputValue()), +(await form.locator('input[name="lat"]').inputValue())]).toEqual([hanoi.lng, hanoi.lat]);
    expect(await form.locator('input[name="name"]').inputValue()).toMatch(/Hanoi/);
    await form.getByRole('button', { name: 'Discard changes' }).click();
    // "Not mapped because…": the reason goes into data/coverage.yaml, and nothing else is written.
    const before = snapshot(editor.dir);
    await row('Hanoi').getByRole('button', { name: 'Not mapped because…' }).click();
    const why = 'Named as the train\'s destination; the atlas maps the Chinese side.';
    await row('Hanoi').locator('input[name="not-mapped-why"]').fill(why);
    await row('Hanoi').getByRole('button', { name: 'Save reason' }).click();
    await expect.poll(() => row('Hanoi').getAttribute('data-coverage'), POLL).toBe('not-mapped');
    await expect.poll(() => row('Hanoi').textContent(), POLL).toContain(why);
    const after = snapshot(editor.dir);
    expect([...after.keys()].filter((k) => after.get(k) !== before.get(k))).toEqual(['coverage.yaml']);
    expect(parseYaml(after.get('coverage.yaml')!)[docId]).toContainEqual({ phrase: 'Hanoi', not_mapped: why });
    expect(coverageProblems(editor.dir)).toEqual([]);
    await screenshot(page, 'suggest-3-named-places-mapped-and-not');
  });

  test('import GeoJSON: bad input is refused with its reason and nothing imported; a uMap file becomes a draft that saves only once cited', async () => {
    const { page } = w;
    const imp = page.locator('section[aria-label="Import GeoJSON"]');
    const paste = async (text: string) => {
      await imp.locator('textarea[name="geojson"]').fill(text);
      await imp.getByRole('button', { name: 'Import' }).click();
    };
    const refusal = imp.getByRole('alert');
    await paste('{"type": "Feature"');
    await expect.poll(() => refusal.textContent(), POLL).toMatch(/Nothing was imported.*not valid JSON/);
    await paste(JSON.stringify({ type: 'Point', coordinates: [chosen!.lat, chosen!.lng + 100] }));
    await expect.poll(() => refusal.textContent(), POLL).toMatch(/out of range/);
    await paste(JSON.stringify({ type: 'GeometryCollection', geometries: [] }));
    await expect.poll(() => refusal.textContent(), POLL).toMatch(/GeometryCollection is not supported/);
    expect(await imp.locator('[aria-label="Imported features"] li').count()).toBe(0);
    // A uMap export of a point drawn at the city the feature above was placed at (the test's own sketch).
    const name = 'Youyiguan crossing (imported sketch)';
    const umap = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name, _umap_options: { color: 'Red' } }, geometry: { type: 'Point', coordinates: [chosen!.lng, chosen!.lat] } }], _umap_options: { name: 'sketch' } };
    await paste(JSON.stringify(umap));
    const drafts = imp.locator('[aria-label="Imported features"] li');
    await expect.poll(() => drafts.count(), POLL).toBe(1);
    expect(await drafts.first().textContent()).toMatch(/not cited yet/);
    await screenshot(page, 'suggest-4-imported-draft');
    await drafts.first().getByRole('button', { name: 'Open' }).click();
    const form = page.locator('form[aria-label="Feature"]');
    await expect.poll(() => form.locator('input[name="name"]').inputValue(), POLL).toBe(name);
    expect([+(await form.locator('input[name="lon"]').inputValue()), +(await form.locator('input[name="lat"]').inputValue())]).toEqual([chosen!.lng, chosen!.lat]);
    const save = form.getByRole('button', { name: 'Save feature' });
    expect(await save.isDisabled()).toBe(true);
    await expect.poll(() => form.getByTestId('needs-citation').count(), POLL).toBe(1);
    const SECOND = 'The train carried 40 containers of fruit through the Youyiguan border crossing.';
    await dragSelect(page, SECOND);
    await page.getByRole('button', { name: 'Cite for…' }).click();
    await page.getByRole('button', { name: 'The new feature being written' }).click();
    await expect.poll(() => form.locator('blockquote').first().textContent(), POLL).toBe(SECOND);
    expect(await save.isDisabled()).toBe(false);
    await form.locator('textarea[name="description"]').fill('Where the cold-chain trains cross into Vietnam (imported sketch for the test).');
    await form.getByRole('button', { name: 'Add a source' }).click();
    await form.locator('input[name="reference-title"]').fill('uMap sketch');
    await form.locator('input[name="reference-note"]').fill('Drawn at the Natural Earth point for Pingxiang, city level; not a published coordinate.');
    await Promise.all([page.waitForEvent('load'), save.click()]);
    await page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]', { timeout: 60_000 });
    const saved = [...snapshot(editor.dir)].filter(([k]) => k.startsWith('features/')).flatMap(([, t]) => readFeatures(t)).find((f) => (f.properties as { name?: string }).name === name)!;
    expect(saved.geometry).toEqual({ type: 'Point', coordinates: [chosen!.lng, chosen!.lat] });
    expect(saved.properties).toMatchObject({ citations: [{ document: docId, quote: SECOND }] });
    expect(checkData(editor.dir).exitCode).toBe(0);
    expect(coverageProblems(editor.dir)).toEqual([]);
  });

  test("the guide's tutorial through the editor with suggestions: an approximate point in under 15 clicks and 300 typed characters", async () => {
    const { page } = w;
    const guide = readFileSync(join(projectRoot, 'docs/authoring.md'), 'utf8');
    const [, path, text] = /^```md file=(\S+)\n([\s\S]*?)^```$/m.exec(guide)!;
    const { data, body } = parseMarkdown(text);
    const front = data as { title: string; date: string; publisher: string; summary: string };
    const tutorial = [...guide.matchAll(/^```json file=\S+\n([\s\S]*?)^```$/gm)].map((m) => JSON.parse(m[1])).find((fc) => fc.features?.[0]?.properties?.citations?.[0]?.document === path.replace(/^.*\/|\.md$/g, ''))!.features[0];
    const p = tutorial.properties as { name: string; name_zh: string; kind: string; description: string; citations: { quote: string }[] };
    let clicks = 0;
    let typed = 0;
    const click = async (l: { click(): Promise<void> }) => (clicks++, await l.click());
    const fill = async (l: { fill(v: string): Promise<void> }, v: string, pasted = false) => ((typed += pasted ? 0 : v.length), await l.fill(v));
    await page.evaluate(() => (location.hash = ''));
    const panel = page.locator('section[aria-label="Editor"]');
    if (!(await panel.isVisible())) await click(page.locator('button[data-atlas-editor]'));
    await click(page.getByRole('button', { name: 'New document' }));
    const doc = page.locator('form[aria-label="New document"]');
    await fill(doc.locator('textarea[name="body"]'), body.trim(), true);
    await fill(doc.locator('input[name="title"]'), front.title, true);
    await fill(doc.locator('input[name="date"]'), front.date);
    await fill(doc.locator('input[name="publisher"]'), front.publisher);
    await fill(doc.locator('input[name="summary"]'), front.summary);
    const id = await doc.locator('input[name="id"]').inputValue();
    await Promise.all([page.waitForEvent('load'), click(doc.getByRole('button', { name: 'Save document' }))]);
    await page.waitForSelector(`section.document[data-doc-id="${id}"]`, { timeout: 60_000 });
    await dragSelect(page, p.citations[0].quote);
    clicks++; // the drag
    await click(page.getByRole('button', { name: 'Cite for…' }));
    await click(page.getByRole('button', { name: '+ New feature' }));
    const form = page.locator('form[aria-label="Feature"]');
    await fill(form.locator('input[name="name"]'), p.name);
    await fill(form.locator('input[name="name_zh"]'), p.name_zh);
    await form.locator('select[name="kind"]').selectOption(p.kind);
    clicks += 2; // open the list, pick
    await fill(form.locator('textarea[name="description"]'), p.description);
    const suggestions = form.locator('[data-place-suggestion]');
    await expect.poll(() => suggestions.count(), POLL).toBeGreaterThan(0);
    const yangluo = suggestions.filter({ hasText: /Yangluo/ });
    const suggestion = (await yangluo.count()) ? yangluo.first() : suggestions.first();
    const label = (await suggestion.textContent())?.replace(/\s+/g, ' ').trim();
    await click(suggestion);
    const basis = await form.locator('select[name="geometry_basis"]').inputValue();
    expect(basis).toMatch(/approximate|surveyed/);
    await screenshot(page, 'suggest-5-guide-tutorial-placed-1440');
    await Promise.all([page.waitForEvent('load'), click(form.getByRole('button', { name: 'Save feature' }))]);
    await page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]', { timeout: 60_000 });
    console.info(`[editorSuggestions] the guide's tutorial with suggestions: ${clicks} clicks, ${typed} characters typed (title and article pasted); placed from "${label}" (${basis})`);
    expect(clicks).toBeLessThan(15);
    expect(typed).toBeLessThan(300);
    expect(checkData(editor.dir).exitCode).toBe(0);
    expect(coverageProblems(editor.dir)).toEqual([]);
  });

  test('no page errors', () => {
    expect(w.errors).toEqual([]);
  });
});
