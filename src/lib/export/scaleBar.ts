/** A scale bar for a Web Mercator view: a round distance that fits in `maxPx`. Pure. */
import { scaleBarMeaningful } from '../map/scaleRule.ts';
import { unprojector, type FrameView } from '../view/webMercator.ts';

const EARTH_CIRCUMFERENCE_M = 40075016.686;

/** Metres per CSS pixel at a latitude and zoom (512 px tiles, as MapLibre). */
export function metresPerPixel(lat: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

export interface ScaleBar {
  /** Length of the bar in CSS pixels. */
  px: number;
  /** What it measures, e.g. "200 km". */
  label: string;
}

export function scaleBar(lat: number, zoom: number, maxPx = 100): ScaleBar {
  const maxM = metresPerPixel(lat, zoom) * maxPx;
  const pow = 10 ** Math.floor(Math.log10(maxM));
  const step = [5, 2, 1].map((s) => s * pow).find((d) => d <= maxM) ?? pow;
  const px = step / metresPerPixel(lat, zoom);
  const label = step >= 1000 ? `${(step / 1000).toLocaleString('en-US')} km` : `${step} m`;
  return { px, label };
}

/**
 * The scale bar of a figure, or null where one scale does not hold across it
 * (Mercator at small zooms: the same rule as the on-screen bar, scaleRule.ts).
 */
export function figureScaleBar(view: FrameView, maxPx = 100): ScaleBar | null {
  const unproject = unprojector(view);
  const north = unproject(view.width / 2, 0)[1];
  const south = unproject(view.width / 2, view.height)[1];
  return scaleBarMeaningful(south, north) ? scaleBar(view.lat, view.zoom, maxPx) : null;
}
