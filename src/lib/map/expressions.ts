/** Small named style expressions, shared by the layer definitions. */
import type { ExpressionSpecification } from 'maplibre-gl';
import { LANE_STOPS } from '../view/lanes.ts';
import { MODE_COLORS, modeColor } from '../cartography/palette.ts';

export function colorByMode(): ExpressionSpecification {
  const pairs = Object.entries(MODE_COLORS).flatMap(([mode, color]) => [mode, color]);
  return ['match', ['get', 'mode'], ...pairs, modeColor('')] as unknown as ExpressionSpecification;
}

/** A number that grows when the feature is hovered and more when selected. */
export function byInteraction(base: number, hovered: number, selected: number): ExpressionSpecification {
  return [
    'case',
    ['boolean', ['feature-state', 'selected'], false], selected,
    ['boolean', ['feature-state', 'hover'], false], hovered,
    base,
  ];
}

export const isLine: ExpressionSpecification = ['==', ['geometry-type'], 'LineString'];
export const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
export const isPolygon: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];

/** Schematic lines are drawn dashed; surveyed and approximate ones solid. */
export function isSchematic(yes: boolean): ExpressionSpecification {
  return [yes ? '==' : '!=', ['get', 'basis'], 'schematic'];
}

/** Label in the chosen language, falling back to English. */
export function labelText(lang: 'en' | 'zh'): ExpressionSpecification {
  return lang === 'zh'
    ? ['case', ['!=', ['get', 'name_zh'], ''], ['get', 'name_zh'], ['get', 'name']]
    : ['get', 'name'];
}

/** Pixel offset for a line's lane, growing with zoom so parallel routes stay apart. */
export function laneOffset(): ExpressionSpecification {
  return ['interpolate', ['linear'], ['zoom'], ...LANE_STOPS.flatMap(([z, px]) => [z, ['*', ['get', 'lane'], px]])] as unknown as ExpressionSpecification;
}
