/**
 * The Source panel's cards: a feature's citations grouped so that quotes from
 * the same paragraph of the same document share one card (both marked), in
 * the order the feature first cites them. Pure.
 */
import { paragraphAt } from './paragraphs.ts';
import type { AtlasDocument, Citation } from './types.ts';

export interface CitationCard {
  document: AtlasDocument;
  /** The range of the body the card shows: the paragraph, widened to cover every quote in it. */
  start: number;
  end: number;
  /** The citations the card marks, in the feature's order. */
  citations: Citation[];
}

export function citationCards(citations: readonly Citation[], documentsById: ReadonlyMap<string, AtlasDocument>): CitationCard[] {
  const cards = new Map<string, CitationCard>();
  for (const c of citations) {
    const document = documentsById.get(c.document);
    if (!document) continue;
    const para = paragraphAt(document.paragraphs, c.selector.start);
    const key = `${c.document}@${para ? para.start : `quote:${c.selector.start}`}`;
    const card = cards.get(key);
    if (card) {
      card.citations.push(c);
      card.start = Math.min(card.start, c.selector.start);
      card.end = Math.max(card.end, c.selector.end);
    } else {
      cards.set(key, {
        document,
        start: Math.min(para?.start ?? c.selector.start, c.selector.start),
        end: Math.max(para?.end ?? c.selector.end, c.selector.end),
        citations: [c],
      });
    }
  }
  return [...cards.values()];
}
