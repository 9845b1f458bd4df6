/**
 * The one Web Mercator of the atlas, as MapLibre draws it: 512-pixel tiles,
 * planar (straight segments between vertices), north up, no rotation or
 * pitch. The SVG fallback map, the SVG and PNG figures, the view maths and the
 * tests all project with this module. Pure: no DOM.
 */
import { geoClipRectangle, geoPath, geoTransform, type GeoPath, type GeoStreamWrapper } from 'd3';

/** Web Mercator's latitude limit (the square world). */
export const MAX_MERCATOR_LAT = 85.0511287798;

/** A view (`zoom/lat/lng`, as in the URL hash) drawn into a box of `width`×`height` CSS pixels. */
export interface FrameView {
  zoom: number;
  lat: number;
  lng: number;
  width: number;
  height: number;
}

/** Pixels around the whole world at a zoom. */
export const worldSize = (zoom: number) => 512 * 2 ** zoom;

/** World pixel of [lng, lat] at a zoom (0,0 = north-west corner of the world). */
export function worldPixel(lng: number, lat: number, zoom: number): [number, number] {
  const size = worldSize(zoom);
  const s = Math.sin((Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat)) * Math.PI) / 180);
  return [((lng + 180) / 360) * size, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * size];
}

/** [lng, lat] of a world pixel at a zoom (the inverse of worldPixel; longitude not wrapped). */
export function worldLngLat(x: number, y: number, zoom: number): [number, number] {
  const size = worldSize(zoom);
  const lng = (x / size) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / size))) * 180) / Math.PI;
  return [lng, lat];
}

/** [lng, lat] → frame pixel [x, y]. */
export function projector(view: FrameView): (lng: number, lat: number) => [number, number] {
  const [cx, cy] = worldPixel(view.lng, view.lat, view.zoom);
  const dx = view.width / 2 - cx;
  const dy = view.height / 2 - cy;
  return (lng, lat) => {
    const [x, y] = worldPixel(lng, lat, view.zoom);
    return [x + dx, y + dy];
  };
}

/** Frame pixel [x, y] → [lng, lat]. */
export function unprojector(view: FrameView): (x: number, y: number) => [number, number] {
  const [cx, cy] = worldPixel(view.lng, view.lat, view.zoom);
  return (x, y) => worldLngLat(x - view.width / 2 + cx, y - view.height / 2 + cy, view.zoom);
}

/** A d3 geoPath that draws GeoJSON in the frame, clipped to it (with `bleed` pixels for line caps). Planar, so polygon winding does not matter. */
export function framePath(view: FrameView, bleed = 20, digits = 1, minStep = 0): GeoPath {
  const project = projector(view);
  // With minStep: a point less than minStep pixels from the last one drawn is skipped (a line's last point never is).
  let last: [number, number] | null = null;
  let skipped: [number, number] | null = null;
  const mercator = geoTransform({
    lineStart() {
      last = skipped = null;
      this.stream.lineStart();
    },
    point(lng, lat) {
      const [x, y] = project(lng, lat);
      if (last && Math.abs(x - last[0]) < minStep && Math.abs(y - last[1]) < minStep) {
        skipped = [x, y];
        return;
      }
      this.stream.point(x, y);
      last = [x, y];
      skipped = null;
    },
    lineEnd() {
      if (skipped) this.stream.point(skipped[0], skipped[1]);
      last = skipped = null;
      this.stream.lineEnd();
    },
  });
  const clip = geoClipRectangle(-bleed, -bleed, view.width + bleed, view.height + bleed);
  const projection: GeoStreamWrapper = { stream: (s) => mercator.stream(clip(s)) };
  return geoPath(projection).digits(digits);
}

/** Frame pixel of [lng, lat] in a `width`×`height` map showing the view `zoom/lat/lng`, as {x, y} (tests click there). */
export function pixelOf(view: { zoom: number; lat: number; lng: number }, width: number, height: number, lng: number, lat: number): { x: number; y: number } {
  const [x, y] = projector({ zoom: view.zoom, lat: view.lat, lng: view.lng, width, height })(lng, lat);
  return { x, y };
}
