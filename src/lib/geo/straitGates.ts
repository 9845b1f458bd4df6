/**
 * Straits named in feature descriptions, and whether a line passes through
 * them. A strait is a gazetteer entry (data/derive/straits.yaml): its names in
 * every spelling and language, and a gate — a short segment across the strait
 * from one shore to the other. A line "passes through" the strait when it
 * crosses the gate. Pure: the gazetteer and the text are passed in.
 */
import { lineIntersect, lineString } from '@turf/turf';
import type { Position } from 'geojson';

export interface StraitGate {
  names: string[];
  gate: Position[];
  source: string;
}

export interface StraitMentions {
  /** Gazetteer entries the text names (each once). */
  named: StraitGate[];
  /** Strait-like phrases the gazetteer does not know, e.g. "the Tsugaru Strait" or "对马海峡". */
  unknown: string[];
}

/** Strip accents (Ō → O) so "Osumi" and "Ōsumi" match; keeps case and CJK. */
export function foldAccents(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/**
 * English words that make a proper name a strait ("Jeju Strait", "Strait of
 * Malacca", "Kii Channel") and the Chinese 海峡. Capitalised only, so that a
 * river's "navigation channel" is not taken for a strait.
 */
const KEYWORDS = /\b(?:Straits?|Channel|Passage|Narrows)\b|海峡|海峽/gu;

export function straitMentions(text: string, gazetteer: StraitGate[]): StraitMentions {
  const folded = foldAccents(text);
  const lower = folded.toLowerCase();
  const covered = new Array<boolean>(folded.length).fill(false);
  const named: StraitGate[] = [];
  for (const entry of gazetteer) {
    let found = false;
    for (const name of entry.names) {
      const n = foldAccents(name).toLowerCase();
      for (let i = lower.indexOf(n); i >= 0; i = lower.indexOf(n, i + 1)) {
        found = true;
        for (let k = i; k < i + n.length; k++) covered[k] = true;
      }
    }
    if (found) named.push(entry);
  }
  const unknown: string[] = [];
  for (const m of folded.matchAll(KEYWORDS)) {
    const at = m.index ?? 0;
    if (covered[at]) continue;
    const before = folded.slice(Math.max(0, at - 24), at);
    const lead = /[\p{Script=Han}]$/u.test(before) ? (/[\p{Script=Han}]{1,4}$/u.exec(before)?.[0] ?? '') : (/(?:\S+\s+){0,2}$/u.exec(before)?.[0] ?? '');
    const after = m[0].startsWith('Strait') ? (/^\s+of\s+\S+/u.exec(folded.slice(at + m[0].length))?.[0] ?? '') : '';
    unknown.push(`${lead}${m[0]}${after}`.trim());
  }
  return { named, unknown };
}

/** True when any of the line parts crosses (or touches) the gate segment. */
export function crossesGate(parts: Position[][], gate: Position[]): boolean {
  const g = lineString(gate);
  return parts.some((coords) => coords.length >= 2 && lineIntersect(lineString(coords), g).features.length > 0);
}
