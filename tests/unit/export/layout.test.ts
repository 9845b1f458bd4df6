import { describe, expect, test } from 'vitest';
import { layoutFigure, wrapText, type Font } from '../../../src/lib/export/layout.ts';
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

describe('layoutFigure', () => {
  const base = {
    width: 600,
    mapHeight: 400,
    title: 'Title',
    subtitle: 'Sub',
    legendTitle: 'Legend',
    legend: [{ kind: 'line' as const, mode: 'rail' as const, color: '#c2410c', label: 'Rail' }],
    notesTitle: 'Sources',
    notes: [
      { n: 1, text: 'A short note' },
      { n: 2, text: 'A much longer note '.repeat(10) },
    ],
    attribution: ['Natural Earth', 'https://example.org/#map=4/30/108'],
  };
  test('the map keeps the view size, below the title', () => {
    const l = layoutFigure(base, measure);
    expect(l.map).toMatchObject({ x: 0, width: 600, height: 400 });
    expect(l.map.y).toBeGreaterThan(30);
    expect(l.texts.find((t) => t.text === 'Title')!.y).toBeLessThan(l.map.y);
  });
  test('legend, numbered notes and attribution follow the map, inside the height', () => {
    const l = layoutFigure(base, measure);
    const below = l.texts.filter((t) => t.y > l.map.y + l.map.height).map((t) => t.text);
    expect(below).toContain('Legend');
    expect(below).toContain('[1]');
    expect(below).toContain('[2]');
    expect(below).toContain('Natural Earth');
    expect(l.swatches).toHaveLength(1);
    for (const t of l.texts) {
      expect(t.y).toBeLessThanOrEqual(l.height);
      expect(t.x + measure(t.text, t.font)).toBeLessThanOrEqual(600);
    }
  });
  test('more notes make a taller figure', () => {
    const a = layoutFigure(base, measure).height;
    const b = layoutFigure({ ...base, notes: [...base.notes, { n: 3, text: 'Three' }] }, measure).height;
    expect(b).toBeGreaterThan(a);
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
