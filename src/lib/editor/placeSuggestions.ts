/**
 * Places a feature's own words name — its cited passages, its English and
 * Chinese names — found in the editor's gazetteer, and what choosing one does
 * to the feature: its point, its certainty and the reference that says where
 * the position comes from. Pure.
 */
import type { GeometryReference } from '../atlas/types.ts';
import type { GazetteerEntry, GazetteerSource } from './placeGazetteer.ts';

/** The atlas's own places first, then published stations, then Natural Earth's cities. */
const SOURCE_ORDER: Record<GazetteerSource, number> = { atlas: 0, station: 1, 'natural-earth': 2 };

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘]/g, "'");
const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** Where an English name first occurs in the text as a whole word (case as written, accents folded), or -1. */
function wordAt(text: string, name: string): number {
  const n = fold(name);
  if (n.length < 3) return -1;
  for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) if (!isWordChar(text[i - 1]) && !isWordChar(text[i + n.length])) return i;
  return -1;
}

/** A text with its folded form (accents dropped, curly apostrophes straight) and, per folded character, where it came from. */
export interface SearchableText {
  text: string;
  folded: string;
  origin: number[];
}

export function searchable(text: string): SearchableText {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  origin.push(text.length);
  return { text, folded, origin };
}

/** Where the entry is first named in the text (an English name as a whole word, a Chinese one anywhere), or null. */
export function mentionIn(t: SearchableText | string, e: GazetteerEntry): { start: number; end: number } | null {
  const s = typeof t === 'string' ? searchable(t) : t;
  let best: { start: number; end: number } | null = null;
  for (const n of e.en) {
    const at = wordAt(s.folded, n);
    if (at >= 0 && (!best || s.origin[at] < best.start)) best = { start: s.origin[at], end: s.origin[at + fold(n).length] };
  }
  for (const z of e.zh) {
    const at = s.text.indexOf(z);
    if (at >= 0 && (!best || at < best.start)) best = { start: at, end: at + z.length };
  }
  return best;
}

/**
 * The gazetteer's places that the texts name, best first: the atlas's own
 * places, then published stations, then Natural Earth (most prominent first),
 * each group in the order the texts name them. One suggestion per position.
 */
export function suggestPlaces(gazetteer: GazetteerEntry[], texts: (string | undefined)[], limit = 8): GazetteerEntry[] {
  const text = texts.filter(Boolean).join('\n');
  if (!text.trim()) return [];
  const t = searchable(text);
  const hits: [number, GazetteerEntry][] = [];
  for (const e of gazetteer) {
    const m = mentionIn(t, e);
    if (m) hits.push([m.start, e]);
  }
  hits.sort(([a, x], [b, y]) => SOURCE_ORDER[x.source] - SOURCE_ORDER[y.source] || a - b || x.rank - y.rank || x.label.localeCompare(y.label));
  const seen = new Set<string>();
  const out: GazetteerEntry[] = [];
  for (const [, e] of hits) {
    const key = `${e.lon},${e.lat}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
    if (out.length === limit) break;
  }
  return out;
}

export interface PlacedProperties {
  geometry_basis: string;
  references: GeometryReference[];
}

const blank = (r: GeometryReference) => !r.title?.trim() && !r.url?.trim() && !r.note?.trim() && !r.coordinate;
const same = (a: GeometryReference, b: GeometryReference) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What choosing a suggestion sets: the point, the certainty, and its reference
 * in place of blank ones and of the one an earlier suggestion set
 * (`previous`); references the author wrote stay.
 */
export function placeFromSuggestion<P extends PlacedProperties>(
  properties: P,
  suggestion: GazetteerEntry,
  previous: GeometryReference | null,
): { properties: P; geometry: { type: 'Point'; coordinates: [number, number] }; reference: GeometryReference } {
  const reference: GeometryReference = JSON.parse(JSON.stringify(suggestion.reference));
  const kept = properties.references.filter((r) => !blank(r) && !(previous && same(r, previous)));
  return {
    properties: { ...properties, geometry_basis: suggestion.basis, references: [reference, ...kept] },
    geometry: { type: 'Point', coordinates: [suggestion.lon, suggestion.lat] },
    reference,
  };
}
