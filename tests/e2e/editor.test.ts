/**
 * The in-browser editor, end to end: a real Chromium against the dev server
 * (Vite createServer, the real vite.config.ts) on a COPY of data/ in a temp
 * folder (ATLAS_DATA_ROOT) — the real data/ is never written. Paste an
 * article, select a passage, place a point by clicking the map canvas, save;
 * the files pass the data check and the map shows the feature with its quote.
 * A save over a file changed on disk and a write from another origin are
 * refused, and nothing is lost. The production builds carry no editor.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkData } from '../../scripts/check-data.ts';
import { readFeatures } from '../../src/lib/editor/featureFileEdit.ts';
import { baseURL, clickMapAt, openPage, waitForIdle, type WatchedPage } from './harness.ts';
import { coverageProblems, dragSelect, gotoDev as gotoDevAt, POLL, screenshot, snapshot as snapshotOf, startDevEditor, STEP_MS, type DevEditor } from './devEditor.ts';

const root = resolve(import.meta.dirname, '../..');
let editor: DevEditor;
let dir: string;
let devURL: string;
let browser: Browser;
let w: WatchedPage;

/** A made-up tutorial article (as in docs/authoring.md), with the page chrome a real paste brings along. */
const TITLE = 'Wuhan customs opens an air cargo fast lane at Tianhe';
const ARTICLE = [
  'Updated: 2026-03-16 10:22',
  '',
  'On March 15, Wuhan Customs opened a fast lane for air cargo at Wuhan Tianhe International Airport.',
  '',
  'Air cargo landing at Tianhe Airport will be cleared once and released without a second inspection.',
  '',
  'Photo: a cargo plane at Tianhe',
  '',
  '责编:李明',
].join('\n');
const PASSAGE = 'Air cargo landing at Tianhe Airport will be cleared once';
/** Wuhan Tianhe International Airport (30°47′02″N 114°12′29″E, Wikipedia), a place no feature of data/ sits on. */
const TIANHE: [number, number] = [114.2081, 30.7839];

/** Documents and feature files of the copy (the recipes' files are covered by the route test). */
const snapshot = () => new Map([...snapshotOf(dir)].filter(([k]) => k.startsWith('documents/') || k.startsWith('features/')));
const gotoDev = (page: Page, hash = '') => gotoDevAt(page, devURL, hash);

beforeAll(async () => {
  editor = await startDevEditor('atlas-editor-e2e-');
  ({ dir, devURL, browser, w } = editor);
}, 300_000);

afterAll(async () => {
  await editor?.close();
});

describe('the editor on the dev server', { timeout: STEP_MS }, () => {
  const before = new Map<string, string>();
  let docId = '';
  let featureId = '';

  test('new document: paste an article, page chrome is offered (not removed), save writes data/documents/<id>.md', async () => {
    for (const [k, v] of snapshot()) before.set(k, v);
    const { page } = w;
    await gotoDev(page);
    await page.click('button[data-atlas-editor]');
    await page.getByRole('button', { name: 'New document' }).click();
    const form = page.locator('form[aria-label="New document"]');
    await form.locator('input[name="title"]').fill(TITLE);
    await form.locator('input[name="date"]').fill('2026-03-15');
    await form.locator('input[name="publisher"]').fill('Example News');
    await form.locator('textarea[name="parties"]').fill('Wuhan Customs');
    await form.locator('input[name="url"]').fill('https://example.org/news/fast-lane');
    await form.locator('input[name="summary"]').fill('Wuhan Customs opens a fast lane for air cargo at Tianhe Airport.');
    await form.locator('textarea[name="body"]').fill(ARTICLE);
    docId = await form.locator('input[name="id"]').inputValue();
    expect(docId).toBe('wuhan-customs-opens-air-cargo-fast-lane-tianhe-2026');
    const offered = form.locator('[aria-label="Lines that look like page chrome"] li');
    await expect.poll(() => offered.count(), POLL).toBe(3);
    // Offered, not removed.
    expect(await form.locator('textarea[name="body"]').inputValue()).toBe(ARTICLE);
    await screenshot(page, 'editor-1-new-document-chrome-offered');
    await form.getByRole('button', { name: 'Remove all 3' }).click();
    expect(await form.locator('textarea[name="body"]').inputValue()).not.toMatch(/Updated|Photo|责编/);
    await Promise.all([page.waitForEvent('load'), form.getByRole('button', { name: 'Save document' }).click()]);
    await page.waitForSelector(`section.document[data-doc-id="${docId}"]`, { timeout: 60_000 });
    const written = readFileSync(join(dir, 'data/documents', `${docId}.md`), 'utf8');
    expect(written).toMatch(new RegExp(`^---\\nid: ${docId}\\ntitle: "${TITLE}"\\ndate: "2026-03-15"\\ndate_precision: day\\n`));
    expect(written).toContain(`\n---\nOn March 15, Wuhan Customs opened`);
    expect(written.split('\n---\n')[1]).not.toMatch(/Updated|Photo|责编/);
    // What was removed is on record in the front matter, with why.
    expect(written).toContain('removed_chrome:\n  - line: "Updated: 2026-03-16 10:22"\n    why: "dateline (time stamp)"\n');
  });

  test('cite: select a passage → Cite for… → new feature; place a point by clicking the map; save', async () => {
    const { page } = w;
    await dragSelect(page, PASSAGE);
    await page.getByRole('button', { name: 'Cite for…' }).click();
    await screenshot(page, 'editor-2-cite-for');
    await page.getByRole('button', { name: '+ New feature' }).click();
    const form = page.locator('form[aria-label="Feature"]');
    await expect.poll(() => form.locator('blockquote').first().textContent(), POLL).toBe(PASSAGE);
    await form.locator('input[name="name"]').fill('Tianhe air cargo fast lane');
    await form.locator('input[name="name_zh"]').fill('天河机场航空货运快速通道');
    await form.locator('select[name="kind"]').selectOption('customs');
    await form.locator('select[name="mode"]').selectOption('multimodal');
    await form.locator('textarea[name="description"]').fill('A fast customs lane for air cargo at Wuhan Tianhe International Airport (editor test).');
    featureId = await form.locator('input[name="id"]').inputValue();
    expect(featureId).toBe('tianhe-air-cargo-fast-lane');
    // Jump to Wuhan with the place search, then click the canvas where the port is.
    await form.getByRole('searchbox', { name: 'Find a place' }).fill('Wuhan');
    await form.getByRole('option', { name: /^Wuhan 武汉/ }).click();
    await waitForIdle(page);
    await form.getByRole('button', { name: 'Place point' }).click();
    await clickMapAt(page, ...TIANHE);
    const lon = +(await form.locator('input[name="lon"]').inputValue());
    const lat = +(await form.locator('input[name="lat"]').inputValue());
    // A click lands within a pixel or two: at zoom 9 that is a few hundred metres.
    expect(Math.abs(lon - TIANHE[0])).toBeLessThan(0.01);
    expect(Math.abs(lat - TIANHE[1])).toBeLessThan(0.01);
    await expect.poll(() => form.getByTestId('nearest-place').textContent(), POLL).toMatch(/km from /);
    await form.getByRole('button', { name: 'Add a source' }).click();
    await form.locator('input[name="reference-title"]').fill('Wuhan Tianhe International Airport');
    // An approximate position says how it was placed: without the note the save is refused.
    await form.locator('input[name="reference-note"]').fill('Placed by clicking the map at zoom 9, not from a published coordinate.');
    await waitForIdle(page);
    await screenshot(page, 'editor-3-feature-placed');
    await Promise.all([page.waitForEvent('load'), form.getByRole('button', { name: 'Save feature' }).click()]);
    await page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]', { timeout: 60_000 });
  });

  test('the files pass the data check; only the changed file changed, and only by the new feature', async () => {
    const after = snapshot();
    const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
    expect(changed).toHaveLength(2);
    expect(changed).toContain(`documents/${docId}.md`);
    const file = changed.find((k) => k.startsWith('features/'))!;
    const old = before.get(file)!;
    const now = after.get(file)!;
    // Every byte of every existing feature is where it was; the new feature is appended.
    const lastFeatureEnd = old.lastIndexOf('}', old.lastIndexOf(']')) + 1;
    expect(now.slice(0, lastFeatureEnd)).toBe(old.slice(0, lastFeatureEnd));
    expect(readFeatures(now).map((f) => f.id)).toEqual([...readFeatures(old).map((f) => f.id), featureId]);
    const feature = readFeatures(now).at(-1)!;
    expect((feature.properties as { citations: unknown[] }).citations).toEqual([{ document: docId, quote: PASSAGE }]);
    const r = checkData(dir);
    expect(r.output).not.toMatch(/error/);
    expect(r.exitCode).toBe(0);
    // The coverage table lists the new document and feature, so `npm test` passes too.
    expect(coverageProblems(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'data/coverage.yaml'), 'utf8')).toContain(`${docId}:\n  - phrase: "${PASSAGE}"\n    features: [${featureId}]\n`);
  });

  test('the map shows the new feature with its quote (clicked on the canvas)', async () => {
    const { page } = w;
    await gotoDev(page, `#map=10/${TIANHE[1]}/${TIANHE[0]}`);
    await page.click('button[data-atlas-editor]'); // close the editor panel
    await waitForIdle(page);
    await clickMapAt(page, ...TIANHE);
    const panel = page.locator('aside[aria-label="Source"]');
    await expect.poll(() => panel.textContent(), { timeout: 15_000 }).toContain('Tianhe air cargo fast lane');
    expect(await panel.locator('mark').first().textContent()).toBe(PASSAGE);
    await waitForIdle(page);
    await screenshot(page, 'editor-4-new-feature-on-map');
  });

  test('a save over a file changed on disk is refused; the edit survives a reload; after reloading the data it saves, and both changes are kept', async () => {
    const { page } = w;
    await gotoDev(page, `#feature=${featureId}`);
    await page.click('button[data-atlas-editor]');
    await page.getByRole('button', { name: /^Edit “/ }).click();
    const form = page.locator('form[aria-label="Feature"]');
    // An invalid save: the validator's problem appears beside its field, nothing is written.
    const unchanged = snapshot();
    await form.locator('textarea[name="description"]').fill('');
    await form.getByRole('button', { name: 'Save feature' }).click();
    await expect.poll(() => form.locator('textarea[name="description"] ~ .problem, label:has(textarea[name="description"]) + .problem').first().textContent(), POLL).toMatch(/feature has no "description"/);
    expect(snapshot()).toEqual(unchanged);
    await screenshot(page, 'editor-5a-problem-beside-field');
    await form.locator('textarea[name="description"]').fill('Changed in the editor.');
    // Meanwhile someone else changes the same file on disk; the dev server reloads the page (the draft is kept).
    const path = join(dir, 'data/features', readdirSync(join(dir, 'data/features')).find((f) => readFileSync(join(dir, 'data/features', f), 'utf8').includes(`"id": "${featureId}"`))!);
    // Another feature of the same file (the first), changed by someone else.
    const mine = readFileSync(path, 'utf8');
    const firstDescription = /"description": "([^"]*)"/.exec(mine)![1];
    const theirs = mine.replace(`"description": "${firstDescription}"`, `"description": "${firstDescription} (edited elsewhere)"`);
    expect(theirs).not.toBe(readFileSync(path, 'utf8'));
    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), Promise.resolve(writeFileSync(path, theirs))]);
    await page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]', { timeout: 60_000 });
    await expect.poll(() => form.locator('textarea[name="description"]').inputValue(), POLL).toBe('Changed in the editor.');
    await form.getByRole('button', { name: 'Save feature' }).click();
    const alert = page.locator('.editor .message.conflict');
    await expect.poll(() => alert.textContent(), POLL).toMatch(/changed on disk since you loaded it.*your edit is kept/);
    expect(readFileSync(path, 'utf8')).toBe(theirs);
    expect(await form.locator('textarea[name="description"]').inputValue()).toBe('Changed in the editor.');
    await screenshot(page, 'editor-5-conflict-refused');
    // The unsaved edit survives a reload.
    await gotoDev(page, `#feature=${featureId}`);
    await expect.poll(() => page.locator('form[aria-label="Feature"] textarea[name="description"]').inputValue(), POLL).toBe('Changed in the editor.');
    // Reload the data from disk (new version token), then save: the editor replaces only its feature.
    await page.locator('form[aria-label="Feature"]').getByRole('button', { name: 'Save feature' }).click();
    await page.getByRole('button', { name: 'Reload data from disk' }).click();
    await expect.poll(() => page.locator('.editor .message').textContent(), POLL).toMatch(/change on disk was elsewhere in the file and stays/);
    await Promise.all([page.waitForEvent('load'), page.locator('form[aria-label="Feature"]').getByRole('button', { name: 'Save feature' }).click()]);
    const saved = readFeatures(readFileSync(path, 'utf8')).find((f) => f.id === featureId)!;
    expect((saved.properties as { description: string }).description).toBe('Changed in the editor.');
    // Their change to the file is still there.
    expect(readFileSync(path, 'utf8')).toContain(`${firstDescription} (edited elsewhere)`);
    expect(checkData(dir).exitCode).toBe(0);
  });

  test('a write from another origin is refused and writes nothing', async () => {
    const before2 = snapshot();
    const other = await openPage(browser, { base: baseURL() });
    await other.page.goto(baseURL());
    const result = await other.page.evaluate(async (url) => {
      const body = JSON.stringify({ edits: [{ kind: 'delete-feature', file: 'ports.geojson', token: 'absent', id: 'yangluo-port' }] });
      const out: string[] = [];
      try {
        const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
        out.push(`json ${r.status}`);
      } catch (e) {
        out.push(`json blocked: ${(e as Error).message}`);
      }
      // A "simple" request needs no preflight: it reaches the server, which must refuse it.
      await fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body }).catch(() => {});
      return out;
    }, `${devURL}__atlas-editor/save`);
    expect(result[0]).toMatch(/^json (403|blocked)/);
    expect(snapshot()).toEqual(before2);
    await other.page.context().close();
  });

  test('no page errors (refused saves answer 409 or 422, which the browser logs)', () => {
    expect(w.errors.filter((e) => !/status of (409 \(Conflict\)|422 \(Unprocessable)/.test(e))).toEqual([]);
  });
});

describe('the production builds carry no editor', () => {
  test('no editor code in dist/ or dist-single/', () => {
    const assets = readdirSync(resolve(root, 'dist/assets')).filter((f) => f.endsWith('.js'));
    expect(assets.length).toBeGreaterThan(0);
    for (const f of assets) {
      const js = readFileSync(resolve(root, 'dist/assets', f), 'utf8');
      expect(js, f).not.toContain('data-atlas-editor');
      expect(js, f).not.toContain('__atlas-editor');
      expect(js, f).not.toContain('Cite for…');
    }
    const single = readFileSync(resolve(root, 'dist-single/index.html'), 'utf8');
    expect(single).not.toContain('data-atlas-editor');
    expect(single).not.toContain('__atlas-editor');
  });

  test('vite preview has no write endpoint', async () => {
    const url = new URL('__atlas-editor/save', baseURL());
    const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: new URL(baseURL()).origin }, body: '{"edits":[]}' });
    expect(r.status).toBe(404);
    const data = await fetch(new URL('__atlas-editor/data', baseURL()));
    expect(data.headers.get('content-type') ?? '').not.toMatch(/json/);
  });
});
