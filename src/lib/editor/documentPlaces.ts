/**
 * "What the document names": the places of the editor's gazetteer (English and
 * Chinese names) that a document's text names, each with the words as written,
 * the sentence that names it (to cite), and what the coverage table already
 * says about it. Pure.
 */
import type { CoverageEntry } from '../atlas/coverage.ts';
import { haversineKm } from '../geo/coords.ts';
import { citationForSelection } from './citeSelection.ts';
import type { GazetteerEntry } from './placeGazetteer.ts';
import { mentionIn } from './placeSuggestions.ts';

export interface NamedPlace {
  place: GazetteerEntry;
  /** The words naming it, exactly as the body has them, and where. */
  name: string;
  start: number;
  end: number;
  /** The sentence that names it, as a citation (with the prefix that picks it out when it repeats). */
  citation: { quote: string; prefix?: string } | null;
}

export type Coverage = { status: 'open' } | { status: 'mapped'; features: string[] } | { status: 'not-mapped'; why: string };

/** Sentence ends: Western and Chinese full stops, question and exclamation marks (with a closing quote or bracket). */
const SENTENCE_END = /[.!?。！？][”"’')）]?(?=\s|$)|[。！？]/g;

/** The sentence of `body` around [start, end): from the end of the sentence before (or the paragraph start) to its own end. */
export function sentenceAround(body: string, start: number, end: number): { start: number; end: number } {
  const paraStart = Math.max(0, body.lastIndexOf('\n\n', start) + 1);
  const nextPara = body.indexOf('\n\n', end);
  const paraEnd = nextPara < 0 ? body.length : nextPara;
  let s = paraStart;
  let e = paraEnd;
  for (const m of body.slice(paraStart, paraEnd).matchAll(SENTENCE_END)) {
    const at = paraStart + m.index + m[0].length;
    // A full stop inside the name itself ("St. Petersburg") does not end the sentence.
    if (at <= start) s = at;
    else if (at >= end) {
      e = at;
      break;
    }
  }
  while (s < e && /\s/.test(body[s])) s++;
  return { start: s, end: e };
}

/** Words a quote may grow by past its sentence when the sentence repeats and nothing before it tells the two apart. */
const MAX_EXTRA_WORDS = 24;

/** The sentence naming [start, end) as a citation; when the same sentence occurs again, grown by the words after it until it is unique. */
export function sentenceCitation(body: string, start: number, end: number): NamedPlace['citation'] {
  const s = sentenceAround(body, start, end);
  let e = s.end;
  for (let extra = 0; extra <= MAX_EXTRA_WORDS; extra++) {
    const c = citationForSelection(body, s.start, e);
    if (c.ok) return { quote: c.quote, ...(c.prefix ? { prefix: c.prefix } : {}) };
    const next = /\s*\S+/.exec(body.slice(e));
    if (!next) break;
    e += next[0].length;
  }
  return null;
}

/**
 * The places the body names, in the order it first names them; one per
 * position (the atlas's own place before a station or a city at the same
 * point), at most `limit`.
 */
export function namedPlaces(gazetteer: GazetteerEntry[], body: string, limit = 60): NamedPlace[] {
  const hits: NamedPlace[] = [];
  for (const place of gazetteer) {
    const m = mentionIn(body, place);
    if (!m) continue;
    hits.push({ place, name: body.slice(m.start, m.end), start: m.start, end: m.end, citation: sentenceCitation(body, m.start, m.end) });
  }
  const order = { atlas: 0, station: 1, 'natural-earth': 2 } as const;
  hits.sort((a, b) => a.start - b.start || order[a.place.source] - order[b.place.source] || a.place.rank - b.place.rank);
  const seen = new Set<string>();
  return hits
    .filter((h) => {
      const key = `${h.place.lon},${h.place.lat}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, limit);
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** How near a feature must come to a place to show it: the "approximate" tolerance. */
export const SHOWS_PLACE_KM = 10;

/** Whether a geometry has a position within `km` of [lon, lat] (a point at the place, a line through it). */
export function comesNear(geometry: { type: string; coordinates?: unknown } | null | undefined, lon: number, lat: number, km = SHOWS_PLACE_KM): boolean {
  const stack: unknown[] = [geometry?.coordinates];
  while (stack.length) {
    const c = stack.pop();
    if (!Array.isArray(c)) continue;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      if (haversineKm([c[0], c[1]], [lon, lat]) <= km) return true;
    } else stack.push(...c);
  }
  return false;
}

/**
 * What the document's coverage section says about a named place. Its own
 * feature (an atlas place) counts wherever the section lists it; otherwise an
 * entry whose phrase contains the name counts for the features it lists that
 * `shows` (they come near the place: a sentence naming two cities is not
 * mapped for both by a feature at one), and for its not_mapped reason.
 */
export function coverageOf(section: CoverageEntry[] | undefined, named: { name: string; place?: { featureId?: string } }, shows: (featureId: string) => boolean = () => true): Coverage {
  const name = fold(named.name);
  const id = named.place?.featureId;
  const listsIt = (e: CoverageEntry) => !!id && Array.isArray(e.features) && e.features.includes(id);
  const entries = (section ?? []).filter((e) => typeof e?.phrase === 'string' && (fold(e.phrase).includes(name) || listsIt(e)));
  const mapped = entries.flatMap((e) => (Array.isArray(e.features) ? e.features : [])).filter((f) => f === id || shows(f));
  if (mapped.length) return { status: 'mapped', features: [...new Set(mapped)] };
  const why = entries.find((e) => typeof e.not_mapped === 'string' && e.not_mapped.trim())?.not_mapped;
  return why ? { status: 'not-mapped', why } : { status: 'open' };
}

/** Reasons offered under "not mapped because…" (the author may write their own). */
export const NOT_MAPPED_REASONS = [
  'Named only as the place where the agreement was signed or announced.',
  'Named in passing; the text attaches no route, port or office to it.',
  'Not a place here: part of a name or a title.',
  'Outside what this atlas maps.',
] as const;
