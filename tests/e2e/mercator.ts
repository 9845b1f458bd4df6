/** Web Mercator projection as MapLibre uses it (512 px tiles), to click the canvas at a coordinate. */
export interface View {
  zoom: number;
  lat: number;
  lng: number;
}

function world(lng: number, lat: number, zoom: number): [number, number] {
  const size = 512 * 2 ** zoom;
  const x = ((lng + 180) / 360) * size;
  const s = Math.sin((lat * Math.PI) / 180);
  const y = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * size;
  return [x, y];
}

/** Pixel of [lng, lat] in a canvas of `width`×`height` showing `view` (no rotation or pitch). */
export function project(view: View, width: number, height: number, lng: number, lat: number): { x: number; y: number } {
  const [cx, cy] = world(view.lng, view.lat, view.zoom);
  const [px, py] = world(lng, lat, view.zoom);
  return { x: width / 2 + (px - cx), y: height / 2 + (py - cy) };
}
