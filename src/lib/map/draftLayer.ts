/**
 * The editor's draft geometry on the MapLibre map (dev server only): a source
 * and two layers drawn over the atlas. Placing clicks go through the map
 * controller (view/mapController.svelte.ts), as every click does.
 */
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { DRAFT_STYLE } from '../cartography/draft.ts';

const SOURCE = 'editor-draft';
const LAYERS = ['editor-draft-line', 'editor-draft-point'] as const;

/** The draft and, for a line, each vertex as a point, so every click shows where it landed. */
export function draftData(geometry: Geometry | null, withVertices = true): FeatureCollection {
  if (!geometry) return { type: 'FeatureCollection', features: [] };
  const main: Feature = { type: 'Feature', properties: {}, geometry };
  const vertices: Feature[] =
    withVertices && geometry.type === 'LineString' ? geometry.coordinates.map((c) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: c } })) : [];
  return { type: 'FeatureCollection', features: [main, ...vertices] };
}

export function addDraftLayer(map: MlMap): () => void {
  map.addSource(SOURCE, { type: 'geojson', data: draftData(null) });
  map.addLayer({ id: LAYERS[0], type: 'line', source: SOURCE, paint: { 'line-color': DRAFT_STYLE.color, 'line-width': DRAFT_STYLE.lineWidth, 'line-dasharray': [...DRAFT_STYLE.dash] } });
  map.addLayer({
    id: LAYERS[1],
    type: 'circle',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-radius': DRAFT_STYLE.pointRadius, 'circle-color': DRAFT_STYLE.color, 'circle-stroke-color': DRAFT_STYLE.pointStroke, 'circle-stroke-width': DRAFT_STYLE.pointStrokeWidth },
  });
  return () => {
    if (!map.style) return;
    for (const id of [...LAYERS].reverse()) if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(SOURCE)) map.removeSource(SOURCE);
  };
}

export function setDraftGeometry(map: MlMap, geometry: Geometry | null, withVertices = true): void {
  (map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(draftData(geometry, withVertices));
}
