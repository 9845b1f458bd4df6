/**
 * The map view that shows a point in the middle of the part of the map no
 * editor panel covers: the panel floats over the map's right edge, so the
 * centre moves right by half its width. Pure.
 */
import type { MapView } from '../atlas/urlState.ts';
import { worldLngLat, worldPixel } from '../view/webMercator.ts';

export function viewShowingPoint(lng: number, lat: number, zoom: number, coveredRight: number): MapView {
  const [x, y] = worldPixel(lng, lat, zoom);
  const [cLng, cLat] = worldLngLat(x + coveredRight / 2, y, zoom);
  return { lng: +cLng.toFixed(6), lat: +cLat.toFixed(6), zoom };
}
