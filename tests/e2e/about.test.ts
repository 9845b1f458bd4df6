/** Issue 21, item 2: the About panel says what the atlas is, its terms, sources, licence, version, and how to cite this view. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadAtlas } from './atlasData.ts';
import { baseURL, gotoApp, launch, openPage, screenshot } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('About: terms, every document as a source, licence, version, and a citation of this very view', async () => {
  const atlas = loadAtlas();
  const f = atlas.features[0];
  const w = await openPage(browser);
  await w.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL()).origin });
  await gotoApp(w.page, `#map=6/30.5/114&feature=${f.id}`);
  await w.page.getByRole('button', { name: 'About', exact: true }).click();
  const dialog = w.page.getByRole('dialog', { name: 'About Corridor Atlas' });
  await dialog.waitFor();
  await screenshot(w.page, 'about-panel');

  const terms = await dialog.locator('[data-testid="about-terms"] dt').allTextContents();
  expect(terms).toEqual(['Surveyed', 'Approximate', 'Schematic', 'Our inference']);
  const sources = await dialog.locator('[data-testid="about-sources"] li').allTextContents();
  expect(sources.length).toBe(atlas.documents.length);
  for (const d of atlas.documents) expect(sources.some((s) => s.includes(d.title))).toBe(true);
  const text = (await dialog.textContent())!;
  expect(text).toMatch(/MIT licence/);
  expect(text).toMatch(/CC BY 4\.0/);
  expect(text).toMatch(/© their publishers/);
  expect(await dialog.locator('[data-testid="about-version"]').textContent()).toMatch(/^Version \d+\.\d+\.\d+, built \d{4}-\d{2}-\d{2}\.$/);

  await dialog.locator('[data-name="cite-map"] button').click();
  const citation = await w.page.evaluate(() => navigator.clipboard.readText());
  const hash = await w.page.evaluate(() => location.hash);
  expect(citation).toContain(`${baseURL().replace(/[?#].*$/, '')}${hash}`);
  expect(citation).toMatch(/accessed \d{1,2} [A-Z][a-z]+ \d{4}/);

  await w.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  expect(w.errors).toEqual([]);
  expect(w.offOrigin).toEqual([]);
});

test('on a phone the header still fits with the About button', async () => {
  const w = await openPage(browser, { width: 390, height: 844 });
  await gotoApp(w.page, '#map=5/30/110');
  await w.page.getByRole('button', { name: 'About', exact: true }).waitFor();
  const overflow = await w.page.evaluate(() => {
    const bar = document.querySelector('header.bar')!;
    return [...bar.children].filter((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5).map((c) => c.outerHTML.slice(0, 60));
  });
  await screenshot(w.page, 'about-phone-header');
  expect(overflow).toEqual([]);
});
