/** Before a citation or feature is deleted: which other features cite the same passages. */
import { anchorQuote } from '../atlas/anchor.ts';
import { featuresSharingPassage } from '../atlas/citationIndex.ts';
import type { Atlas, AtlasFeature } from '../atlas/types.ts';
import type { DraftCitation } from './featureDraft.ts';

/** Other features whose citations overlap this citation's passage (none when it does not anchor). */
export function otherCiters(atlas: Atlas, featureId: string | null, c: DraftCitation): AtlasFeature[] {
  const doc = atlas.documents.find((d) => d.id === c.document);
  if (!doc) return [];
  const r = anchorQuote(doc.body, c.quote, c.prefix);
  if (!r.ok) return [];
  return featuresSharingPassage(atlas, featureId ?? '', { document: c.document, quote: c.quote, selector: r.selector });
}

/** What deleting a whole feature leaves behind: for each of its citations, the other features that still cite that passage. */
export function citersAfterDelete(atlas: Atlas, featureId: string, citations: DraftCitation[]): { citation: DraftCitation; others: AtlasFeature[] }[] {
  return citations.map((citation) => ({ citation, others: otherCiters(atlas, featureId, citation) }));
}
