/** Paragraph ranges of a document body, and the passage segments used to render marks. */
import type { Paragraph } from './types.ts';

/** Paragraphs are separated by one or more blank lines. Ranges exclude the separating whitespace. */
export function splitParagraphs(body: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /\n[ \t]*\n\s*/g;
  let start = 0;
  let m: RegExpExecArray | null;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(body[s])) s++;
    while (e > s && /\s/.test(body[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  while ((m = re.exec(body))) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, body.length);
  return out;
}

/** The paragraph that contains `offset`, or the nearest one before it. */
export function paragraphAt(paragraphs: Paragraph[], offset: number): Paragraph | undefined {
  let best: Paragraph | undefined;
  for (const p of paragraphs) {
    if (p.start <= offset) best = p;
    if (offset < p.end) break;
  }
  return best;
}

export interface Highlight {
  start: number;
  end: number;
  featureId: string;
}

export interface Segment {
  text: string;
  start: number;
  end: number;
  /** Features whose cited passages cover this segment; empty for plain text. */
  featureIds: string[];
}

/**
 * Cut `text` (which begins at `offset` in the body) into plain and highlighted
 * segments. Overlapping highlights are split at every boundary so each segment
 * knows every feature it supports.
 */
export function segmentText(text: string, offset: number, highlights: Highlight[]): Segment[] {
  const end = offset + text.length;
  const inRange = highlights.filter((h) => h.end > offset && h.start < end);
  const cuts = new Set<number>([offset, end]);
  for (const h of inRange) {
    cuts.add(Math.max(offset, h.start));
    cuts.add(Math.min(end, h.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const s = points[i];
    const e = points[i + 1];
    const ids = [...new Set(inRange.filter((h) => h.start <= s && h.end >= e).map((h) => h.featureId))];
    const prev = segments[segments.length - 1];
    if (prev && prev.featureIds.join() === ids.join()) {
      prev.text += text.slice(s - offset, e - offset);
      prev.end = e;
    } else {
      segments.push({ text: text.slice(s - offset, e - offset), start: s, end: e, featureIds: ids });
    }
  }
  return segments;
}
