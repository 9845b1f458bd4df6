/**
 * Citation anchoring: turn an authored quote into W3C Web Annotation selectors
 * (TextQuoteSelector + TextPositionSelector) against a document body.
 *
 * Matching folds runs of whitespace into one space and nothing else: no case
 * folding, no punctuation folding, no fuzzy matching. A quote that is missing,
 * or found more than once without a prefix that tells the places apart, is an
 * error — a wrong highlight is worse than none.
 */
import type { PassageSelector } from './types.ts';

/** How many characters of context the stored prefix/suffix carry. */
export const CONTEXT_CHARS = 32;

interface FoldedText {
  text: string;
  /** For each index in `text`, the index of the original character it came from. */
  origin: number[];
}

/** The folded form of the last few bodies: many quotes are anchored in the same document in a row. */
const foldCache = new Map<string, FoldedText>();
function foldedBody(body: string): FoldedText {
  let f = foldCache.get(body);
  if (!f) {
    if (foldCache.size >= 256) foldCache.delete(foldCache.keys().next().value!);
    foldCache.set(body, (f = foldWhitespace(body)));
  }
  return f;
}

/** Collapse every whitespace run to one space, remembering where each character came from. */
export function foldWhitespace(input: string): FoldedText {
  let text = '';
  const origin: number[] = [];
  let inSpace = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (/\s/.test(ch)) {
      if (!inSpace) {
        text += ' ';
        origin.push(i);
      }
      inSpace = true;
    } else {
      text += ch;
      origin.push(i);
      inSpace = false;
    }
  }
  return { text, origin };
}

function foldQuery(s: string): string {
  return foldWhitespace(s).text.trim();
}

function allIndexesOf(haystack: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

export type AnchorResult =
  | { ok: true; selector: PassageSelector }
  | { ok: false; reason: 'empty' | 'not-found' | 'ambiguous' | 'prefix-not-found'; count: number };

/**
 * Find `quote` in `body`. When `prefix` is given, only occurrences immediately
 * preceded by it (whitespace-folded) count.
 */
export function anchorQuote(body: string, quote: string, prefix?: string): AnchorResult {
  const q = foldQuery(quote);
  if (!q) return { ok: false, reason: 'empty', count: 0 };
  const folded = foldedBody(body);
  let hits = allIndexesOf(folded.text, q);
  if (hits.length === 0) return { ok: false, reason: 'not-found', count: 0 };
  if (prefix !== undefined && prefix.trim() !== '') {
    const p = foldQuery(prefix);
    const all = hits.length;
    hits = hits.filter((h) => folded.text.slice(0, h).trimEnd().endsWith(p));
    if (hits.length === 0) return { ok: false, reason: 'prefix-not-found', count: all };
  }
  if (hits.length > 1) return { ok: false, reason: 'ambiguous', count: hits.length };
  const start = folded.origin[hits[0]];
  const end = folded.origin[hits[0] + q.length - 1] + 1;
  return { ok: true, selector: selectorFor(body, start, end) };
}

/** Build the selector pair for the [start, end) range of `body`. */
export function selectorFor(body: string, start: number, end: number): PassageSelector {
  return {
    exact: body.slice(start, end),
    prefix: body.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: body.slice(end, end + CONTEXT_CHARS),
    start,
    end,
  };
}

/** True when a stored selector still points at its exact text in `body` (guards hand-edited atlases). */
export function selectorMatches(body: string, s: PassageSelector): boolean {
  return s.start >= 0 && s.end <= body.length && s.start < s.end && body.slice(s.start, s.end) === s.exact;
}
