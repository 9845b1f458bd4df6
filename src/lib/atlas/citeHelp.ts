/**
 * Help for writing citations (used by `npm run cite`): where a quote occurs,
 * the shortest prefixes that tell repeated occurrences apart, and — when a
 * quote does not occur — the nearest passages by edit distance. This only
 * *suggests*: the compiler still anchors exactly (whitespace folding only).
 */
import { distance } from 'fastest-levenshtein';
import { foldWhitespace } from './anchor.ts';

export interface Occurrence {
  /** [start, end) in the original body. */
  start: number;
  end: number;
}

/** Every occurrence of `quote` in `body`, matching as the compiler does (whitespace folded). */
export function occurrences(body: string, quote: string): Occurrence[] {
  const folded = foldWhitespace(body);
  const q = foldWhitespace(quote).text.trim();
  const out: Occurrence[] = [];
  if (!q) return out;
  for (let i = folded.text.indexOf(q); i !== -1; i = folded.text.indexOf(q, i + 1)) {
    out.push({ start: folded.origin[i], end: folded.origin[i + q.length - 1] + 1 });
  }
  return out;
}

/**
 * For each occurrence, the fewest whole words just before it that no other
 * occurrence shares (the `prefix` to add to the citation), or null when even
 * the whole preceding text is shared.
 */
export function disambiguatingPrefixes(body: string, hits: Occurrence[]): (string | null)[] {
  const before = hits.map((h) => foldWhitespace(body.slice(0, h.start)).text.trimEnd());
  return before.map((text, i) => {
    const words = text.split(' ');
    for (let n = 1; n <= words.length; n++) {
      const prefix = words.slice(-n).join(' ');
      if (before.every((other, j) => j === i || !other.endsWith(prefix))) return prefix;
    }
    return null;
  });
}

export interface NearMiss {
  /** The passage of the body (original text, whitespace as in the document). */
  text: string;
  start: number;
  end: number;
  /** Edit distance (Levenshtein) between the folded quote and the folded passage. */
  distance: number;
  /** 1 − distance / quote length, in [0, 1]. */
  similarity: number;
}

/**
 * The `limit` passages of `body` nearest to `quote` by edit distance: windows
 * of whole words about as long as the quote, best first, not overlapping.
 */
export function nearMisses(body: string, quote: string, limit = 3): NearMiss[] {
  const folded = foldWhitespace(body);
  const q = foldWhitespace(quote).text.trim();
  if (!q) return [];
  const text = folded.text;
  const wordStarts: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] !== ' ' && (i === 0 || text[i - 1] === ' ')) wordStarts.push(i);
  const candidates: { start: number; end: number; d: number }[] = [];
  for (const s of wordStarts) {
    // Windows ending on a word boundary near the quote's length (±25%).
    for (const len of [Math.round(q.length * 0.75), q.length, Math.round(q.length * 1.25)]) {
      let e = Math.min(text.length, s + len);
      while (e < text.length && text[e] !== ' ') e++;
      const d = distance(q, text.slice(s, e));
      candidates.push({ start: s, end: e, d });
    }
  }
  candidates.sort((a, b) => a.d - b.d || a.start - b.start);
  const picked: typeof candidates = [];
  for (const c of candidates) {
    if (picked.length >= limit) break;
    if (picked.some((p) => c.start < p.end && p.start < c.end)) continue;
    picked.push(c);
  }
  return picked.map((c) => {
    const start = folded.origin[c.start];
    const end = folded.origin[c.end - 1] + 1;
    return { text: body.slice(start, end), start, end, distance: c.d, similarity: Math.max(0, 1 - c.d / q.length) };
  });
}

/** The paragraph (blank-line separated) around [start, end) of `body`. */
export function paragraphAround(body: string, start: number, end: number): { text: string; start: number } {
  const a = body.lastIndexOf('\n\n', start);
  const b = body.indexOf('\n\n', end);
  const from = a === -1 ? 0 : a + 2;
  return { text: body.slice(from, b === -1 ? body.length : b), start: from };
}
