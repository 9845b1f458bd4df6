/**
 * Figure layout in CSS pixels: title, the map, legend, numbered sources and
 * attribution, positioned once and drawn twice (PNG on a canvas, SVG as
 * markup). Pure: text is measured by a function the caller provides.
 */
import type { LegendItem } from './legend.ts';

export const FONT_FAMILY = "'Noto Sans', 'Noto Sans CJK SC', 'DejaVu Sans', sans-serif";

export interface Font {
  size: number;
  weight: 400 | 600 | 700;
}

/** Width of `text` set in `font`, in CSS pixels. */
export type Measure = (text: string, font: Font) => number;

export interface TextLine {
  x: number;
  /** Baseline. */
  y: number;
  text: string;
  font: Font;
  color: string;
}

export interface FigureInput {
  width: number;
  mapHeight: number;
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: LegendItem[];
  notesTitle: string;
  /** Footnotes, already worded; `n` is drawn as a hanging "[n]"; a new `group` (the document) gets a heading line. */
  notes: { n: number; text: string; group?: string }[];
  /** Attribution paragraphs (basemap, documents, permalink). */
  attribution: string[];
}

export interface FigureLayout {
  width: number;
  height: number;
  map: { x: number; y: number; width: number; height: number };
  texts: TextLine[];
  /** Legend swatches: the top-left corner of a 28×14 box. */
  swatches: { item: LegendItem; x: number; y: number }[];
  /** Thin separators. */
  rules: { y: number }[];
}

export const FONTS = {
  title: { size: 18, weight: 700 },
  subtitle: { size: 12, weight: 400 },
  heading: { size: 12.5, weight: 700 },
  legend: { size: 12, weight: 400 },
  note: { size: 11.5, weight: 400 },
  noteNumber: { size: 11.5, weight: 700 },
  noteGroup: { size: 11.5, weight: 600 },
  attribution: { size: 10.5, weight: 400 },
} satisfies Record<string, Font>;

const MARGIN = 16;
const SWATCH_W = 28;
const COLORS = { text: '#111827', muted: '#4b5563' };

/** Tokens a line may break between: words with their trailing space, or single CJK characters. */
const TOKENS = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+\s*|\s+/g;

/** Greedy line breaking at spaces (and between CJK characters); over-long words are cut. */
export function wrapText(text: string, maxWidth: number, font: Font, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.match(TOKENS) ?? []) {
    if (measure((line + token).trimEnd(), font) <= maxWidth) {
      line += token;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = token.trimStart();
    while (measure(line.trimEnd(), font) > maxWidth && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && measure(line.slice(0, cut), font) > maxWidth) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

const lineHeight = (f: Font) => Math.round(f.size * 1.4);

export function layoutFigure(input: FigureInput, measure: Measure): FigureLayout {
  const { width } = input;
  const inner = width - 2 * MARGIN;
  const texts: TextLine[] = [];
  const rules: { y: number }[] = [];
  let y = MARGIN;
  const paragraph = (text: string, font: Font, color: string, x = MARGIN, w = inner) => {
    for (const line of wrapText(text, w, font, measure)) {
      y += lineHeight(font);
      texts.push({ x, y: y - Math.round(font.size * 0.35), text: line, font, color });
    }
  };

  paragraph(input.title, FONTS.title, COLORS.text);
  paragraph(input.subtitle, FONTS.subtitle, COLORS.muted);
  y += 10;
  const map = { x: 0, y, width, height: input.mapHeight };
  y += input.mapHeight + 12;

  // Legend: swatch + label, flowing left to right.
  const swatches: FigureLayout['swatches'] = [];
  if (input.legend.length) {
    paragraph(input.legendTitle, FONTS.heading, COLORS.text);
    y += 4;
    const rowH = 20;
    let x = MARGIN;
    let rowTop = y;
    for (const item of input.legend) {
      const w = SWATCH_W + 6 + measure(item.label, FONTS.legend) + 18;
      if (x > MARGIN && x + w > width - MARGIN) {
        x = MARGIN;
        rowTop += rowH;
      }
      swatches.push({ item, x, y: rowTop + 3 });
      texts.push({ x: x + SWATCH_W + 6, y: rowTop + 14, text: item.label, font: FONTS.legend, color: COLORS.text });
      x += w;
    }
    y = rowTop + rowH + 6;
  }

  // Sources: "[n]" hanging, text wrapped beside it.
  if (input.notes.length) {
    rules.push({ y: y + 2 });
    y += 6;
    paragraph(input.notesTitle, FONTS.heading, COLORS.text);
    y += 2;
    const indent = measure(`[${input.notes.length}]`, FONTS.noteNumber) + 8;
    let group: string | undefined;
    for (const note of input.notes) {
      if (note.group && note.group !== group) {
        y += 3;
        paragraph(note.group, FONTS.noteGroup, COLORS.text);
        group = note.group;
      }
      const top = y;
      paragraph(note.text, FONTS.note, COLORS.text, MARGIN + indent, inner - indent);
      texts.push({ x: MARGIN, y: top + lineHeight(FONTS.note) - Math.round(FONTS.note.size * 0.35), text: `[${note.n}]`, font: FONTS.noteNumber, color: COLORS.text });
      y += 3;
    }
  }

  rules.push({ y: y + 4 });
  y += 8;
  for (const a of input.attribution) paragraph(a, FONTS.attribution, COLORS.muted);
  y += MARGIN;
  return { width, height: Math.ceil(y), map, texts, swatches, rules };
}
