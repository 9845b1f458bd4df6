/**
 * The many-to-many links between features and passages: which features cite
 * a document, and which other features share a passage with a citation.
 */
import type { Atlas, AtlasFeature, Citation } from './types.ts';
import type { Highlight } from './paragraphs.ts';

/** Every cited range in a document, one highlight per (feature, citation). */
export function documentHighlights(atlas: Atlas, documentId: string): Highlight[] {
  const out: Highlight[] = [];
  for (const f of atlas.features)
    for (const c of f.properties.citations)
      if (c.document === documentId) out.push({ start: c.selector.start, end: c.selector.end, featureId: f.id });
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Other features whose cited passages overlap this citation. */
export function featuresSharingPassage(atlas: Atlas, featureId: string, citation: Citation): AtlasFeature[] {
  const { start, end } = citation.selector;
  return atlas.features.filter(
    (f) =>
      f.id !== featureId &&
      f.properties.citations.some((c) => c.document === citation.document && c.selector.start < end && c.selector.end > start),
  );
}

/** Features citing a document, in atlas order. */
export function featuresCiting(atlas: Atlas, documentId: string): AtlasFeature[] {
  return atlas.features.filter((f) => f.properties.citations.some((c) => c.document === documentId));
}
