/**
 * What the reader sees, as data to download: the visible features (a
 * multi-leg route keeps only the legs whose mode is shown) and, for each, the
 * citations the document and date filters keep. Pure.
 */
import { documentInRange, drawnPart, featureLegs, modeShown, visibleFeatures, type Filters } from '../../atlas/filters.ts';
import type { Atlas, AtlasDocument, AtlasFeature, Citation } from '../../atlas/types.ts';

export interface ShownCitation {
  citation: Citation;
  document: AtlasDocument;
}

export interface ShownFeature {
  /** The feature as drawn under the filters. */
  feature: AtlasFeature;
  /** Its citations from the documents the filters keep, in the data's order. */
  citations: ShownCitation[];
}

export function shownData(atlas: Atlas, filters: Filters): ShownFeature[] {
  const documents = new Map(atlas.documents.map((d) => [d.id, d]));
  return visibleFeatures(atlas, filters).map((f) => ({
    feature: withShownLengths(f, drawnPart(f, filters), filters),
    citations: f.properties.citations.flatMap((citation) => {
      const document = documents.get(citation.document);
      if (!document || (filters.documents && !filters.documents.has(document.id)) || !documentInRange(document, filters.range)) return [];
      return [{ citation, document }];
    }),
  }));
}

/** A route with legs left out measures only the legs it keeps. */
function withShownLengths(whole: AtlasFeature, drawn: AtlasFeature, filters: Filters): AtlasFeature {
  const legs = featureLegs(whole);
  const lengths = whole.properties.leg_lengths_km;
  if (drawn === whole || !legs || !lengths || lengths.length !== legs.length) return drawn;
  const kept = lengths.filter((_, i) => modeShown(legs[i], filters));
  return { ...drawn, properties: { ...drawn.properties, leg_lengths_km: kept, length_km: kept.reduce((a, b) => a + b, 0) } };
}
