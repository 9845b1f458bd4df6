/**
 * View maths for the SVG fallback map: the same view as MapLibre's
 * (`zoom/lat/lng`, Web Mercator with 512-pixel tiles), so the URL hash and
 * permalinks mean the same thing with or without WebGL. Pure: no DOM.
 */
import { geoMercator, type GeoProjection } from 'd3';
import type { Geometry, Position } from 'geojson';
import type { MapView } from '../atlas/urlState.ts';

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 14;
/** Web Mercator's own limit; beyond it the projection blows up. */
export const MAX_LAT = 85;

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** A view forced into the range the map can show (longitude wrapped, latitude and zoom clamped). */
export function clampView(v: MapView): MapView {
  const lng = ((((v.lng + 180) % 360) + 360) % 360) - 180;
  return { zoom: clamp(v.zoom, MIN_ZOOM, MAX_ZOOM), lat: clamp(v.lat, -MAX_LAT, MAX_LAT), lng };
}

/** The d3 projection drawing `view` into a width×height box (MapLibre's scale: 512·2^zoom pixels around the world). */
export function viewProjection(view: MapView, width: number, height: number): GeoProjection {
  return geoMercator()
    .scale((512 * 2 ** view.zoom) / (2 * Math.PI))
    .center([view.lng, view.lat])
    .translate([width / 2, height / 2])
    .clipExtent([
      [-20, -20],
      [width + 20, height + 20],
    ]);
}

/** The view after dragging the map by (dx, dy) pixels. */
export function panView(view: MapView, dx: number, dy: number, width: number, height: number): MapView {
  const p = viewProjection(view, width, height);
  const c = p.invert!([width / 2 - dx, height / 2 - dy]);
  return c ? clampView({ zoom: view.zoom, lng: c[0], lat: c[1] }) : view;
}

/** The view after zooming by `delta` levels, keeping the point under (x, y) still. */
export function zoomView(view: MapView, delta: number, x: number, y: number, width: number, height: number): MapView {
  const zoom = clamp(view.zoom + delta, MIN_ZOOM, MAX_ZOOM);
  const geo = viewProjection(view, width, height).invert!([x, y]);
  if (!geo) return { ...view, zoom };
  const next = viewProjection({ ...view, zoom }, width, height);
  const [qx, qy] = next(geo)!;
  const c = next.invert!([width / 2 + qx - x, height / 2 + qy - y]);
  return c ? clampView({ zoom, lng: c[0], lat: c[1] }) : { ...view, zoom };
}

/** A view showing the box [west, south, east, north] with `padding` pixels around it. */
export function fitView(box: [number, number, number, number], width: number, height: number, padding = 40, maxZoom = 9): MapView {
  const [w, s, e, n] = box;
  const centre: MapView = { zoom: 0, lng: (w + e) / 2, lat: (s + n) / 2 };
  const p = viewProjection(centre, width, height);
  const [x0, y0] = p([w, n])!;
  const [x1, y1] = p([e, s])!;
  const spanX = Math.max(Math.abs(x1 - x0), 1e-9);
  const spanY = Math.max(Math.abs(y1 - y0), 1e-9);
  const zoom = Math.log2(Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY));
  const mid = p.invert!([(x0 + x1) / 2, (y0 + y1) / 2])!;
  return clampView({ zoom: Math.min(zoom, maxZoom), lng: mid[0], lat: mid[1] });
}

/** Twice the signed planar area of a ring: positive when counter-clockwise in lon/lat. */
function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return a;
}

const orient = (ring: Position[], clockwise: boolean) => ((ringArea(ring) < 0) === clockwise ? ring : [...ring].reverse());

/**
 * d3-geo reads polygon rings on the sphere: an exterior ring must run
 * clockwise, or d3 fills the whole world outside it. GeoJSON (RFC 7946) runs
 * exteriors counter-clockwise. Returns a copy with d3's winding; other
 * geometries are returned as they are. The input is not mutated.
 */
export function d3Winding(g: Geometry): Geometry {
  const polygon = (rings: Position[][]) => rings.map((r, i) => orient(r, i === 0));
  if (g.type === 'Polygon') return { ...g, coordinates: polygon(g.coordinates) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map(polygon) };
  return g;
}
