/**
 * Figure layout in CSS pixels, for a figure of a size the reader chose:
 * title and caption on top, attribution at the foot, and between them the map
 * beside a column of legend and numbered sources (landscape) or above a band
 * of them (square and portrait). Notes shrink (down to 72%) to fit; notes that
 * still do not fit are left out and a closing line says which. Positioned
 * once and drawn three times (PNG, SVG, PDF). Pure: text is measured by a
 * function the caller provides.
 */
import type { LegendItem } from './legend.ts';

export { FONT_FAMILY } from '../cartography/labels.ts';

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

export interface FigureNote {
  n: number;
  /** Already worded; drawn after a hanging "[n]". */
  text: string;
  /** The document: a new group gets a heading line. */
  group?: string;
}

export interface FigureInput {
  /** The figure's size, fixed by its aspect. */
  width: number;
  height: number;
  title: string;
  /** The caption under the title (may be empty). */
  caption: string;
  legendTitle: string;
  legend: LegendItem[];
  notesTitle: string;
  notes: FigureNote[];
  /** Attribution paragraphs (basemap, documents, permalink). */
  attribution: string[];
  /** The closing line when notes `first`–`last` do not fit here and continue below the figure (`below`) or on the next page (`next-page`). */
  notesLeftOut: (first: number, last: number, where: Overflow) => string;
}

/** Where notes that do not fit go: the figure grows below (PNG, SVG) or they continue on further pages (PDF). */
export type Overflow = 'below' | 'next-page';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FigureLayout {
  width: number;
  height: number;
  map: Box;
  texts: TextLine[];
  /** Legend swatches: the top-left corner of a 28×14 box. */
  swatches: { item: LegendItem; x: number; y: number }[];
  /** Thin separators. */
  rules: { x0: number; x1: number; y: number }[];
  /** Numbers of the notes drawn (all of them unless some did not fit). */
  notesShown: number[];
  /** How much the legend and notes were shrunk to fit (1 = not at all). */
  noteScale: number;
  /** The figure's own height before notes continued below it (equal to `height` when none did). */
  frameHeight: number;
}

export const FONTS = {
  title: { size: 18, weight: 700 },
  caption: { size: 12, weight: 400 },
  heading: { size: 12.5, weight: 700 },
  legend: { size: 12, weight: 400 },
  note: { size: 11.5, weight: 400 },
  noteNumber: { size: 11.5, weight: 700 },
  noteGroup: { size: 11.5, weight: 600 },
  attribution: { size: 10, weight: 400 },
} satisfies Record<string, Font>;

const MARGIN = 18;
const GAP = 16;
const SWATCH_W = 28;
/** Scales tried, largest first, for the legend and notes. */
const NOTE_SCALES = [1, 0.92, 0.85, 0.78, 0.72];
/** In square and portrait figures the map keeps at least this share of the body. */
const MIN_MAP_SHARE = 0.5;
const COLORS = { text: '#111827', muted: '#4b5563' };
/** The figure's page: paper, the map's frame, thin separators. */
export const FIGURE_INKS = { paper: '#ffffff', frame: '#9ca3af', rule: '#e5e7eb' } as const;

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

export const lineHeight = (f: Font) => Math.round(f.size * 1.4 * 10) / 10;
const scaled = (f: Font, k: number): Font => ({ size: Math.round(f.size * k * 100) / 100, weight: f.weight });
/** Baseline offset from the top of a line box. */
const baseline = (f: Font) => lineHeight(f) - Math.round(f.size * 0.35 * 10) / 10;

/** Lines of text set in a column, top to bottom, relative to the block's top-left corner. */
interface Block {
  height: number;
  texts: TextLine[];
  swatches: FigureLayout['swatches'];
  /** The note's number, for blocks that are notes. */
  n?: number;
}

function paragraph(text: string, font: Font, color: string, width: number, measure: Measure, dx = 0): Block {
  const lines = wrapText(text, width - dx, font, measure);
  const lh = lineHeight(font);
  return { height: lines.length * lh, swatches: [], texts: lines.map((line, i) => ({ x: dx, y: i * lh + baseline(font), text: line, font, color })) };
}

function stack(blocks: Block[], spacing = 0): Block {
  const out: Block = { height: 0, texts: [], swatches: [] };
  for (const b of blocks) {
    if (out.texts.length || out.swatches.length) out.height += spacing;
    out.texts.push(...b.texts.map((t) => ({ ...t, y: t.y + out.height })));
    out.swatches.push(...b.swatches.map((s) => ({ ...s, y: s.y + out.height })));
    out.height += b.height;
  }
  return out;
}

function place(b: Block, x: number, y: number, layout: Pick<FigureLayout, 'texts' | 'swatches'>): void {
  layout.texts.push(...b.texts.map((t) => ({ ...t, x: t.x + x, y: t.y + y })));
  layout.swatches.push(...b.swatches.map((s) => ({ ...s, x: s.x + x, y: s.y + y })));
}

/** Legend entries flowing left to right within `width`. */
function legendBlock(input: FigureInput, width: number, k: number, measure: Measure): Block {
  if (!input.legend.length) return { height: 0, texts: [], swatches: [] };
  const font = scaled(FONTS.legend, k);
  const head = paragraph(input.legendTitle, scaled(FONTS.heading, k), COLORS.text, width, measure);
  const rowH = Math.max(18, lineHeight(font) + 2);
  const body: Block = { height: rowH, texts: [], swatches: [] };
  let x = 0;
  let top = 0;
  // Key letters: one whole, wrapped entry each (the name carries its note numbers), under the symbols.
  const keyed = input.legend.filter((item) => item.kind === 'key').map((item) => {
    const entry = paragraph(item.label, font, COLORS.text, width, measure, SWATCH_W + 6);
    entry.swatches.push({ item, x: 0, y: Math.max(0, (lineHeight(font) - 14) / 2) });
    return entry;
  });
  for (const item of input.legend.filter((i) => i.kind !== 'key')) {
    const labelW = Math.min(measure(item.label, font), width - SWATCH_W - 6);
    const w = SWATCH_W + 6 + labelW + 16;
    if (x > 0 && x + w - 16 > width) {
      x = 0;
      top += rowH;
    }
    body.swatches.push({ item, x, y: top + (rowH - 14) / 2 });
    const [label] = wrapText(item.label, width - SWATCH_W - 6, font, measure);
    body.texts.push({ x: x + SWATCH_W + 6, y: top + rowH / 2 + font.size * 0.35, text: label ?? '', font, color: COLORS.text });
    x += w;
  }
  body.height = top + rowH;
  return stack([head, body, ...keyed], 4);
}

/** One block per note (with its document heading when the group changes). */
function noteBlocks(input: FigureInput, width: number, k: number, measure: Measure): Block[] {
  const font = scaled(FONTS.note, k);
  const numberFont = scaled(FONTS.noteNumber, k);
  const indent = measure(`[${Math.max(0, ...input.notes.map((n) => n.n))}]`, numberFont) + 6;
  let group: string | undefined;
  return input.notes.map((note) => {
    const parts: Block[] = [];
    if (note.group && note.group !== group) {
      const heading = paragraph(note.group, scaled(FONTS.noteGroup, k), COLORS.text, width, measure);
      parts.push({ ...heading, height: heading.height + 2 });
      group = note.group;
    }
    const text = paragraph(note.text, font, COLORS.text, width, measure, indent);
    text.texts.push({ x: 0, y: baseline(font), text: `[${note.n}]`, font: numberFont, color: COLORS.text });
    parts.push(text);
    return { ...stack(parts), n: note.n };
  });
}

interface Column {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Legend, notes heading and notes poured into columns in order. Returns the
 * height used in the tallest column and the notes placed; with `truncate`,
 * notes that do not fit are dropped and a closing line names them.
 */
function pour(input: FigureInput, columns: Column[], k: number, measure: Measure, legendWidth: number, truncate: Overflow | false, out: FigureLayout): { fits: boolean; used: number } {
  const legend = legendBlock(input, legendWidth, k, measure);
  const width = columns[0].width;
  const heading = input.notes.length ? paragraph(input.notesTitle, scaled(FONTS.heading, k), COLORS.text, width, measure) : null;
  const notes = noteBlocks(input, width, k, measure);
  const spacing = 3 * k;
  // The legend spans all columns (its width); the notes begin under it.
  place(legend, columns[0].x, columns[0].y, out);
  const legendH = legend.height ? legend.height + 10 : 0;
  const cols = columns.map((c, i) => ({ ...c, y: c.y + legendH, height: c.height - legendH, used: 0, index: i }));
  if (cols.some((c) => c.height < 0)) return { fits: false, used: Infinity };
  const items: Block[] = [...(heading ? [{ ...heading, height: heading.height + 2 }] : []), ...notes];
  // Balance: fill each column up to an even share of the total, never past its height.
  const total = items.reduce((s, b) => s + b.height + spacing, 0);
  const share = total / cols.length;
  let c = 0;
  const closing = (first: number, last: number) => paragraph(input.notesLeftOut(first, last, truncate || 'below'), { ...scaled(FONTS.note, k), weight: 600 }, COLORS.muted, width, measure);
  for (let i = 0; i < items.length; i++) {
    const b = items[i];
    let col = cols[c];
    const isLastColumn = c === cols.length - 1;
    if (col.used > 0 && col.used + b.height > (isLastColumn ? col.height : Math.min(col.height, share + b.height / 2)) && !isLastColumn) {
      c++;
      col = cols[c];
    }
    // Room for this block, and, when truncating, for the closing line should the next block not fit.
    const rest = items.slice(i + 1).filter((x) => x.n !== undefined);
    const reserve = truncate && rest.length ? closing(rest[0].n!, rest.at(-1)!.n!).height + spacing : 0;
    if (col.used + b.height > col.height || (truncate && col.used + b.height + reserve > col.height && c === cols.length - 1)) {
      if (!truncate) return { fits: false, used: Infinity };
      const left = items.slice(i).filter((x) => x.n !== undefined);
      if (left.length) {
        const line = closing(left[0].n!, left.at(-1)!.n!);
        place(line, col.x, col.y + col.used, out);
        col.used += line.height;
      }
      break;
    }
    place(b, col.x, col.y + col.used, out);
    if (b.n !== undefined) out.notesShown.push(b.n);
    col.used += b.height + spacing;
  }
  return { fits: true, used: legendH + Math.max(...cols.map((x) => x.used)) };
}

function attempt(input: FigureInput, measure: Measure, k: number, truncate: Overflow | false): FigureLayout | null {
  const { width, height } = input;
  const inner = width - 2 * MARGIN;
  const out: FigureLayout = { width, height, map: { x: MARGIN, y: 0, width: inner, height: 0 }, texts: [], swatches: [], rules: [], notesShown: [], noteScale: k, frameHeight: height };
  const head = stack(
    [paragraph(input.title, FONTS.title, COLORS.text, inner, measure), ...(input.caption.trim() ? [paragraph(input.caption, FONTS.caption, COLORS.muted, inner, measure)] : [])],
    2,
  );
  place(head, MARGIN, MARGIN, out);
  const bodyTop = MARGIN + head.height + 10;
  const foot = stack(input.attribution.map((a) => paragraph(a, FONTS.attribution, COLORS.muted, inner, measure)));
  const footTop = height - MARGIN - foot.height;
  place(foot, MARGIN, footTop, out);
  out.rules.push({ x0: MARGIN, x1: width - MARGIN, y: footTop - 6 });
  const bodyBottom = footTop - 12;
  const bodyH = bodyBottom - bodyTop;
  if (bodyH < 80) return null;

  if (width / height >= 1.2) {
    // Landscape: the map on the left, a column of legend and notes on the right.
    const sideW = Math.round(inner * 0.36);
    out.map = { x: MARGIN, y: bodyTop, width: inner - sideW - GAP, height: bodyH };
    const column = { x: MARGIN + inner - sideW, y: bodyTop, width: sideW, height: bodyH };
    const { fits } = pour(input, [column], k, measure, sideW, truncate, out);
    return fits ? out : null;
  }
  // Square and portrait: the map on top, legend and notes in a band below it, in two columns when wide enough.
  const count = inner >= 700 ? 2 : 1;
  const colW = (inner - GAP * (count - 1)) / count;
  const bandMax = Math.floor(bodyH * (1 - MIN_MAP_SHARE));
  // Pour the band at its largest size to learn its height, then move it under a map that fills the rest.
  const band: FigureLayout = { ...out, texts: [], swatches: [], notesShown: [] };
  const columns = Array.from({ length: count }, (_, i) => ({ x: MARGIN + i * (colW + GAP), y: 0, width: colW, height: bandMax }));
  const poured = pour(input, columns, k, measure, inner, truncate, band);
  if (!poured.fits) return null;
  const bandH = Math.ceil(poured.used);
  const mapH = bodyH - bandH - (bandH > 0 ? GAP : 0);
  out.map = { x: MARGIN, y: bodyTop, width: inner, height: mapH };
  place({ height: bandH, texts: band.texts, swatches: band.swatches }, 0, bodyTop + mapH + GAP, out);
  out.notesShown = band.notesShown;
  return out;
}

/** Scale of the notes when some go on below the figure or on another page: smaller would not be read. */
const CONTINUED_SCALE = 0.85;

/**
 * The notes `left` below a laid-out figure: a rule, a heading and the notes
 * in columns, the figure growing by their height. Every note the map's labels
 * cite is then printed on the figure itself.
 */
function continueBelow(l: FigureLayout, input: FigureInput, left: FigureNote[], measure: Measure): FigureLayout {
  const inner = l.width - 2 * MARGIN;
  const count = inner >= 700 ? 2 : 1;
  const colW = (inner - GAP * (count - 1)) / count;
  const k = CONTINUED_SCALE;
  const blocks = noteBlocks({ ...input, notes: left }, colW, k, measure);
  const heading = paragraph(input.notesTitle, scaled(FONTS.heading, k), COLORS.text, inner, measure);
  const top = l.height + 6;
  const out: FigureLayout = { ...l, texts: [...l.texts], swatches: [...l.swatches], rules: [...l.rules, { x0: MARGIN, x1: l.width - MARGIN, y: top }], notesShown: [...l.notesShown] };
  place(heading, MARGIN, top + 10, out);
  const y0 = top + 10 + heading.height + 4;
  const total = blocks.reduce((s, b) => s + b.height + 3 * k, 0);
  const share = total / count;
  let c = 0;
  let used = 0;
  let tallest = 0;
  for (const b of blocks) {
    if (used > 0 && used + b.height / 2 > share && c < count - 1) {
      c++;
      used = 0;
    }
    place(b, MARGIN + c * (colW + GAP), y0 + used, out);
    if (b.n !== undefined) out.notesShown.push(b.n);
    used += b.height + 3 * k;
    tallest = Math.max(tallest, used);
  }
  out.height = Math.ceil(y0 + tallest + MARGIN);
  return out;
}

/**
 * Lay out a figure of `input.width` × `input.height`: every text line and
 * swatch inside the figure, none over the map. Notes that do not fit, even
 * shrunk, continue below the figure (`below`: it grows) or are left for
 * further pages (`next-page`: the PDF prints them); a closing line says so.
 */
export function layoutFigure(input: FigureInput, measure: Measure, overflow: Overflow = 'below'): FigureLayout {
  for (const k of NOTE_SCALES) {
    const l = attempt(input, measure, k, false);
    if (l) return l;
  }
  // Even the title and attribution leave no room (a tiny figure): map only, and every note below it.
  const l = attempt(input, measure, CONTINUED_SCALE, overflow) ?? attempt(input, measure, NOTE_SCALES.at(-1)!, overflow) ?? { width: input.width, height: input.height, map: { x: 0, y: 0, width: input.width, height: input.height }, texts: [], swatches: [], rules: [], notesShown: [], noteScale: 1, frameHeight: input.height };
  if (overflow === 'next-page') return l;
  const shown = new Set(l.notesShown);
  const left = input.notes.filter((n) => !shown.has(n.n));
  return left.length ? continueBelow(l, input, left, measure) : l;
}
