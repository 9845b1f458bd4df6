/**
 * What a map view may be and how it moves, in one place for the WebGL map
 * (MapView) and the SVG map (SvgMap): the default view, the zoom limits,
 * clamping, panning, zooming about a point and "frame these features". Both
 * maps use the same `zoom/lat/lng` (MapLibre's, Web Mercator with 512-pixel
 * tiles), so a permalink means the same thing with or without WebGL. Pure.
 */
import type { MapView } from '../atlas/urlState.ts';
import { MAX_MERCATOR_LAT, projector, unprojector, worldPixel, worldLngLat } from './webMercator.ts';

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 14;
/** "Frame these features" never zooms closer than this (a port alone would otherwise fill the screen). */
export const FRAME_MAX_ZOOM = 9;
/** A single point is shown at least this close. */
export const POINT_MIN_ZOOM = 7;
/** The view before anything else is known: central China. */
export const DEFAULT_VIEW: MapView = { zoom: 4, lat: 30.5, lng: 108.5 };

export type Box = [west: number, south: number, east: number, north: number];
export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const wrapLng = (lng: number) => ((((lng + 180) % 360) + 360) % 360) - 180;
const padding = (p: number | Padding): Padding => (typeof p === 'number' ? { top: p, bottom: p, left: p, right: p } : p);

/** A view forced into the range the map can show (longitude wrapped, latitude and zoom clamped). */
export function clampView(v: MapView): MapView {
  return { zoom: clamp(v.zoom, MIN_ZOOM, MAX_ZOOM), lat: clamp(v.lat, -MAX_MERCATOR_LAT, MAX_MERCATOR_LAT), lng: wrapLng(v.lng) };
}

/** The view after dragging the map by (dx, dy) pixels. */
export function panView(view: MapView, dx: number, dy: number, width: number, height: number): MapView {
  const [lng, lat] = unprojector({ ...view, width, height })(width / 2 - dx, height / 2 - dy);
  return clampView({ zoom: view.zoom, lng, lat });
}

/** The view after zooming by `delta` levels, keeping the point under (x, y) still. */
export function zoomView(view: MapView, delta: number, x: number, y: number, width: number, height: number): MapView {
  const zoom = clamp(view.zoom + delta, MIN_ZOOM, MAX_ZOOM);
  const geo = unprojector({ ...view, width, height })(x, y);
  const [qx, qy] = projector({ ...view, zoom, width, height })(geo[0], geo[1]);
  const [lng, lat] = unprojector({ ...view, zoom, width, height })(width / 2 + qx - x, height / 2 + qy - y);
  return clampView({ zoom, lng, lat });
}

/**
 * A view showing the box [west, south, east, north] with `pad` pixels free
 * around it (a number, or per side when a panel covers part of the map), no
 * closer than `maxZoom`.
 */
export function fitView(box: Box, width: number, height: number, pad: number | Padding = 40, maxZoom = FRAME_MAX_ZOOM): MapView {
  const p = padding(pad);
  const [w, s, e, n] = box;
  const [x0, y0] = worldPixel(w, n, 0);
  const [x1, y1] = worldPixel(e, s, 0);
  const spanX = Math.max(x1 - x0, 1e-9);
  const spanY = Math.max(y1 - y0, 1e-9);
  const roomX = Math.max(width - p.left - p.right, 1);
  const roomY = Math.max(height - p.top - p.bottom, 1);
  const zoom = clamp(Math.min(Math.log2(roomX / spanX), Math.log2(roomY / spanY), maxZoom), MIN_ZOOM, MAX_ZOOM);
  const k = 2 ** zoom;
  // The box's centre sits in the middle of the free room, not of the whole map.
  const cx = ((x0 + x1) / 2) * k - (p.left - p.right) / 2;
  const cy = ((y0 + y1) / 2) * k - (p.top - p.bottom) / 2;
  const [lng, lat] = worldLngLat(cx, cy, zoom);
  return clampView({ zoom, lng, lat });
}

/**
 * "Frame these features": the view that shows the box of features the reader
 * asked for (permalink, list, search, a document mark). A single point is
 * centred in the free room at no less than POINT_MIN_ZOOM (or the current zoom
 * when closer); anything larger is fitted with padding, no closer than
 * FRAME_MAX_ZOOM.
 */
export function frameView(box: Box, current: MapView, width: number, height: number, pad: number | Padding = 50): MapView {
  const [w, s, e, n] = box;
  if (w === e && s === n) return fitView(box, width, height, pad, Math.max(current.zoom, POINT_MIN_ZOOM));
  return fitView(box, width, height, pad, FRAME_MAX_ZOOM);
}

/** Room kept around the atlas's data in the first view. */
export const FIRST_VIEW_PADDING = 50;

/**
 * The first view when the URL names none: the atlas's data fitted into the
 * map (all of it, from the box around every feature), or DEFAULT_VIEW when
 * there is nothing to fit or the map has no size yet.
 */
export function firstView(dataBox: Box | null, width: number, height: number): MapView {
  if (!dataBox || !dataBox.every(Number.isFinite) || width < 50 || height < 50) return DEFAULT_VIEW;
  return fitView(dataBox, width, height, FIRST_VIEW_PADDING, FRAME_MAX_ZOOM);
}

/**
 * One rule for showing the selection, whichever way it was made (a click, the
 * URL, the iframe API): it must be in the part of the map that is visible,
 * the map minus `pad` (the panel or sheet over it, plus a margin). Returns
 * null when it already is (the map does not move); else the smallest move:
 * a pan at the same zoom when the box fits in the free room, or a frame
 * (frameView) when it does not. `box` is what must be seen: the feature, or
 * the spot of a click on a feature too large to fit.
 */
export function revealView(box: Box, current: MapView, width: number, height: number, pad: number | Padding = 40): MapView | null {
  const p = padding(pad);
  const [w, s, e, n] = box;
  const project = projector({ ...current, width, height });
  const [x0, y0] = project(w, n);
  const [x1, y1] = project(e, s);
  const room = { left: p.left, top: p.top, right: width - p.right, bottom: height - p.bottom };
  if (x0 >= room.left && x1 <= room.right && y0 >= room.top && y1 <= room.bottom) return null;
  if (x1 - x0 > room.right - room.left || y1 - y0 > room.bottom - room.top) return frameView(box, current, width, height, p);
  // The least shift that brings the box inside the free room.
  const dx = x0 < room.left ? x0 - room.left : x1 > room.right ? x1 - room.right : 0;
  const dy = y0 < room.top ? y0 - room.top : y1 > room.bottom ? y1 - room.bottom : 0;
  const [lng, lat] = unprojector({ ...current, width, height })(width / 2 + dx, height / 2 + dy);
  return clampView({ zoom: current.zoom, lng, lat });
}
