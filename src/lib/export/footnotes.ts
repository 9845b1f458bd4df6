/**
 * Numbered footnotes for a figure: one note per distinct cited passage
 * (document + position), numbered in the order the features are given, and
 * each feature's keys into them ("Yangluo Port [1, 3]"). Pure.
 */
import type { AtlasDocument, AtlasFeature } from '../atlas/types.ts';

export interface Footnote {
  n: number;
  document: AtlasDocument;
  /** The passage exactly as anchored in the document. */
  quote: string;
  /** Features (of those given) that this passage supports, in order. */
  featureIds: string[];
}

export interface Footnotes {
  notes: Footnote[];
  /** Feature id → its footnote numbers, ascending. */
  keys: Map<string, number[]>;
}

export function buildFootnotes(features: readonly AtlasFeature[], documentsById: ReadonlyMap<string, AtlasDocument>): Footnotes {
  const notes: Footnote[] = [];
  const byPassage = new Map<string, Footnote>();
  const keys = new Map<string, number[]>();
  for (const f of features) {
    const own: number[] = [];
    for (const c of f.properties.citations) {
      const document = documentsById.get(c.document);
      if (!document) continue;
      const key = `${c.document}:${c.selector.start}:${c.selector.end}`;
      let note = byPassage.get(key);
      if (!note) {
        note = { n: notes.length + 1, document, quote: c.selector.exact, featureIds: [] };
        notes.push(note);
        byPassage.set(key, note);
      }
      if (!note.featureIds.includes(f.id)) note.featureIds.push(f.id);
      if (!own.includes(note.n)) own.push(note.n);
    }
    keys.set(f.id, own.sort((a, b) => a - b));
  }
  return { notes, keys };
}

/** "1–3, 5": footnote numbers with runs of three or more collapsed. */
export function formatKeys(ns: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < ns.length; ) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j] + 1) j++;
    if (j - i >= 2) out.push(`${ns[i]}–${ns[j]}`);
    else for (let k = i; k <= j; k++) out.push(String(ns[k]));
    i = j + 1;
  }
  return out.join(', ');
}

/** A label keyed to its notes: "Yangluo Port [1, 3]". */
export function keyedLabel(label: string, ns: readonly number[] | undefined): string {
  return ns && ns.length ? `${label} [${formatKeys(ns)}]` : label;
}
