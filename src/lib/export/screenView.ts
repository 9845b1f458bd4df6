/** The reader's view of the map as a frame (centre, zoom and canvas size in CSS pixels). */
import type { Map as MlMap } from 'maplibre-gl';
import type { FrameView } from './mercator.ts';

export function screenView(map: MlMap): FrameView {
  const canvas = map.getCanvas();
  const c = map.getCenter();
  return { zoom: map.getZoom(), lat: c.lat, lng: c.lng, width: canvas.clientWidth, height: canvas.clientHeight };
}
