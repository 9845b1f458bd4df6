/**
 * Issue 5, single file: dist-single/index.html (npm run build:single) opens
 * from file:// and works fully — map, source panel, document — with no
 * request other than the file itself and data:/blob: URLs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { feature, loadAtlas } from './atlasData.ts';
import { build } from 'vite';
import { launch, screenshot, downloadBytes } from './harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FILE = resolve(ROOT, 'dist-single/index.html');

let browser: Browser;
beforeAll(async () => {
  if (!existsSync(FILE)) throw new Error('dist-single/index.html is missing: run `npm run build:single` (npm test does this for you).');
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('the single HTML file renders from file:// with zero network requests', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const url = pathToFileURL(FILE).href;
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const f = feature('yangluo-port');
  await page.goto(`${url}#map=6/30.6/114.4&feature=${f.id}`);
  await page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]', { timeout: 60_000 });
  await page.waitForSelector('[aria-label="Map of corridors"][data-idle="true"]', { timeout: 30_000 });

  // The map drew the basemap and the atlas: sample the canvas.
  const colours = await page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
    const copy = document.createElement('canvas');
    copy.width = c.width;
    copy.height = c.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(c, 0, 0);
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  });
  expect(colours).toBeGreaterThan(50);

  // Panels and documents work.
  const panel = page.locator('aside[aria-label="Source"]');
  await panel.waitFor();
  expect((await panel.locator(`mark[data-feature-id="${f.id}"]`).first().textContent())!.replace(/\s+/g, ' ')).toBe(f.properties.citations[0].selector.exact.replace(/\s+/g, ' '));
  await panel.getByRole('button', { name: /Read the whole document/ }).first().click();
  const doc = page.locator('section[aria-label="Document"]');
  await doc.waitFor();
  expect(await doc.locator(`mark[data-feature-id="${f.id}"]`).count()).toBeGreaterThan(0);
  await screenshot(page, 'single-file');

  // A figure can be made from the file too (the basemap is embedded, the canvas is readable).
  await doc.getByRole('button', { name: /Close/ }).first().click();
  await page.getByRole('button', { name: 'Share' }).click();
  const [svg] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-export="svg"]')]);
  expect((await downloadBytes(svg)).toString('utf8')).toMatch(/<path class="corridor" data-feature-id=/);
  const [png] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-export="png-1"]')]);
  expect((await downloadBytes(png)).subarray(1, 4).toString()).toBe('PNG');
  // The PDF library is part of the file, so a PDF works offline too.
  const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.click('[data-export="pdf"]')]);
  expect((await downloadBytes(pdf)).subarray(0, 5).toString()).toBe('%PDF-');

  // The same file may load again in the share dialog's embed preview (?embed=1).
  const foreign = requests.filter((r) => r.split(/[?#]/)[0] !== url && !r.startsWith('data:') && !r.startsWith('blob:'));
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
  console.info(`single file: ${(statSync(FILE).size / 1e6).toFixed(2)} MB, requests: ${requests.map((r) => r.slice(0, 40)).join(', ')}`);
  await context.close();
});

/** The policy's directives, from the file's <meta http-equiv>. */
function filePolicy(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html)?.[1] ?? '';
  return new Map(content.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
}

test('the single file runs only the scripts it names by hash: an injected inline script does not run (issue 24, item 6)', async () => {
  const html = readFileSync(FILE, 'utf8');
  const policy = filePolicy(html);
  const scriptSrc = policy.get('script-src') ?? [];
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('form-action')).toEqual(["'none'"]);
  expect(policy.get('default-src')).toEqual(["'none'"]);
  // Every inline script is named by the hash of its text, and nothing else is named.
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter((m) => !/(?:^|\s)src=/.test(m[1]));
  expect(inline.length).toBeGreaterThan(0);
  // The browser hashes the text after the HTML parser has made every line end LF.
  const hashes = inline.map((m) => `'sha256-${createHash('sha256').update(m[2].replace(/\r\n?/g, '\n')).digest('base64')}'`);
  expect(scriptSrc.filter((s) => s.startsWith("'sha")).sort()).toEqual([...new Set(hashes)].sort());

  const context = await browser.newContext({ viewport: { width: 1024, height: 700 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(FILE).href);
  await page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]', { timeout: 60_000 });
  const ran = await page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown>;
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.append(script);
    const handler = document.createElement('img');
    handler.setAttribute('onerror', 'window.__handler = true');
    handler.src = 'data:,not-an-image';
    document.body.append(handler);
    const base = document.createElement('base');
    base.href = 'https://example.org/';
    document.head.append(base);
    await new Promise((r) => setTimeout(r, 300));
    return { injected: w.__injected === true, handler: w.__handler === true, baseURI: document.baseURI, violations };
  });
  expect(ran.injected).toBe(false);
  expect(ran.handler).toBe(false);
  expect(ran.baseURI).not.toMatch(/^https:\/\/example\.org/);
  expect(ran.violations.some((v) => v.startsWith('script-src'))).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});

/** Every text a reader could copy from the open dialog: its fields' values and its visible text. */
async function dialogTexts(page: Page): Promise<string[]> {
  return page.locator('dialog[open]').evaluate((d) => [...d.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map((e) => e.value).concat(d.textContent ?? ''));
}

async function openFile(file: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const f = loadAtlas().features[0];
  await page.goto(`${pathToFileURL(file).href}#feature=${f.id}&lang=en`);
  await page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]', { timeout: 60_000 });
  return { page, close: () => context.close() };
}

describe('shared links from the single file (issue 21, item 9)', () => {
  test('with no site address, Share says the file has none and offers no file:// link; nor does the citation', async () => {
    const { page, close } = await openFile(FILE);
    await page.getByRole('button', { name: 'Share' }).click();
    await expect.poll(() => page.locator('[data-testid="no-web-address"]').isVisible()).toBe(true);
    expect(await page.locator('dialog[open] [data-name="permalink"]').count()).toBe(0);
    expect(await page.locator('dialog[open] [data-name="embed"]').count()).toBe(0);
    expect((await dialogTexts(page)).filter((t) => t.includes('file:'))).toEqual([]);
    await screenshot(page, 'single-file-share-no-address');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'About', exact: true }).click();
    const citation = await page.locator('dialog[open] [data-name="cite-map"] textarea').inputValue();
    expect(citation).toMatch(/Corridor Atlas/);
    expect(citation).not.toMatch(/file:/);
    await close();
  });

  test('built with ATLAS_SITE_URL, its permalink, embed and citation point at that site', async () => {
    const site = 'https://atlas.example/corridors/';
    process.env.ATLAS_SITE_URL = site;
    try {
      await build({ root: ROOT, mode: 'single', logLevel: 'warn', build: { outDir: 'dist-single-site', emptyOutDir: true } });
    } finally {
      delete process.env.ATLAS_SITE_URL;
    }
    const { page, close } = await openFile(resolve(ROOT, 'dist-single-site/index.html'));
    await page.getByRole('button', { name: 'Share' }).click();
    const link = await page.locator('dialog[open] [data-name="permalink"] input').inputValue();
    expect(link.startsWith(`${site}#`)).toBe(true);
    expect(new URLSearchParams(new URL(link).hash.slice(1)).get('feature')).toBe(loadAtlas().features[0].id);
    expect(await page.locator('dialog[open] [data-name="embed"] textarea').inputValue()).toContain(`src="${site}?embed=1`);
    expect(await page.locator('[data-testid="no-web-address"]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'About', exact: true }).click();
    expect(await page.locator('dialog[open] [data-name="cite-map"] textarea').inputValue()).toContain(site);
    await close();
  }, 180_000);
});

test('the README states the single file\'s size as the build makes it (within 5%)', () => {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const stated = /dist-single\/index\.html`\s+\(about\s+([\d.]+)\s+MB plus the atlas's own data/.exec(readme);
  expect(stated, 'README: "`dist-single/index.html` (about N MB plus the atlas\'s own data"').not.toBeNull();
  // The app's part: the atlas (documents and features) is whatever size the data is.
  const measured = (statSync(FILE).size - statSync(resolve(ROOT, 'dist/atlas.json')).size) / 1e6;
  console.info(`single file: ${(statSync(FILE).size / 1e6).toFixed(2)} MB, of which the app ${measured.toFixed(2)} MB; README says ${stated![1]} MB`);
  expect(Math.abs(measured - Number(stated![1])) / measured).toBeLessThan(0.05);
});
