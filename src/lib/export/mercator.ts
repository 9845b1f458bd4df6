/**
 * The map's projection for the SVG: planar Web Mercator with 512 px tiles,
 * exactly as MapLibre draws the view (straight segments between vertices),
 * as a d3-geo transform clipped to the frame. d3's spherical geoMercator would
 * bend segments along great circles and reads polygon winding spherically, so
 * the planar transform is both closer to the map and safe with the basemap's
 * planar polygons. Pure.
 */
import { geoClipRectangle, geoPath, geoTransform, type GeoPath, type GeoStreamWrapper } from 'd3';

export interface FrameView {
  zoom: number;
  lat: number;
  lng: number;
  /** Frame size in CSS pixels. */
  width: number;
  height: number;
}

const MAX_LAT = 85.0511287798;

/** World pixel of [lng, lat] at a zoom. */
export function worldPixel(lng: number, lat: number, zoom: number): [number, number] {
  const size = 512 * 2 ** zoom;
  const s = Math.sin((Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180);
  return [((lng + 180) / 360) * size, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * size];
}

/** [lng, lat] → frame pixel [x, y]. */
export function projector(view: FrameView): (lng: number, lat: number) => [number, number] {
  const [cx, cy] = worldPixel(view.lng, view.lat, view.zoom);
  return (lng, lat) => {
    const [x, y] = worldPixel(lng, lat, view.zoom);
    return [x - cx + view.width / 2, y - cy + view.height / 2];
  };
}

/** A d3 geoPath that draws GeoJSON in the frame, clipped to it (with a little bleed for line caps). */
export function framePath(view: FrameView, bleed = 20): GeoPath {
  const project = projector(view);
  const mercator = geoTransform({
    point(lng, lat) {
      const [x, y] = project(lng, lat);
      this.stream.point(x, y);
    },
  });
  const clip = geoClipRectangle(-bleed, -bleed, view.width + bleed, view.height + bleed);
  const projection: GeoStreamWrapper = { stream: (s) => mercator.stream(clip(s)) };
  return geoPath(projection).digits(1);
}
