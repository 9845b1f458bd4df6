/**
 * Turn a selection in a document body into a citation: the quote is exactly
 * the selected words (whitespace runs written as one space, which is all the
 * anchoring folds), and a prefix is added when those words occur more than
 * once — the fewest words before the selection that pick it out.
 */
import { anchorQuote } from '../atlas/anchor.ts';

export type SelectionCitation =
  | { ok: true; quote: string; prefix?: string; start: number; end: number }
  | { ok: false; message: string };

/** Longest prefix tried, in words. */
const MAX_PREFIX_WORDS = 24;

export function citationForSelection(body: string, start: number, end: number): SelectionCitation {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(body.length, Math.max(start, end));
  while (s < e && /\s/.test(body[s])) s++;
  while (e > s && /\s/.test(body[e - 1])) e--;
  if (s >= e) return { ok: false, message: 'Select some words of the document first.' };
  const quote = body.slice(s, e).replace(/\s+/g, ' ');
  const plain = anchorQuote(body, quote);
  if (plain.ok) return plain.selector.start === s ? { ok: true, quote, start: s, end: e } : { ok: false, message: 'The selection could not be found in the document text.' };
  if (!plain.ok && plain.reason !== 'ambiguous') return { ok: false, message: 'The selection could not be found in the document text.' };
  // The words occur more than once: grow a prefix word by word until it picks out this place.
  const before = body.slice(0, s);
  const words = [...before.matchAll(/\S+/g)];
  for (let n = 1; n <= Math.min(MAX_PREFIX_WORDS, words.length); n++) {
    const from = words[words.length - n].index!;
    const prefix = before.slice(from).trim().replace(/\s+/g, ' ');
    const r = anchorQuote(body, quote, prefix);
    if (r.ok && r.selector.start === s) return { ok: true, quote, prefix, start: s, end: e };
  }
  return {
    ok: false,
    message: `These words occur ${plain.count} times and the text before this place does not tell them apart: select a longer passage.`,
  };
}

/** Where a quote (with its optional prefix) sits in a body, or null when it does not anchor. */
export function quoteRange(body: string, quote: string, prefix?: string): { start: number; end: number } | null {
  const r = anchorQuote(body, quote, prefix);
  return r.ok ? { start: r.selector.start, end: r.selector.end } : null;
}
