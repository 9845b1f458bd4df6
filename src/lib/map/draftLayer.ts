/**
 * The editor's draft geometry on the map (dev server only): a source and two
 * layers drawn over the atlas, and map clicks reported as [lon, lat] while the
 * author places a point or a line. Each function returns its own cleanup.
 */
import type { GeoJSONSource, Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

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
  map.addLayer({ id: LAYERS[0], type: 'line', source: SOURCE, paint: { 'line-color': '#db2777', 'line-width': 3, 'line-dasharray': [2, 1] } });
  map.addLayer({
    id: LAYERS[1],
    type: 'circle',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-radius': 7, 'circle-color': '#db2777', 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 },
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

/** Report each click on the map as [lon, lat] (5 decimals), with a crosshair cursor meanwhile. */
export function onMapPlace(map: MlMap, place: (lonLat: [number, number]) => void): () => void {
  map.getCanvas().style.cursor = 'crosshair';
  const click = (e: MapMouseEvent) => place([+e.lngLat.lng.toFixed(5), +e.lngLat.lat.toFixed(5)]);
  map.on('click', click);
  return () => {
    map.off('click', click);
    map.getCanvas().style.cursor = '';
  };
}
