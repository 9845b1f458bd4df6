/** Positions for the document timeline. Pure: d3 scales, no DOM. */
import { scaleUtc, type ScaleTime } from 'd3';
import { dateSpan, type DateRange } from './filters.ts';
import type { AtlasDocument } from './types.ts';

export interface TimelineDoc {
  doc: AtlasDocument;
  /** Left and right of the date's span (a whole year for year-only dates). */
  x0: number;
  x1: number;
}

export const parseDay = (d: string) => new Date(`${d}T00:00:00Z`);
export const formatDay = (d: Date) => d.toISOString().slice(0, 10);

/** A time scale from the first document's year to the end of the last one's, over `width` pixels. */
export function timelineScale(docs: readonly AtlasDocument[], width: number, margin = 16): ScaleTime<number, number> {
  const years = docs.map((d) => +d.date.slice(0, 4));
  const first = years.length ? Math.min(...years) : 2015;
  const last = years.length ? Math.max(...years) : 2025;
  return scaleUtc()
    .domain([parseDay(`${first}-01-01`), parseDay(`${last + 1}-01-01`)])
    .range([margin, Math.max(margin + 1, width - margin)]);
}

export function placeDocuments(docs: readonly AtlasDocument[], x: ScaleTime<number, number>): TimelineDoc[] {
  return docs.map((doc) => {
    const s = dateSpan(doc.date);
    return { doc, x0: x(parseDay(s.from)), x1: x(parseDay(s.to)) + 1 };
  });
}

/** The date range a brush selection in pixels stands for, to whole days. */
export function rangeFromPixels(x: ScaleTime<number, number>, px0: number, px1: number): DateRange {
  return { from: formatDay(x.invert(Math.min(px0, px1))), to: formatDay(x.invert(Math.max(px0, px1))) };
}

export function yearTicks(x: ScaleTime<number, number>): { year: number; x: number }[] {
  const [a, b] = x.domain();
  const out: { year: number; x: number }[] = [];
  for (let y = a.getUTCFullYear(); y <= b.getUTCFullYear(); y++) out.push({ year: y, x: x(parseDay(`${y}-01-01`)) });
  return out;
}
