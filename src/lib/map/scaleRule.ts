/**
 * When a scale bar means something. In Web Mercator the ground distance of a
 * pixel shrinks with cos(latitude), so at small zooms one bar is true at one
 * latitude only ("1000 km" at world zoom is misleading). The bar is shown
 * when the scale changes by no more than `tolerance` between the top and the
 * bottom of the view. Pure.
 */
export const SCALE_TOLERANCE = 0.2;

/** Largest over smallest ground scale (cos latitude) within a band of latitudes, in degrees. */
export function scaleVariation(south: number, north: number): number {
  const rad = (d: number) => (Math.max(-85, Math.min(85, d)) * Math.PI) / 180;
  const [lo, hi] = [Math.min(south, north), Math.max(south, north)];
  // cos is largest at the latitude nearest the equator, smallest at the one farthest from it.
  const nearest = lo <= 0 && hi >= 0 ? 0 : Math.min(Math.abs(lo), Math.abs(hi));
  const farthest = Math.max(Math.abs(lo), Math.abs(hi));
  return Math.cos(rad(nearest)) / Math.cos(rad(farthest));
}

export function scaleBarMeaningful(south: number, north: number, tolerance = SCALE_TOLERANCE): boolean {
  return scaleVariation(south, north) <= 1 + tolerance;
}
