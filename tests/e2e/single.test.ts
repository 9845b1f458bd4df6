/**
 * Issue 5, single file: dist-single/index.html (npm run build:single) opens
 * from file:// and works fully — map, source panel, document — with no
 * request other than the file itself and data:/blob: URLs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { feature } from './atlasData.ts';
import { launch, screenshot } from './harness.ts';

const FILE = resolve(import.meta.dirname, '../../dist-single/index.html');

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
  expect(readFileSync((await svg.path())!, 'utf8')).toMatch(/<path class="corridor" data-feature-id=/);
  const [png] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-export="png-1"]')]);
  expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
  // The PDF library is part of the file, so a PDF works offline too.
  const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.click('[data-export="pdf"]')]);
  expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');

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
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter((m) => !/\bsrc=/.test(m[1]));
  expect(inline.length).toBeGreaterThan(0);
  const hashes = inline.map((m) => `'sha256-${createHash('sha256').update(m[2]).digest('base64')}'`);
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
