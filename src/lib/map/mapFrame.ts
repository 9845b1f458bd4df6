/**
 * The reader's view of the MapLibre map, read without loading MapLibre itself
 * (type imports only): the figure and embed dialogs need it, and they are in
 * the first bundle, which leaves MapLibre to load while the SVG map paints.
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { MapView } from '../atlas/urlState.ts';
import type { FrameView } from '../view/webMercator.ts';

/** The map's view as the URL writes it. */
export function mapViewOf(map: MlMap): MapView {
  const c = map.getCenter();
  return { zoom: map.getZoom(), lat: c.lat, lng: c.lng };
}

/** The map's view and its canvas size in CSS pixels: the reader's view as a frame (for figures and embed alt text). */
export function mapFrameOf(map: MlMap): FrameView {
  const canvas = map.getCanvas();
  return { ...mapViewOf(map), width: canvas.clientWidth, height: canvas.clientHeight };
}
