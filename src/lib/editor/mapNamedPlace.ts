/**
 * "Map it" on a place the document names: the feature draft it starts. The
 * sentence naming the place is cited; a place that is already a feature of
 * the atlas gets the citation added to that feature, any other place starts a
 * new feature at the suggestion's point, with its certainty and reference
 * (as a click on a suggestion sets them). Pure.
 */
import type { NamedPlace } from './documentPlaces.ts';
import { existingFeatureDraft, newFeatureDraft, type DraftCitation, type EditorFile, type FeatureDraft, type RecipesOnDisk } from './featureDraft.ts';
import { placeFromSuggestion, type PlacedProperties } from './placeSuggestions.ts';

export function draftForNamedPlace(named: NamedPlace, document: string, files: EditorFile[], basis: string, recipes?: RecipesOnDisk): FeatureDraft | null {
  if (!named.citation) return null;
  const citation: DraftCitation = { document, ...named.citation };
  const existing = named.place.featureId ? existingFeatureDraft(files, named.place.featureId, recipes) : null;
  if (existing) {
    const citations = (existing.feature.properties as { citations: DraftCitation[] }).citations;
    if (!citations.some((c) => c.document === document && c.quote === citation.quote)) citations.push(citation);
    return existing;
  }
  const draft = newFeatureDraft(citation, files, basis, recipes);
  const p = draft.feature.properties as unknown as PlacedProperties & { name: string; name_zh: string };
  p.name = named.place.source === 'natural-earth' ? named.place.en[0] : named.place.label;
  p.name_zh = named.place.name_zh ?? '';
  const placed = placeFromSuggestion(p, named.place, null);
  draft.feature.properties = placed.properties as unknown as typeof draft.feature.properties;
  draft.feature.geometry = placed.geometry;
  return draft;
}
