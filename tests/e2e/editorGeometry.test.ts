/**
 * The editor's geometry tools and deletions, in a real Chromium against the
 * dev server on a COPY of data/ (never the real one): a river route between
 * two ports derived in the browser and drawn on the map canvas, then saved
 * with its recipe (check:data and derive-routes --check pass); a line drawn by
 * clicking waypoints on the canvas; removing a citation and deleting a
 * feature, each saying first what else cites the same passage — cancel keeps
 * everything, confirm removes exactly that. Ports, passages and features are
 * picked from the data by rule, never by a fixed id.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LineString } from 'geojson';
import type { Page } from 'playwright-core';
import { parseTree, findNodeAtLocation } from 'jsonc-parser';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkData } from '../../scripts/check-data.ts';
import { readDataFiles } from '../../scripts/data-files.ts';
import { runDerive } from '../../scripts/derive-routes.ts';
import { riversPath } from '../../scripts/reference-files.ts';
import { compileAtlas } from '../../src/lib/atlas/compile.ts';
import type { Atlas } from '../../src/lib/atlas/types.ts';
import { contentToken } from '../../src/lib/editor/conflictToken.ts';
import { readFeatures, type RawFeature } from '../../src/lib/editor/featureFileEdit.ts';
import { deriveRiverRoute, portChoices, riverDeriveContext } from '../../src/lib/editor/riverRouteDraft.ts';
import { otherCiters } from '../../src/lib/editor/sharedPassages.ts';
import { buildRiverGraph, snapToGraph, yangtzeOnly } from '../../src/lib/geo/riverPath.ts';
import { parseGeometrySpec } from '../../src/lib/geo/deriveRoutes.ts';
import { pixelOf } from '../../src/lib/view/webMercator.ts';
import { clickMapAt, currentView, waitForIdle } from './harness.ts';
import { coverageProblems, dragSelect, gotoDev, POLL, screenshot, snapshot, startDevEditor, STEP_MS, type DevEditor } from './devEditor.ts';

let ed: DevEditor;
beforeAll(async () => {
  ed = await startDevEditor('atlas-editor-geometry-');
}, 300_000);
afterAll(async () => {
  await ed?.close();
});

const go = (hash = '') => gotoDev(ed.w.page, ed.devURL, hash);
const form = (page: Page) => page.locator('form[aria-label="Feature"]');

async function openEditor(page: Page): Promise<void> {
  const toggle = page.locator('button[data-atlas-editor]');
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
}

/** The copy's feature files as the editor sees them. */
const editorFiles = () => readDataFiles(ed.dir).features.map((f) => ({ path: f.path, token: contentToken(f.text), features: readFeatures(f.text) }));
const compiled = (): Atlas => compileAtlas(readDataFiles(ed.dir)).atlas!;

/** A passage of some document that the test can drag across (one text node), and the document. */
async function pickPassage(page: Page): Promise<{ doc: string; passage: string }> {
  const doc = readdirSync(join(ed.dir, 'data/documents'))[0].replace(/\.md$/, '');
  await go(`#doc=${doc}`);
  await page.waitForSelector(`section.document[data-doc-id="${doc}"]`);
  const passage = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.querySelector('section.document .body')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n.textContent!.trim();
      if (t.length < 50) continue;
      return t.slice(0, t.indexOf(' ', 35));
    }
    return null;
  });
  if (!passage) throw new Error(`no passage of 50 characters in ${doc}`);
  return { doc, passage };
}

/** Start a new feature citing a passage: select it in its document, Cite for… → + New feature. */
async function newCitingFeature(page: Page, name: string, kind: string, mode: string): Promise<string> {
  const { passage } = await pickPassage(page);
  await openEditor(page); // "Cite for…" belongs to Edit mode
  await dragSelect(page, passage);
  await page.getByRole('button', { name: 'Cite for…' }).click();
  await page.getByRole('button', { name: '+ New feature' }).click();
  const f = form(page);
  await expect.poll(() => f.locator('blockquote').first().textContent(), POLL).toBe(passage);
  await f.locator('input[name="name"]').fill(name);
  await f.locator('select[name="kind"]').selectOption(kind);
  await f.locator('select[name="mode"]').selectOption(mode);
  await f.locator('textarea[name="description"]').fill(`${name}: made by the editor's browser test.`);
  await f.locator('select[name="geometry_basis"]').selectOption('schematic');
  return f.locator('input[name="id"]').inputValue();
}

/** How many of these places show the editor's pink draft line within 4 px on the map canvas. */
async function pinkAt(page: Page, places: [number, number][]): Promise<number> {
  const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
  const view = await currentView(page);
  const px = places.map(([lng, lat]) => pixelOf(view, box.width, box.height, lng, lat));
  return page.evaluate((points) => {
    const map = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
    const ratio = map.width / map.clientWidth;
    const c = document.createElement('canvas');
    c.width = c.height = 9;
    const ctx = c.getContext('2d', { willReadFrequently: true })!;
    let hits = 0;
    for (const p of points) {
      ctx.clearRect(0, 0, 9, 9);
      ctx.drawImage(map, Math.round((p.x - 4) * ratio), Math.round((p.y - 4) * ratio), Math.round(9 * ratio), Math.round(9 * ratio), 0, 0, 9, 9);
      const d = ctx.getImageData(0, 0, 9, 9).data;
      let pink = false;
      // #db2777: strong red, little green, some blue.
      for (let i = 0; i < d.length; i += 4) if (d[i] > 170 && d[i + 1] < 90 && d[i + 2] > 70 && d[i + 2] < 170) pink = true;
      if (pink) hits++;
    }
    return hits;
  }, px);
}

/** Byte ranges of each feature in a feature file's text, by id. */
function featureSlices(text: string): Map<string, string> {
  const list = findNodeAtLocation(parseTree(text)!, ['features'])!;
  return new Map((list.children ?? []).map((n) => [findNodeAtLocation(n, ['id'])!.value as string, text.slice(n.offset, n.offset + n.length)]));
}

/** Every file of the copy is as before, except `file`, in which every feature but `id` keeps its bytes. */
function onlyChanged(before: Map<string, string>, file: string, id: string): void {
  const after = snapshot(ed.dir);
  for (const [k, v] of before) if (k !== file && k !== 'coverage.yaml') expect(after.get(k), k).toBe(v);
  const old = featureSlices(before.get(file)!);
  const now = featureSlices(after.get(file)!);
  for (const [fid, text] of old) if (fid !== id) expect(now.get(fid), fid).toBe(text);
}

/** Press Save feature; after the reload: the files before and after, the feature file that changed, and the feature in it. */
async function saveFeature(page: Page, id: string) {
  const before = snapshot(ed.dir);
  await Promise.all([page.waitForEvent('load'), form(page).getByRole('button', { name: 'Save feature' }).click()]);
  await page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]', { timeout: 60_000 });
  const after = snapshot(ed.dir);
  const file = [...after.keys()].find((k) => k.startsWith('features/') && after.get(k) !== before.get(k))!;
  const saved = readFeatures(after.get(file)!).find((x) => x.id === id)!;
  return { before, after, file, saved };
}

describe('the editor\'s geometry tools', { timeout: STEP_MS }, () => {
  test('follow the river between two ports: derived in the browser, drawn on the canvas, saved with its recipe; check:data and derive-routes --check pass', async () => {
    const { page } = ed.w;
    // Two ports on the Yangtze centreline (by rule), 1–6° of longitude apart, so both fit the view.
    const files = editorFiles();
    const rivers = JSON.parse(readFileSync(riversPath(ed.dir), 'utf8'));
    const graph = buildRiverGraph(rivers, { filter: yangtzeOnly });
    const all = files.flatMap((f) => f.features);
    const at = (id: string) => (all.find((x) => x.id === id)!.geometry as { coordinates: [number, number] }).coordinates;
    const onRiver = portChoices(files).filter((p) => snapToGraph(graph, at(p.id)).distKm < 5);
    let pair: [(typeof onRiver)[0], (typeof onRiver)[0]] | null = null;
    for (const a of onRiver)
      for (const b of onRiver) {
        const span = at(b.id)[0] - at(a.id)[0];
        if (span >= 1 && span <= 6 && (!pair || span > at(pair[1].id)[0] - at(pair[0].id)[0])) pair = [a, b];
      }
    if (!pair) throw new Error('no two ports on the Yangtze 1–6° apart in data/');
    const [from, to] = pair;

    const id = await newCitingFeature(page, 'Test river route', 'river-route', 'river');
    const mid = [(at(from.id)[0] + at(to.id)[0]) / 2, (at(from.id)[1] + at(to.id)[1]) / 2];
    await page.evaluate(([lng, lat]) => (location.hash = `#map=6.5/${lat}/${lng - 1}`), mid);
    await waitForIdle(page);
    // What the browser will derive, by the same function: sample its inner vertices on the canvas.
    const expected = deriveRiverRoute(riverDeriveContext(rivers, files), id, from.id, to.id);
    if ('error' in expected) throw new Error(expected.error);
    const coords = (expected.derived.geometry as LineString).coordinates as [number, number][];
    const samples = Array.from({ length: 10 }, (_, i) => coords[Math.round(((i + 1) * (coords.length - 1)) / 11)]);
    expect(await pinkAt(page, samples)).toBeLessThanOrEqual(1);

    const f = form(page);
    await f.getByRole('button', { name: 'Follow the river' }).click();
    for (const [label, port] of [['From port', from], ['To port', to]] as const) {
      await f.getByRole('searchbox', { name: label }).fill(port.name.split(/[\s(]/)[0]);
      await f.getByRole('listbox', { name: `${label}: choices` }).getByRole('option', { name: new RegExp(port.id) }).click();
    }
    await expect.poll(() => f.getByTestId('river-route-status').textContent(), POLL).toMatch(new RegExp(`Follows the river from .+ to .+: ${coords.length} points, \\d+ km`));
    await waitForIdle(page);
    await expect.poll(() => pinkAt(page, samples), POLL).toBeGreaterThanOrEqual(8);
    await screenshot(page, 'editor-6-river-route-preview');

    // Two ports on different networks: a clear message, and the line of the earlier pick is gone from the
    // draft and the map (it is not the route of the new pick).
    const offRiver = portChoices(files).find((p) => snapToGraph(graph, at(p.id)).distKm > 50);
    if (offRiver) {
      await f.getByRole('searchbox', { name: 'To port' }).fill(offRiver.name.split(/[\s(]/)[0]);
      await f.getByRole('listbox', { name: 'To port: choices' }).getByRole('option', { name: new RegExp(offRiver.id) }).click();
      await expect.poll(() => f.getByTestId('river-route-error').textContent(), POLL).toMatch(new RegExp(`"${offRiver.id}" is \\d+ km from the Yangtze centreline.*not on one river network.*earlier pick was cleared`));
      expect(await f.getByTestId('river-route-status').count()).toBe(0);
      await expect.poll(() => f.locator('.nearest').textContent(), POLL).toBe('Not placed yet.');
      await waitForIdle(page);
      await expect.poll(() => pinkAt(page, samples), POLL).toBeLessThanOrEqual(1);
      await screenshot(page, 'editor-6b-river-route-not-one-network');
      await f.getByRole('searchbox', { name: 'To port' }).fill(to.name.split(/[\s(]/)[0]);
      await f.getByRole('listbox', { name: 'To port: choices' }).getByRole('option', { name: new RegExp(to.id) }).click();
      await expect.poll(() => f.getByTestId('river-route-error').count(), POLL).toBe(0);
    }

    const { before, after, file, saved } = await saveFeature(page, id);
    // On disk: the feature with the derived geometry, its recipe, its produced record; the checks pass.
    expect(saved.geometry).toEqual(expected.derived.geometry);
    const recipes = parseGeometrySpec(parseYaml(after.get('derive/geometry.yaml')!)).spec.recipes;
    expect(recipes.get(id)).toEqual({ parts: [{ leg: 'river', steps: [{ river: [from.id, to.id] }] }] });
    expect(after.get('derive/geometry.yaml')!.startsWith(before.get('derive/geometry.yaml')!.trimEnd())).toBe(true);
    expect(JSON.parse(after.get('derive/produced.json')!).produced[id]).toMatch(/^[0-9a-f]{14}$/);
    expect(checkData(ed.dir).exitCode).toBe(0);
    expect(coverageProblems(ed.dir)).toEqual([]);
    const derive = runDerive({ root: ed.dir, check: true });
    expect(derive.output.join('\n')).toMatch(/^checked \d+ features/);
    expect(derive.exitCode).toBe(0);
    // Re-deriving for real changes nothing: produced.json is consistent with the files.
    const rerun = runDerive({ root: ed.dir });
    expect(rerun.exitCode).toBe(0);
    expect(snapshot(ed.dir)).toEqual(after);
    onlyChanged(new Map([...before].filter(([k]) => !k.startsWith('derive/') && !k.startsWith('documents/'))), file, id);

    // The map shows it: selected by its id, it is drawn and its source panel names it.
    await go(`#feature=${id}`);
    const panel = page.locator('aside[aria-label="Source"]');
    await expect.poll(() => panel.textContent(), POLL).toContain('Test river route');
    await screenshot(page, 'editor-7-river-route-saved');
  });

  test('draw a line by clicking waypoints on the map canvas; saved, the file is valid and the map shows the line', async () => {
    const { page } = ed.w;
    const id = await newCitingFeature(page, 'Test hand-drawn rail line', 'rail-corridor', 'rail');
    // Our Chinese translation of the description, labelled as ours, is written with the feature.
    const zh = '测试：浏览器测试手绘的铁路线。';
    await form(page).getByLabel(/Description in Chinese \(our translation/).fill(zh);
    // Three waypoints on land in Shanxi, away from lakes (made-up test places, not from data/).
    const waypoints: [number, number][] = [[112.55, 37.85], [112.9, 38.15], [113.3, 38.35]];
    await page.evaluate(() => (location.hash = '#map=8/38.1/112.75'));
    await waitForIdle(page);
    const f = form(page);
    await f.getByRole('button', { name: 'Draw line' }).click();
    for (const w of waypoints) {
      await clickMapAt(page, ...w);
      await waitForIdle(page);
    }
    await expect.poll(() => f.locator('.nearest').first().textContent(), POLL).toBe('A line of 3 points.');
    await expect.poll(() => pinkAt(page, waypoints), POLL).toBe(3);
    await screenshot(page, 'editor-8-line-drawn');
    // Undo takes back the last waypoint; click it again.
    await f.getByRole('button', { name: 'Undo last point' }).click();
    await expect.poll(() => f.locator('.nearest').first().textContent(), POLL).toBe('A line of 2 points.');
    await clickMapAt(page, ...waypoints[2]);
    const { before, file, saved } = await saveFeature(page, id);
    const coords = (saved.geometry as { type: string; coordinates: [number, number][] }).coordinates;
    expect((saved.geometry as { type: string }).type).toBe('LineString');
    expect((saved.properties as { description_zh?: string }).description_zh).toBe(zh);
    expect(coords).toHaveLength(3);
    // A click lands within a pixel or two: at zoom 8 that is under a kilometre.
    coords.forEach((c, i) => {
      expect(Math.abs(c[0] - waypoints[i][0])).toBeLessThan(0.01);
      expect(Math.abs(c[1] - waypoints[i][1])).toBeLessThan(0.01);
    });
    expect(checkData(ed.dir).exitCode).toBe(0);
    expect(coverageProblems(ed.dir)).toEqual([]);
    expect(runDerive({ root: ed.dir, check: true }).exitCode).toBe(0);
    onlyChanged(before, file, id);
    // The map draws it: click the middle of its first leg on the canvas.
    await go('#map=8/38.1/112.75');
    await openEditor(page);
    await page.locator('button[data-atlas-editor]').click(); // close the panel, so the whole map is free
    await waitForIdle(page);
    await clickMapAt(page, (coords[0][0] + coords[1][0]) / 2, (coords[0][1] + coords[1][1]) / 2);
    const menu = page.locator('.picker[role="dialog"]');
    if (await menu.count()) await menu.getByRole('button', { name: /Test hand-drawn rail line/ }).click();
    await expect.poll(() => page.locator('aside[aria-label="Source"]').textContent(), POLL).toContain('Test hand-drawn rail line');
    await waitForIdle(page);
    await screenshot(page, 'editor-9-line-on-map');
  });
});

describe('deleting asks first and says what else cites the passage', { timeout: STEP_MS }, () => {
  /** A feature with two or more citations, one of whose passages another feature also cites (picked from data/ by rule). */
  function sharedCitation(exclude: Set<string>) {
    const atlas = compiled();
    for (const f of atlas.features) {
      if (exclude.has(f.id)) continue;
      for (const [i, c] of f.properties.citations.entries()) {
        const others = otherCiters(atlas, f.id, c);
        if (others.length) return { feature: f, index: i, others };
      }
    }
    return null;
  }
  /** Ids a route recipe needs (recipe features and their waypoints): deleting those is refused by design. */
  function recipeIds(): Set<string> {
    const spec = parseGeometrySpec(parseYaml(readFileSync(join(ed.dir, 'data/derive/geometry.yaml'), 'utf8'))).spec;
    const out = new Set(spec.recipes.keys());
    for (const r of spec.recipes.values()) for (const p of r.parts ?? []) for (const s of p.steps) for (const ref of Object.values(s)[0] as unknown[]) if (typeof ref === 'string') out.add(ref);
    return out;
  }

  test('remove a citation: the dialog names the other features; Keep keeps it; Remove citation removes exactly it', async () => {
    const { page } = ed.w;
    const pick = sharedCitation(new Set([...compiled().features.filter((f) => f.properties.citations.length < 2).map((f) => f.id)]));
    if (!pick) throw new Error('data/ has no feature with two citations, one of them shared');
    const { feature, index, others } = pick;
    await go(`#feature=${feature.id}`);
    await openEditor(page);
    await page.getByRole('button', { name: /^Edit “/ }).click();
    const f = form(page);
    const card = f.locator(`[data-citation="${index}"]`);
    await expect.poll(() => card.locator('blockquote').textContent(), POLL).toBe(feature.properties.citations[index].quote);
    const before = snapshot(ed.dir);
    await card.getByRole('button', { name: 'Remove citation…' }).click();
    const dialog = card.getByRole('alertdialog', { name: 'Remove this citation?' });
    for (const o of others) await expect.poll(() => dialog.textContent(), POLL).toContain(o.properties.name);
    await screenshot(page, 'editor-10-remove-citation-asks');
    await dialog.getByRole('button', { name: 'Keep' }).click();
    expect(await f.locator('[data-citation]').count()).toBe(feature.properties.citations.length);
    expect(snapshot(ed.dir)).toEqual(before);

    await card.getByRole('button', { name: 'Remove citation…' }).click();
    await card.getByRole('alertdialog', { name: 'Remove this citation?' }).getByRole('button', { name: 'Remove citation' }).click();
    expect(await f.locator('[data-citation]').count()).toBe(feature.properties.citations.length - 1);
    await Promise.all([page.waitForEvent('load'), f.getByRole('button', { name: 'Save feature' }).click()]);
    await page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]', { timeout: 60_000 });
    const after = snapshot(ed.dir);
    const file = [...after.keys()].find((k) => k.startsWith('features/') && after.get(k) !== before.get(k))!;
    const was = readFeatures(before.get(file)!).find((x) => x.id === feature.id)! as RawFeature & { properties: { citations: unknown[] } };
    const now = readFeatures(after.get(file)!).find((x) => x.id === feature.id)! as RawFeature & { properties: { citations: unknown[] } };
    expect(now.properties.citations).toEqual(was.properties.citations.filter((_, i) => i !== index));
    expect({ ...now, properties: { ...now.properties, citations: null } }).toEqual({ ...was, properties: { ...was.properties, citations: null } });
    onlyChanged(before, file, feature.id);
    // The other features still cite the passage.
    for (const o of others) expect(compiled().features.find((x) => x.id === o.id)!.properties.citations.length).toBe(o.properties.citations.length);
    expect(checkData(ed.dir).exitCode).toBe(0);
    expect(coverageProblems(ed.dir)).toEqual([]);
  });

  test('delete a feature: the dialog says which passages other features still cite; Keep keeps it; Delete feature removes exactly it', async () => {
    const { page } = ed.w;
    const pick = sharedCitation(recipeIds());
    if (!pick) throw new Error('data/ has no feature outside the route recipes whose passage another feature cites');
    const { feature, others } = pick;
    await go(`#feature=${feature.id}`);
    await openEditor(page);
    await page.getByRole('button', { name: /^Edit “/ }).click();
    const f = form(page);
    await expect.poll(() => f.locator('input[name="id"]').inputValue(), POLL).toBe(feature.id);
    const before = snapshot(ed.dir);
    await f.getByRole('button', { name: 'Delete feature…' }).click();
    const dialog = f.getByRole('alertdialog', { name: 'Delete this feature?' });
    for (const o of others) await expect.poll(() => dialog.textContent(), POLL).toContain(`also supports`);
    for (const o of others) expect(await dialog.textContent()).toContain(o.properties.name);
    await screenshot(page, 'editor-11-delete-feature-asks');
    await dialog.getByRole('button', { name: 'Keep' }).click();
    await expect.poll(() => f.getByRole('alertdialog').count(), POLL).toBe(0);
    expect(snapshot(ed.dir)).toEqual(before);

    await f.getByRole('button', { name: 'Delete feature…' }).click();
    await Promise.all([page.waitForEvent('load'), f.getByRole('alertdialog', { name: 'Delete this feature?' }).getByRole('button', { name: 'Delete feature' }).click()]);
    await page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]', { timeout: 60_000 });
    const after = snapshot(ed.dir);
    const file = [...before.keys()].find((k) => k.startsWith('features/') && featureSlices(before.get(k)!).has(feature.id))!;
    expect(featureSlices(after.get(file)!).has(feature.id)).toBe(false);
    expect([...featureSlices(after.get(file)!).keys()]).toEqual([...featureSlices(before.get(file)!).keys()].filter((x) => x !== feature.id));
    onlyChanged(before, file, feature.id);
    expect(checkData(ed.dir).exitCode).toBe(0);
    expect(coverageProblems(ed.dir)).toEqual([]);
    expect(runDerive({ root: ed.dir, check: true }).exitCode).toBe(0);
    // Gone from the map's feature list too.
    expect(await page.locator(`[data-feature-id="${feature.id}"]`).count()).toBe(0);
  });

  test('no page errors (refused saves answer 409 or 422, which the browser logs)', () => {
    expect(ed.w.errors.filter((e) => !/status of (409 \(Conflict\)|422 \(Unprocessable)/.test(e))).toEqual([]);
  });
});
