/** The floor: a bare MapLibre map of the same GeoJSON on the same basemap, written the obvious way. */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MlMap, setWorkerUrl, type ExpressionSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { basemapStyleData } from '../../../src/lib/map/basemapData.ts';
import { basemapLabelLayers, basemapLayers, basemapSources, PLACE_DOT } from '../../../src/lib/map/style.ts';
import { placeDotImage } from '../../../src/lib/map/icons.ts';
import { onFirstMeaningfulPaint } from '../../../src/lib/map/createMap.ts';
import { MODE_COLORS } from '../../../src/lib/cartography/palette.ts';
import { FEATURES_URL, firstMeaningful, firstRendered, showFeature, viewFromHash } from './shared.ts';

setWorkerUrl(workerUrl);
const basemap = basemapStyleData();
const byMode = ['match', ['get', 'mode'], ...Object.entries(MODE_COLORS).flat(), '#334155'] as unknown as ExpressionSpecification;
const v = viewFromHash();
const map = new MlMap({
  container: 'map',
  center: [v.lng, v.lat],
  zoom: v.zoom,
  hash: 'map',
  attributionControl: false,
  style: {
    version: 8,
    sources: {
      ...basemapSources(basemap),
      features: { type: 'geojson', data: FEATURES_URL, promoteId: 'fid' },
    },
    layers: [
      ...basemapLayers(),
      { id: 'f-fill', type: 'fill', source: 'features', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': byMode, 'fill-opacity': 0.15 } },
      { id: 'f-line', type: 'line', source: 'features', filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': byMode, 'line-width': 2.5 } },
      { id: 'f-point', type: 'circle', source: 'features', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-color': byMode, 'circle-radius': 5, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } },
      // The same place, river and country names as the app.
      ...basemapLabelLayers('en'),
    ],
  },
});
map.addImage(PLACE_DOT, placeDotImage(Math.max(1, Math.ceil(devicePixelRatio || 1))), { pixelRatio: Math.max(1, Math.ceil(devicePixelRatio || 1)) });
map.once('idle', firstRendered);
onFirstMeaningfulPaint(map, firstMeaningful, ['features', 'land']);
map.on('click', (e) => {
  const hit = map.queryRenderedFeatures(
    [
      [e.point.x - 6, e.point.y - 6],
      [e.point.x + 6, e.point.y + 6],
    ],
    { layers: ['f-fill', 'f-line', 'f-point'] },
  )[0];
  if (hit) showFeature(String(hit.id), hit.properties);
});
