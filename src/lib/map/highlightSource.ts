/**
 * What the highlight source holds: the drawn pieces of the selected and
 * hovered features only, each marked `highlight: 'selected' | 'hover'` (a
 * feature both selected and hovered is drawn selected). Their halos are drawn
 * from it, so no halo layer runs over the whole atlas in every frame.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { RenderProperties } from './renderData.ts';

export type Highlight = 'selected' | 'hover';
type Pieces = FeatureCollection<Geometry, RenderProperties>;

const byFeature = new WeakMap<Pieces, Map<string, Feature<Geometry, RenderProperties>[]>>();

function piecesOf(pieces: Pieces, id: string): Feature<Geometry, RenderProperties>[] {
  let index = byFeature.get(pieces);
  if (!index) {
    index = new Map();
    for (const p of pieces.features) index.set(p.properties.fid, [...(index.get(p.properties.fid) ?? []), p]);
    byFeature.set(pieces, index);
  }
  return index.get(id) ?? [];
}

export function highlightFeatures(pieces: Pieces, selected: readonly string[], hovered: readonly string[]): FeatureCollection<Geometry, RenderProperties & { highlight: Highlight }> {
  const marked = new Map<string, Highlight>();
  for (const id of hovered) marked.set(id, 'hover');
  for (const id of selected) marked.set(id, 'selected');
  return {
    type: 'FeatureCollection',
    features: [...marked].flatMap(([id, highlight]) => piecesOf(pieces, id).map((p) => ({ ...p, properties: { ...p.properties, highlight } }))),
  };
}
