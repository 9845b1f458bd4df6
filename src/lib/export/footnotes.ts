/**
 * Numbered footnotes for a figure: one note per distinct cited passage
 * (document + position), grouped by document — documents in the order the
 * features first cite them, passages in text order — and each feature's keys
 * into them ("Yangluo Port [1, 3]"). Pure.
 */
import type { AtlasDocument, AtlasFeature } from '../atlas/types.ts';

export interface Footnote {
  n: number;
  document: AtlasDocument;
  /** The passage exactly as anchored in the document. */
  quote: string;
  /** Features (of those given) that this passage supports, in order. */
  featureIds: string[];
  /** Features this passage supports only by inference, with the citation's reasoning. */
  inferences: { featureId: string; reasoning: string }[];
}

export interface Footnotes {
  notes: Footnote[];
  /** Feature id → its footnote numbers, ascending. */
  keys: Map<string, number[]>;
}

export function buildFootnotes(features: readonly AtlasFeature[], documentsById: ReadonlyMap<string, AtlasDocument>): Footnotes {
  // Distinct passages, grouped by document (in order of first citation), in text order within each document.
  const byDocument = new Map<string, Map<string, Omit<Footnote, 'n'> & { start: number }>>();
  for (const f of features) {
    for (const c of f.properties.citations) {
      const document = documentsById.get(c.document);
      if (!document) continue;
      const passages = byDocument.get(c.document) ?? byDocument.set(c.document, new Map()).get(c.document)!;
      const key = `${c.selector.start}:${c.selector.end}`;
      const passage = passages.get(key) ?? passages.set(key, { document, quote: c.selector.exact, featureIds: [], inferences: [], start: c.selector.start }).get(key)!;
      if (!passage.featureIds.includes(f.id)) passage.featureIds.push(f.id);
      if (c.support === 'inferred' && c.reasoning && !passage.inferences.some((i) => i.featureId === f.id)) passage.inferences.push({ featureId: f.id, reasoning: c.reasoning });
    }
  }
  const notes: Footnote[] = [];
  const keys = new Map<string, number[]>(features.map((f) => [f.id, []]));
  for (const passages of byDocument.values()) {
    for (const { document, quote, featureIds, inferences } of [...passages.values()].sort((a, b) => a.start - b.start)) {
      const note = { n: notes.length + 1, document, quote, featureIds, inferences };
      notes.push(note);
      for (const id of featureIds) keys.get(id)!.push(note.n);
    }
  }
  for (const ns of keys.values()) ns.sort((a, b) => a - b);
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
