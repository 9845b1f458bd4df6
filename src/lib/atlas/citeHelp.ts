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

const QUOTE_MARKS: Record<string, string> = { '"': 'straight double quote "', '“': 'curly opening quote “', '”': 'curly closing quote ”', '„': 'low quote „', "'": "straight apostrophe '", '‘': 'curly opening single quote ‘', '’': 'curly apostrophe ’', '「': 'corner bracket 「', '」': 'corner bracket 」' };
const DASHES: Record<string, string> = { '-': 'hyphen -', '‐': 'hyphen ‐ (U+2010)', '‑': 'non-breaking hyphen ‑', '‒': 'figure dash ‒', '–': 'en dash –', '—': 'em dash —', '―': 'horizontal bar ―', '−': 'minus sign −' };
const COMMAS: Record<string, string> = { ',': 'comma ,', '，': 'full-width comma ，', '、': 'enumeration comma 、' };

/** One edit turning the quote into the passage: what the text has where the quote has something else. */
interface Edit {
  /** In the quote (empty: the text has something the quote lacks). */
  wrote: string;
  /** In the text (empty: the quote has something the text lacks). */
  text: string;
  /** Folded quote offset of the edit. */
  at: number;
  /** Folded passage offset of the edit. */
  bt: number;
}

/** Character edits between two short strings (Levenshtein alignment). */
function alignEdits(a: string, b: string): Edit[] {
  const n = a.length;
  const m = b.length;
  const d: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = 0; i <= n; i++) d[i][0] = i;
  for (let j = 0; j <= m; j++) d[0][j] = j;
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  const edits: Edit[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && a[i - 1] === b[j - 1] && d[i][j] === d[i - 1][j - 1]) {
      i--;
      j--;
    } else if (i > 0 && j > 0 && d[i][j] === d[i - 1][j - 1] + 1) {
      edits.push({ wrote: a[i - 1], text: b[j - 1], at: i - 1, bt: j - 1 });
      i--;
      j--;
    } else if (j > 0 && d[i][j] === d[i][j - 1] + 1) {
      edits.push({ wrote: '', text: b[j - 1], at: i, bt: j - 1 });
      j--;
    } else {
      edits.push({ wrote: a[i - 1], text: '', at: i - 1, bt: j });
      i--;
    }
  }
  return edits.reverse();
}

/** The whole word of `s` around offset `at`. */
function wordAround(s: string, at: number): string {
  const from = s.lastIndexOf(' ', at - 1) + 1;
  const to = s.indexOf(' ', at);
  return s.slice(from, to === -1 ? s.length : to);
}

/** The word of `s` that ends at or just before `at`. */
function wordBefore(s: string, at: number): string {
  const before = s.slice(0, at).trimEnd();
  return before.slice(before.lastIndexOf(' ') + 1);
}

/**
 * In plain words, how a quote differs from the nearest passage: curly versus
 * straight quotes, the kind of dash, a missing or extra comma, else the first
 * few other differences. Whitespace is folded first (the compiler ignores it).
 */
export function describeDifferences(quote: string, passage: string, limit = 4): string[] {
  const a = foldWhitespace(quote).text.trim();
  const b = foldWhitespace(passage).text.trim();
  if (a.length * b.length > 4_000_000) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  const say = (key: string, text: string) => {
    if (seen.has(key) || out.length >= limit) return;
    seen.add(key);
    out.push(text);
  };
  for (const e of alignEdits(a, b)) {
    // The passage is a window of whole words: punctuation just outside the quote's ends is not a difference.
    if (!e.wrote && (e.at === 0 || e.at === a.length) && /^[\p{P}]$/u.test(e.text)) continue;
    if (e.wrote in QUOTE_MARKS && e.text in QUOTE_MARKS)
      say(`q${e.wrote}${e.text}`, `quote marks: the text has the ${QUOTE_MARKS[e.text]} where you wrote the ${QUOTE_MARKS[e.wrote]}`);
    else if (e.wrote in DASHES && e.text in DASHES) say(`d${e.wrote}${e.text}`, `dash: the text has the ${DASHES[e.text]} where you wrote the ${DASHES[e.wrote]}`);
    else if (e.wrote in COMMAS && e.text in COMMAS) say(`c${e.wrote}${e.text}`, `comma: the text has the ${COMMAS[e.text]} where you wrote the ${COMMAS[e.wrote]}`);
    else if (!e.wrote && e.text in COMMAS) say(`+c${e.at}`, `a missing comma: the text has "${COMMAS[e.text].split(' ').pop()}" after "${wordBefore(a, e.at)}"`);
    else if (!e.text && e.wrote in COMMAS) say(`-c${e.at}`, `an extra comma: the text has no comma after "${wordBefore(a, e.at)}"`);
    else if (e.wrote && e.text && e.wrote.toLowerCase() === e.text.toLowerCase())
      say(`case${e.at}`, `capitals: the text has "${e.text}" where you wrote "${e.wrote}" (matching is case-sensitive)`);
    else {
      const wrote = wordAround(a, e.at);
      const has = wordAround(b, e.bt);
      say(`w${wrote}|${has}`, wrote && has ? `the text has "${has}" where you wrote "${wrote}"` : `the text has "${has || e.text}" where you wrote "${wrote || e.wrote}"`);
    }
  }
  return out;
}
