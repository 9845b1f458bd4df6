import { describe, expect, test } from 'vitest';
import { FIGURE_ASPECTS, FIGURE_SIZES } from '../../../src/lib/export/figureFormat.ts';
import { layoutFigure, wrapText, type FigureInput, type FigureLayout, type Font, type TextLine } from '../../../src/lib/export/layout.ts';
import { scaleBar, metresPerPixel } from '../../../src/lib/export/scaleBar.ts';

/** Every character is 0.5 em wide. */
const measure = (text: string, font: Font) => text.length * font.size * 0.5;
const f10: Font = { size: 10, weight: 400 };

describe('wrapText', () => {
  test('breaks at spaces within the width', () => {
    expect(wrapText('aaa bbb ccc ddd', 40, f10, measure)).toEqual(['aaa bbb', 'ccc ddd']);
  });
  test('breaks between CJK characters', () => {
    expect(wrapText('中国海关合作协议', 20, f10, measure)).toEqual(['中国海关', '合作协议']);
  });
  test('cuts a word longer than the line', () => {
    expect(wrapText('abcdefghij', 20, f10, measure)).toEqual(['abcd', 'efgh', 'ij']);
  });
  test('empty text, no lines', () => {
    expect(wrapText('', 100, f10, measure)).toEqual([]);
  });
});

const note = (n: number, words: number, group = `Document ${Math.ceil(n / 4)} — Publisher, 12 May 2022`) => ({ n, group, text: `“${'passage '.repeat(words).trim()}” → Feature ${n}` });
const input = (width: number, height: number, notes: FigureInput['notes']): FigureInput => ({
  width,
  height,
  title: 'Corridor Atlas — logistics corridors in Chinese customs cooperation agreements',
  caption: 'Zoom 5.6 · centred on 30.40° N, 113.20° E · 24 features shown · 2026-12-01',
  legendTitle: 'Legend',
  legend: [
    { kind: 'line', mode: 'rail', color: '#c2410c', label: 'Rail' },
    { kind: 'line', mode: 'river', color: '#0369a1', label: 'River' },
    { kind: 'schematic', label: 'Schematic (not the real path)' },
    { kind: 'symbol', pointKind: 'port', label: 'Port' },
    { kind: 'symbol', pointKind: 'airport', label: 'Airport' },
    { kind: 'zone', color: '#7c3aed', label: 'Zone (Customs cooperation)' },
  ],
  notesTitle: 'Sources (passages behind the features shown)',
  notes,
  attribution: ['Basemap: Natural Earth (public domain), via world-atlas. Features drawn by Corridor Atlas from the documents cited above.', 'https://example.org/#map=5.6/30.4/113.2'],
  notesLeftOut: (a, b, where) => `Sources [${a}]–[${b}] continue ${where === 'below' ? 'below' : 'on the next page'}.`,
});

type Rect = { x0: number; y0: number; x1: number; y1: number };
const textBox = (t: TextLine): Rect => ({ x0: t.x, y0: t.y - t.font.size, x1: t.x + measure(t.text, t.font), y1: t.y + t.font.size * 0.3 });
const overlap = (a: Rect, b: Rect) => a.x0 < b.x1 - 0.01 && b.x0 < a.x1 - 0.01 && a.y0 < b.y1 - 0.01 && b.y0 < a.y1 - 0.01;

/** The rules every layout keeps: all text and swatches inside the figure, none over the map, no two texts on top of each other. */
function expectClean(l: FigureLayout, width: number, height: number) {
  expect(l.width).toBe(width);
  // A figure keeps its size unless its notes continue below it; then it only grows.
  expect(l.frameHeight).toBe(height);
  expect(l.height).toBeGreaterThanOrEqual(height);
  height = l.height;
  const map = { x0: l.map.x, y0: l.map.y, x1: l.map.x + l.map.width, y1: l.map.y + l.map.height };
  expect(map.x0).toBeGreaterThanOrEqual(0);
  expect(map.x1).toBeLessThanOrEqual(width);
  expect(map.y1).toBeLessThanOrEqual(height);
  const boxes = l.texts.map(textBox);
  boxes.forEach((b, i) => {
    const what = `“${l.texts[i].text}” at ${l.texts[i].x.toFixed(0)},${l.texts[i].y.toFixed(0)}`;
    expect(b.x0, what).toBeGreaterThanOrEqual(0);
    expect(b.y0, what).toBeGreaterThanOrEqual(0);
    expect(b.x1, what).toBeLessThanOrEqual(width);
    expect(b.y1, what).toBeLessThanOrEqual(height);
    expect(overlap(b, map), `${what} is over the map`).toBe(false);
    for (let j = 0; j < i; j++) expect(overlap(b, boxes[j]), `${what} overlaps “${l.texts[j].text}”`).toBe(false);
  });
  for (const s of l.swatches) {
    const b = { x0: s.x, y0: s.y, x1: s.x + 28, y1: s.y + 14 };
    expect(b.x1).toBeLessThanOrEqual(width);
    expect(b.y1).toBeLessThanOrEqual(height);
    expect(overlap(b, map)).toBe(false);
  }
}

describe('layoutFigure at each aspect', () => {
  for (const aspect of FIGURE_ASPECTS) {
    const { width, height } = FIGURE_SIZES[aspect];
    test(`${aspect}: a few notes all fit at full size, inside the figure, with the map the largest part`, () => {
      const notes = [note(1, 12), note(2, 30), note(3, 6)];
      const l = layoutFigure(input(width, height, notes), measure);
      expectClean(l, width, height);
      expect(l.notesShown).toEqual([1, 2, 3]);
      expect(l.noteScale).toBe(1);
      expect(l.map.width * l.map.height).toBeGreaterThan(0.35 * width * height);
      const texts = l.texts.map((t) => t.text);
      for (const s of ['Legend', '[1]', '[2]', '[3]', 'https://example.org/#map=5.6/30.4/113.2']) expect(texts).toContain(s);
      expect(l.swatches).toHaveLength(6);
    });
    test(`${aspect}: sixty long notes shrink, then continue below the figure, which grows; every note is printed`, () => {
      const notes = Array.from({ length: 60 }, (_, i) => note(i + 1, 40));
      const l = layoutFigure(input(width, height, notes), measure);
      expectClean(l, width, height);
      expect(l.noteScale).toBeLessThan(1);
      expect(l.height).toBeGreaterThan(height);
      expect(l.notesShown).toEqual(notes.map((n) => n.n));
      const texts = l.texts.map((t) => t.text);
      for (const n of notes) expect(texts, `[${n.n}]`).toContain(`[${n.n}]`);
      expect(texts.join(' ')).toMatch(/Sources \[\d+\]–\[60\] continue below/);
      // Notes continued below sit under the figure's own frame, the map inside that frame.
      expect(l.map.y + l.map.height).toBeLessThanOrEqual(l.frameHeight);
      // The map keeps a real share of the figure's own frame.
      expect(l.map.height).toBeGreaterThan(0.3 * height);
    });
    test(`${aspect}: for a PDF, notes that do not fit are left to the next page, the page keeps its size`, () => {
      const notes = Array.from({ length: 60 }, (_, i) => note(i + 1, 40));
      const l = layoutFigure(input(width, height, notes), measure, 'next-page');
      expectClean(l, width, height);
      expect(l.height).toBe(height);
      expect(l.notesShown.length).toBeGreaterThan(0);
      expect(l.notesShown.length).toBeLessThan(60);
      expect(l.notesShown).toEqual(l.notesShown.map((_, i) => i + 1));
      expect(l.texts.map((t) => t.text).join(' ')).toContain(`Sources [${l.notesShown.length + 1}]–[60] continue on the next page`);
    });
  }
  test('a long title wraps within the figure instead of running off its edge', () => {
    const l = layoutFigure({ ...input(800, 800, []), title: 'A title that goes on '.repeat(8) }, measure);
    expectClean(l, 800, 800);
    expect(l.texts.filter((t) => t.font.size === 18).length).toBeGreaterThan(1);
  });
  test('landscape puts the sources beside the map; portrait puts them below', () => {
    const notes = [note(1, 12)];
    const wide = layoutFigure(input(960, 540, notes), measure);
    const one = wide.texts.find((t) => t.text === '[1]')!;
    expect(one.x).toBeGreaterThan(wide.map.x + wide.map.width);
    const tall = layoutFigure(input(794, 1123, notes), measure);
    expect(tall.texts.find((t) => t.text === '[1]')!.y).toBeGreaterThan(tall.map.y + tall.map.height);
  });
});

describe('scaleBar', () => {
  test('a round distance no longer than the maximum', () => {
    const s = scaleBar(30, 5, 100);
    expect(s.px).toBeLessThanOrEqual(100);
    expect(s.px).toBeGreaterThan(40);
    expect(s.label).toMatch(/^(1|2|5)0* km$/);
  });
  test('metres per pixel halve with each zoom level', () => {
    expect(metresPerPixel(0, 3) / metresPerPixel(0, 4)).toBeCloseTo(2);
  });
});
