/**
 * What a legend entry shows, as SVG shapes in a 28×14 box (symbols in a box
 * of their own size): the on-screen legend renders them as elements, the
 * figure as markup, so a legend never draws a style the map does not.
 */
import { BASEMAP_COLORS, NEUTRAL_INK } from './palette.ts';
import { SCHEMATIC_DASH, SCHEMATIC_LINE, SURVEYED_LINE } from './lines.ts';
import { APPROXIMATE_RING, ICON_RIM, ICON_SIZE, ICONS, type PointKind } from './symbols.ts';
import { ZONE_STYLE } from './zones.ts';

export interface Shape {
  tag: 'line' | 'circle' | 'rect' | 'path' | 'g';
  attrs: Record<string, string | number>;
  children?: Shape[];
}

export type Swatch =
  | { kind: 'line'; color: string }
  | { kind: 'surveyed' }
  | { kind: 'schematic' }
  | { kind: 'approximate' }
  | { kind: 'zone'; color: string }
  | { kind: 'symbol'; pointKind: PointKind; size?: number };

export const SWATCH_WIDTH = 28;
export const SWATCH_HEIGHT = 14;

const stroke = (y: number, color: string, width: number, dash?: string): Shape => ({
  tag: 'line',
  attrs: { x1: 2, y1: y, x2: SWATCH_WIDTH - 2, y2: y, stroke: color, 'stroke-width': width, 'stroke-linecap': dash ? 'butt' : 'round', ...(dash ? { 'stroke-dasharray': dash } : {}) },
});

/** A point symbol centred on (cx, cy), `size` px across. */
export function symbolShapes(kind: PointKind, cx: number, cy: number, size = ICON_SIZE): Shape[] {
  const spec = ICONS[kind];
  const k = size / 24;
  return [
    {
      tag: 'g',
      attrs: { transform: `translate(${+(cx - size / 2).toFixed(1)} ${+(cy - size / 2).toFixed(1)}) scale(${+k.toFixed(4)})` },
      children: [
        { tag: 'path', attrs: { d: spec.shape, fill: spec.fill, stroke: BASEMAP_COLORS.halo, 'stroke-width': ICON_RIM } },
        ...(spec.glyph ? [{ tag: 'path' as const, attrs: { d: spec.glyph, fill: BASEMAP_COLORS.halo, 'fill-rule': 'evenodd' } }] : []),
      ],
    },
  ];
}

/** The ring round an approximate point, centred on (cx, cy). */
export function ringShape(cx: number, cy: number, radius: number = APPROXIMATE_RING.radius): Shape {
  return { tag: 'circle', attrs: { cx, cy, r: radius, fill: APPROXIMATE_RING.fill, 'fill-opacity': APPROXIMATE_RING.fillOpacity, stroke: APPROXIMATE_RING.stroke, 'stroke-width': APPROXIMATE_RING.strokeWidth, 'stroke-opacity': APPROXIMATE_RING.strokeOpacity } };
}

/** The shapes of a legend swatch in its 28×14 box. */
export function swatchShapes(s: Swatch): Shape[] {
  const mid = SWATCH_HEIGHT / 2;
  switch (s.kind) {
    case 'line':
      return [stroke(mid, s.color, SURVEYED_LINE.base + 0.5)];
    case 'surveyed':
      return [stroke(mid, NEUTRAL_INK.swatch, SURVEYED_LINE.base)];
    case 'schematic':
      return [stroke(mid, NEUTRAL_INK.swatch, SURVEYED_LINE.base, SCHEMATIC_DASH.map((k) => +(k * SCHEMATIC_LINE.base).toFixed(1)).join(' '))];
    case 'approximate':
      return [ringShape(SWATCH_WIDTH / 2, mid, mid), { tag: 'circle', attrs: { cx: SWATCH_WIDTH / 2, cy: mid, r: 3, fill: NEUTRAL_INK.swatch } }];
    case 'zone':
      return [{ tag: 'rect', attrs: { x: 2, y: 2, width: SWATCH_WIDTH - 4, height: SWATCH_HEIGHT - 4, fill: s.color, 'fill-opacity': ZONE_STYLE.hoverFillOpacity, stroke: s.color, 'stroke-width': ZONE_STYLE.outlineWidth } }];
    case 'symbol':
      return symbolShapes(s.pointKind, SWATCH_WIDTH / 2, mid, s.size ?? 17);
  }
}
