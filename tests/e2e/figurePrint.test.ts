/**
 * Figures a report can print (issue 19): exported through Share at the first
 * view and at regional and city zooms over the densest part of the atlas,
 * 16:9 and A4 portrait, English and Chinese — in SVG, PNG and PDF. Measured
 * in Chromium (SVG laid out in the page) and read back from the PDF with
 * pdf.js: no map label is printed over another, no leader runs across a
 * label, every key letter on the map is listed, and every note number a
 * label cites is printed on the figure itself.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pngSize } from '../../src/lib/export/pngText.ts';
import { densestPoint } from './atlasData.ts';
import { gotoApp, launch, openPage, SCREENSHOT_DIR, type WatchedPage, downloadBytes } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const [LNG, LAT] = densestPoint();
const VIEWS = [
  ['first-view', ''],
  ['regional', `#map=4.3/${LAT}/${LNG}`],
  ['city', `#map=7.4/${LAT}/${LNG}`],
] as const;

async function openShare(w: WatchedPage, hash: string): Promise<void> {
  await gotoApp(w.page, hash);
  await w.page.locator('button.share').click();
  await w.page.getByRole('dialog').waitFor();
  await w.page.waitForSelector('[data-export="svg"]:not([disabled])');
}

async function download(page: Page, exportId: string, name: string): Promise<Buffer> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click(`[data-export="${exportId}"]`)]);
  const bytes = await downloadBytes(dl);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(resolve(SCREENSHOT_DIR, name), bytes);
  return bytes;
}

/** "[1, 3–5]" at the end of a label → 1, 3, 4, 5. */
export function citedNumbers(text: string): number[] {
  const m = /\[([\d,\s–-]+)\]$/.exec(text.trim());
  if (!m) return [];
  return m[1].split(',').flatMap((part) => {
    const [a, b] = part.trim().split(/[–-]/).map(Number);
    return b ? Array.from({ length: b - a + 1 }, (_, i) => a + i) : [a];
  });
}

interface Measured {
  width: number;
  height: number;
  /** Atlas labels and key letters on the map, with boxes in figure pixels. */
  labels: { text: string; cls: string; box: { x0: number; y0: number; x1: number; y1: number } }[];
  names: { text: string; box: { x0: number; y0: number; x1: number; y1: number } }[];
  leaders: { x1: number; y1: number; x2: number; y2: number; label: string }[];
  /** Every text outside the map: legend, keys listed, notes. */
  outside: string[];
}

/** The SVG laid out in the page at its own size, each text measured by the browser in the font it is set in. */
async function measure(page: Page, svg: string): Promise<Measured> {
  return page.evaluate((text) => {
    const host = document.createElement('div');
    host.style.cssText = 'position:absolute;left:0;top:0';
    host.innerHTML = text.replace(/^<\?xml[^>]*>/, '');
    document.body.append(host);
    const root = host.querySelector('svg')!;
    root.setAttribute('width', root.viewBox.baseVal.width + '');
    root.setAttribute('height', root.viewBox.baseVal.height + '');
    const origin = root.getBoundingClientRect();
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x0: r.left - origin.left, y0: r.top - origin.top, x1: r.right - origin.left, y1: r.bottom - origin.top };
    };
    const map = root.querySelector('g.map')!;
    const labels = [...map.querySelectorAll('g.labels text')].map((t) => ({ text: t.textContent ?? '', cls: t.getAttribute('class') ?? '', box: box(t) }));
    const names = [...map.querySelectorAll('g.names text')].map((t) => ({ text: t.textContent ?? '', box: box(t) }));
    const [mx, my] = (map.getAttribute('transform') ?? '').match(/[\d.]+/g)!.map(Number);
    const leaders = [...map.querySelectorAll('g.labels line.leader')].map((l) => ({
      x1: +l.getAttribute('x1')! + mx,
      y1: +l.getAttribute('y1')! + my,
      x2: +l.getAttribute('x2')! + mx,
      y2: +l.getAttribute('y2')! + my,
      label: l.nextElementSibling?.textContent ?? '',
    }));
    const outside = [...root.querySelectorAll('text')].filter((t) => !map.contains(t)).map((t) => t.textContent ?? '');
    const out = { width: root.viewBox.baseVal.width, height: root.viewBox.baseVal.height, labels, names, leaders, outside };
    host.remove();
    return out;
  }, svg);
}

type Box = { x0: number; y0: number; x1: number; y1: number };
/** Overlap beyond half a pixel: glyph boxes of neighbours may touch, not cover. */
const overprint = (a: Box, b: Box) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5;

function crosses(l: { x1: number; y1: number; x2: number; y2: number }, b: Box): boolean {
  // Sample the segment: a leader is short, 40 steps are sub-pixel.
  for (let i = 1; i < 40; i++) {
    const x = l.x1 + ((l.x2 - l.x1) * i) / 40;
    const y = l.y1 + ((l.y2 - l.y1) * i) / 40;
    if (x > b.x0 + 0.5 && x < b.x1 - 0.5 && y > b.y0 + 0.5 && y < b.y1 - 0.5) return true;
  }
  return false;
}

function expectPrintable(m: Measured, what: string): number[] {
  const all = [...m.labels.map((l) => ({ text: l.text, box: l.box })), ...m.names];
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++) expect(overprint(all[i].box, all[j].box), `${what}: “${all[i].text}” over “${all[j].text}”`).toBe(false);
  for (const l of m.leaders) for (const t of all) if (t.text !== l.label) expect(crosses(l, t.box), `${what}: the leader of “${l.label}” across “${t.text}”`).toBe(false);
  // Every key letter on the map is listed beside the legend.
  for (const k of m.labels.filter((l) => l.cls === 'key')) expect(m.outside, `${what}: key ${k.text} listed`).toContain(k.text);
  // Every note number cited on the map (labels, and the names listed under the keys) is printed as a note.
  const printed = new Set(m.outside.filter((t) => /^\[\d+\]$/.test(t)).map((t) => Number(t.slice(1, -1))));
  const cited = [...new Set([...m.labels.map((l) => l.text), ...m.outside].flatMap(citedNumbers))];
  for (const n of cited) expect(printed.has(n), `${what}: note [${n}] is cited but not printed`).toBe(true);
  return cited;
}

describe('SVG and PNG figures print what they cite, and nothing overprints', () => {
  for (const lang of ['en', 'zh'] as const) {
    for (const [name, hash] of VIEWS) {
      test(`${name} (${lang}): 16:9 and A4 portrait`, async () => {
        const w = await openPage(browser);
        await openShare(w, `${hash || '#'}${lang === 'zh' ? `${hash ? '&' : ''}lang=zh` : ''}`);
        for (const aspect of ['16:9', 'a4-portrait']) {
          await w.page.check(`input[name="figure-aspect"][value="${aspect}"]`);
          const file = `print-${name}-${lang}-${aspect.replace(':', 'x')}`;
          const svg = (await download(w.page, 'svg', `${file}.svg`)).toString('utf8');
          const m = await measure(w.page, svg);
          const cited = expectPrintable(m, `${file}.svg`);
          expect(m.labels.length, `${file}: the map is labelled`).toBeGreaterThan(0);
          if (name === 'city') expect(cited.length, `${file}: labels carry note numbers`).toBeGreaterThan(0);
          if (lang === 'en' && name !== 'regional') {
            // The PNG is the same figure, the same size.
            const png = await download(w.page, 'png-1', `${file}.png`);
            expect(pngSize(png)).toEqual({ width: m.width, height: m.height });
          }
        }
        expect(w.errors).toEqual([]);
        expect(w.offOrigin).toEqual([]);
        await w.page.context().close();
      }, 240_000);
    }
  }
});

describe('PDF figures: laid out in the PDF’s own font, every cited note printed', () => {
  for (const [name, hash] of VIEWS.filter(([n]) => n !== 'regional')) {
    test(`${name}: 16:9 and A4 portrait`, async () => {
      const w = await openPage(browser);
      await openShare(w, hash);
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      for (const aspect of ['16:9', 'a4-portrait']) {
        await w.page.check(`input[name="figure-aspect"][value="${aspect}"]`);
        const file = `print-${name}-${aspect.replace(':', 'x')}.pdf`;
        const bytes = await download(w.page, 'pdf', file);
        const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
        type Item = { str: string; x: number; y: number; w: number; h: number };
        const pages: Item[][] = [];
        for (let i = 1; i <= doc.numPages; i++) {
          const content = await (await doc.getPage(i)).getTextContent();
          pages.push(content.items.flatMap((it) => ('str' in it && it.str.trim() ? [{ str: it.str, x: it.transform[4], y: it.transform[5], w: it.width, h: it.height }] : [])));
        }
        const all = pages.flat();
        // Labels on the first page carry note numbers; each is printed as a note somewhere in the PDF.
        // A note begins with its number (pdf.js may join the number and the note's first words into one item).
        const printed = new Set(all.flatMap((i) => /^\[(\d+)\](\s|$)/.exec(i.str.trim())?.[1] ?? []).map(Number));
        const cited = [...new Set(pages[0].flatMap((i) => citedNumbers(i.str)))];
        for (const n of cited) expect(printed.has(n), `${file}: note [${n}] is cited but not printed`).toBe(true);
        // No two labels overprint on the figure page (each label's halo is a copy in the same place: one box per place).
        const distinct = new Map<string, Item>();
        for (const i of pages[0].filter((x) => x.h < 14)) distinct.set(`${i.str}@${i.x.toFixed(0)},${i.y.toFixed(0)}`, i);
        const boxes = [...distinct.values()].map((i) => ({ str: i.str, box: { x0: i.x, y0: i.y - i.h * 0.25, x1: i.x + i.w, y1: i.y + i.h * 0.8 } }));
        for (let a = 0; a < boxes.length; a++)
          for (let b = a + 1; b < boxes.length; b++) {
            if (boxes[a].str === boxes[b].str && Math.abs(boxes[a].box.x0 - boxes[b].box.x0) < 1.5 && Math.abs(boxes[a].box.y0 - boxes[b].box.y0) < 1.5) continue;
            expect(overprint(boxes[a].box, boxes[b].box), `${file}: “${boxes[a].str}” over “${boxes[b].str}”`).toBe(false);
          }
      }
      expect(w.errors).toEqual([]);
      await w.page.context().close();
    }, 300_000);
  }
});
