/**
 * Issue 14 item 9, the Chinese reader: in 中文 the source panel shows our
 * Chinese description marked as our translation, dates are written the
 * Chinese way (never mm/dd/yyyy), the timeline takes dates typed in Chinese,
 * and searching 老挝 finds the features whose names say Laos. Facts come from
 * the data, not from fixed ids.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { formatDate } from '../../src/lib/format.ts';
import { loadAtlas } from './atlasData.ts';
import { baseURL, gotoApp, hostileURL, launch, openPage, SCREENSHOT_DIR, screenshot, waitForIdle, downloadBytes } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const US_DATE = /\b\d{1,2}\/\d{1,2}\/\d{4}\b|mm\/dd\/yyyy/i;

test('中文: the panel shows our Chinese description with the translation mark, and the documents’ dates in Chinese', async () => {
  const atlas = loadAtlas();
  // A port or other point with our translation, cited by a document with a full date.
  const documents = new Map(atlas.documents.map((d) => [d.id, d]));
  const f = atlas.features.find((x) => x.geometry.type === 'Point' && x.properties.description_zh && x.properties.citations.some((c) => documents.get(c.document)!.date.length === 10))!;
  expect(f, 'a feature with a Chinese description').toBeTruthy();
  const [lng, lat] = (f.geometry as GeoJSON.Point).coordinates;
  const w = await openPage(browser);
  await gotoApp(w.page, `#map=7/${lat}/${lng}&feature=${f.id}&lang=zh`);
  const panel = w.page.locator('aside[aria-label="Source"]');
  await panel.waitFor();
  const description = panel.locator('[data-testid="description"]');
  expect(await description.textContent()).toContain(f.properties.description_zh);
  expect(await description.getAttribute('lang')).toBe('zh-Hans');
  expect(await panel.locator('[data-testid="translation-mark"]').textContent()).toContain('本站译文');
  const text = (await panel.textContent())!;
  const doc = f.properties.citations.map((c) => documents.get(c.document)!).find((d) => d.date.length === 10)!;
  expect(text).toContain(formatDate(doc.date, 'zh'));
  expect(formatDate(doc.date, 'zh')).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  expect(text).not.toMatch(US_DATE);
  await screenshot(w.page, 'zh-panel');

  // The documents list dates the agreements in Chinese too.
  await w.page.getByRole('tab', { name: '文件' }).click();
  const list = (await w.page.locator('.side').textContent())!;
  for (const d of atlas.documents) expect(list).toContain(formatDate(d.date, 'zh'));
  for (const d of atlas.documents.filter((x) => x.date.length > 4)) expect(list).not.toContain(formatDate(d.date, 'en'));
  expect(list).not.toMatch(US_DATE);
  expect(w.errors).toEqual([]);
});

test('中文: a feature without our translation shows its English description and says so (users’ own features)', async () => {
  // The fixture atlas's features have no description_zh.
  const w = await openPage(browser, { base: hostileURL() });
  await gotoApp(w.page, '#map=6/30.6/114.5&feature=poisoned-route&lang=zh', '', hostileURL());
  const panel = w.page.locator('aside[aria-label="Source"]');
  await panel.waitFor();
  expect(await panel.locator('[data-testid="description"]').getAttribute('lang')).toBe('en');
  expect(await panel.locator('[data-testid="description"]').textContent()).toContain('A route.');
  expect(await panel.locator('[data-testid="translation-mark"]').count()).toBe(0);
  expect(await panel.locator('[data-testid="translation-missing"]').textContent()).toContain('暂无中文译文');
  expect(w.errors).toEqual([]);
});

test('中文: searching 老挝 finds the features named after Laos; choosing one opens it', async () => {
  const atlas = loadAtlas();
  const laos = atlas.features.filter((f) => /\bLaos\b/.test(f.properties.name)).map((f) => f.id);
  expect(laos.length, 'the atlas names Laos').toBeGreaterThan(0);
  const w = await openPage(browser);
  await gotoApp(w.page, '#lang=zh');
  const box = w.page.getByRole('combobox');
  await box.fill('老挝');
  const options = w.page.locator('[role="listbox"] [role="option"][data-feature-id]');
  await options.first().waitFor();
  const found = await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-feature-id')!));
  for (const id of laos) expect(found, `${id} is found by 老挝`).toContain(id);
  expect(laos).toContain(found[0]);
  await screenshot(w.page, 'zh-search-laos');
  await box.press('Enter');
  await w.page.waitForSelector(`aside[aria-label="Source"][data-feature-id="${found[0]}"]`);
  await waitForIdle(w.page);
  await screenshot(w.page, 'zh-search-laos-chosen');
  expect(w.errors).toEqual([]);
});

test('中文: the timeline’s date fields show and take dates the Chinese way', async () => {
  const atlas = loadAtlas();
  const years = atlas.documents.map((d) => Number(d.date.slice(0, 4))).sort((a, b) => a - b);
  const from = `${years[0] + 1}年1月1日`;
  const w = await openPage(browser);
  await gotoApp(w.page, '#lang=zh');
  const field = w.page.locator('input[name="range-from"]');
  expect(await field.getAttribute('type')).toBe('text');
  await field.fill(from);
  await field.press('Enter');
  await w.page.waitForFunction((y) => location.hash.includes(`from=${y}-01-01`), years[0] + 1);
  expect(await field.inputValue()).toBe(`${years[0] + 1}-01-01`);
  const timeline = (await w.page.locator('section.timeline').textContent())!;
  expect(timeline).toContain(`${years[0] + 1}年1月1日`);
  expect(timeline).not.toMatch(US_DATE);
  await screenshot(w.page, 'zh-timeline');
  expect(w.errors).toEqual([]);
});

test('中文: the figure PDF sets Chinese lines as images in place and keeps the rest vector text', async () => {
  const w = await openPage(browser);
  await gotoApp(w.page, '#map=5.6/30.4/113.2&lang=zh');
  await w.page.getByRole('button', { name: '分享' }).click();
  await w.page.waitForSelector('[data-export="pdf"]:not([disabled])');
  const title = (await w.page.inputValue('input[name="figure-title"]'))!;
  expect(title).toMatch(/[\u4e00-\u9fff]/);
  const [dl] = await Promise.all([w.page.waitForEvent('download', { timeout: 200_000 }), w.page.click('[data-export="pdf"]')]);
  const bytes = await downloadBytes(dl);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(resolve(SCREENSHOT_DIR, 'figure-zh.pdf'), bytes);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const page = await doc.getPage(1);
  const ops = await page.getOperatorList();
  expect(ops.fnArray.filter((fn) => fn === pdfjs.OPS.paintImageXObject).length, 'Chinese lines as images').toBeGreaterThan(0);
  expect(ops.fnArray.filter((fn) => fn === pdfjs.OPS.constructPath).length, 'the map as vector paths').toBeGreaterThan(50);
  const text = (await page.getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join(' ');
  // The note numbers and the permalink stay text.
  expect(text).toContain('[1]');
  expect(text).toContain('#map=5.6/30.4/113.2'); // the permalink, a Latin line, stays text
  expect((await doc.getMetadata()).info).toMatchObject({ Title: title });
  expect(w.errors).toEqual([]);
}, 240_000);

test('中文: a notice about an unknown value in the link is in Chinese, and switching language rewords it', async () => {
  const w = await openPage(browser);
  await gotoApp(w.page, '#map=4/30/108&modes=bus&lang=zh');
  const notice = w.page.getByRole('status');
  await expect.poll(() => notice.textContent()).toContain('“bus”');
  const text = (await notice.textContent())!;
  expect(text).toMatch(/[\u4e00-\u9fff]/);
  expect(text).not.toMatch(/Ignored|unknown|value/);
  expect(await notice.locator('div').first().getAttribute('lang')).toBe('zh-Hans');
  await screenshot(w.page, 'zh-notice-unknown-value');
  // The same notice, in English, once the reader switches.
  await w.page.getByRole('button', { name: 'Switch language to English' }).click();
  await expect.poll(() => notice.textContent()).toMatch(/Ignored unknown modes value "bus"/);
  expect(w.errors).toEqual([]);
});

test('中文: the error screen (here a truncated atlas.json) speaks Chinese, keeping only technical details in English', async () => {
  const w = await openPage(browser);
  await w.page.route('**/atlas.json*', async (route) => {
    const body = await (await route.fetch()).text();
    await route.fulfill({ status: 200, contentType: 'application/json', body: body.slice(0, Math.floor(body.length / 2)) });
  });
  await w.page.goto(`${baseURL()}#lang=zh`);
  const screen = w.page.locator('main.error-screen');
  await screen.waitFor({ timeout: 30_000 });
  expect(await screen.getAttribute('lang')).toBe('zh-Hans');
  const headings = await screen.locator('h1, h2').allTextContents();
  expect(headings.length).toBeGreaterThanOrEqual(3);
  for (const h of headings) expect(h).toMatch(/^[^A-Za-z]*[\u4e00-\u9fff][^A-Za-z]*$/);
  expect(await w.page.getByRole('alert').textContent()).toMatch(/不是有效的 JSON/);
  // Everything but code, file names and the marked English details is Chinese.
  const prose = await screen.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('code, [lang="en"]').forEach((n) => n.remove());
    return copy.textContent!;
  });
  expect(prose.replace(/JSON|npm|dist|Not Found/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  expect(await screen.locator('ul.details').textContent()).toMatch(/文件长 [\d,]+ 个字符/);
  await screenshot(w.page, 'zh-error-screen');
  expect(w.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
});

test('中文: every name, tooltip and placeholder of the interface is Chinese (panel, document, legend, timeline, share dialog, map controls)', async () => {
  const atlas = loadAtlas();
  const f = atlas.features.find((x) => x.geometry.type === 'Point' && x.properties.description_zh)!;
  const [lng, lat] = (f.geometry as GeoJSON.Point).coordinates;
  const w = await openPage(browser);
  await gotoApp(w.page, `#map=7/${lat}/${lng}&feature=${f.id}&doc=${f.properties.citations[0].document}&lang=zh`);
  await w.page.locator('aside[aria-label="Source"]').waitFor();
  await w.page.locator('section[aria-label="Document"]').waitFor();
  /** Names, tooltips and placeholders the reader meets: attributes of visible elements, and accessible names given by aria-labelledby. */
  const uiWords = () =>
    w.page.evaluate(() => {
      const out: { what: string; text: string }[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('[aria-label], [title], [placeholder], [aria-labelledby]')) {
        if (el.closest('[hidden]') || el.closest('svg title')) continue;
        const named = el.getAttribute('aria-labelledby');
        if (named) {
          const text = named.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
          out.push({ what: `${el.tagName} name`, text });
        } else if (el.hasAttribute('aria-label')) out.push({ what: `${el.tagName} aria-label`, text: el.getAttribute('aria-label')! });
        if (el.hasAttribute('title') && !(el instanceof SVGElement)) out.push({ what: `${el.tagName} title`, text: el.getAttribute('title')! });
        if (el.hasAttribute('placeholder')) out.push({ what: `${el.tagName} placeholder`, text: el.getAttribute('placeholder')! });
      }
      return out;
    });
  // The switch to English is labelled in English on purpose; a URL's example host is not a word.
  const english = (x: { text: string }) => !/[\u4e00-\u9fff]/.test(x.text) && !/^(English — )?Switch language to English$|^English$|^https:\/\/your-site\.example$/.test(x.text) && /[A-Za-z]{3,}/.test(x.text);
  const names = new Set(atlas.features.flatMap((x) => [x.properties.name, x.properties.name_zh ?? '']));
  const notData = (x: { text: string }) => !names.has(x.text);
  const main = await uiWords();
  expect(main.length).toBeGreaterThan(10);
  expect(main.filter(english).filter(notData)).toEqual([]);
  await screenshot(w.page, 'zh-sweep-panel-document');

  // The share dialog with its figure and embed sections.
  await w.page.getByRole('button', { name: '分享' }).click();
  await w.page.getByRole('dialog').waitFor();
  await w.page.waitForSelector('[data-export="png-1"]:not([disabled])');
  expect((await uiWords()).filter(english).filter(notData)).toEqual([]);
  expect(await w.page.getByRole('dialog').textContent()).toMatch(/[\u4e00-\u9fff]/);
  await screenshot(w.page, 'zh-sweep-share');
  expect(w.errors).toEqual([]);
});
