/**
 * Point symbols: one shape and glyph per point kind, in a 24×24 box, drawn at
 * ICON_SIZE CSS pixels by every renderer; the ring round an approximate
 * position; the highlight round a selected or hovered point.
 */
import { MODE_COLORS } from './palette.ts';

/** Point kinds that get their own map symbol (MapLibre image name = `icon-<kind>`). */
export const POINT_KINDS = ['port', 'airport', 'land-port', 'rail-hub', 'customs', 'venue'] as const;
export type PointKind = (typeof POINT_KINDS)[number];

/** A kind without a symbol of its own is drawn as a venue. */
export const symbolKind = (kind: string): PointKind => ((POINT_KINDS as readonly string[]).includes(kind) ? (kind as PointKind) : 'venue');

export const ICON_SIZE = 22;
/** Width of the white rim round every symbol, in the 24-unit box. */
export const ICON_RIM = 1.6;

export interface IconSpec {
  fill: string;
  /** Outer shape in a 24×24 box. */
  shape: string;
  /** White glyph drawn on top, 24×24 box. */
  glyph?: string;
}

const CIRCLE = 'M12 2a10 10 0 1 0 0.001 0z';
const ROUNDED_SQUARE = 'M5 2h14a3 3 0 0 1 3 3v14a3 3 0 0 1-3 3H5a3 3 0 0 1-3-3V5a3 3 0 0 1 3-3z';
const DIAMOND = 'M12 1l11 11-11 11L1 12z';
const HEXAGON = 'M12 1.5l9.5 5.25v10.5L12 22.5l-9.5-5.25V6.75z';

export const ICONS: Record<PointKind, IconSpec> = {
  // Anchor.
  port: { fill: MODE_COLORS.river, shape: CIRCLE, glyph: 'M11 6.2a1.6 1.6 0 1 1 2 0V8h2v1.6h-2v6.7a4.2 4.2 0 0 0 3.3-3.1l-1.1-.3 2.2-1.9.9 2.8-1-.3A6 6 0 0 1 12 18a6 6 0 0 1-5.3-4.5l-1 .3.9-2.8 2.2 1.9-1.1.3a4.2 4.2 0 0 0 3.3 3.1V9.6H9V8h2z' },
  // Aeroplane.
  airport: { fill: MODE_COLORS.air, shape: CIRCLE, glyph: 'M12 4.5c.7 0 1.1.7 1.1 1.5v3.7l5.4 3.1v1.6l-5.4-1.7v3.4l1.6 1.2v1.2L12 17.8l-2.7.7v-1.2l1.6-1.2v-3.4l-5.4 1.7v-1.6l5.4-3.1V6c0-.8.4-1.5 1.1-1.5z' },
  // Container box.
  'land-port': { fill: MODE_COLORS.rail, shape: ROUNDED_SQUARE, glyph: 'M6 8h12v8H6zM8 9.5v5h1.3v-5zM11.35 9.5v5h1.3v-5zM14.7 9.5v5H16v-5z' },
  // Train front.
  'rail-hub': { fill: MODE_COLORS.rail, shape: CIRCLE, glyph: 'M8.5 6h7A1.5 1.5 0 0 1 17 7.5v7a1.5 1.5 0 0 1-1.5 1.5l1.5 2h-1.6l-1.5-2H10.1l-1.5 2H7l1.5-2A1.5 1.5 0 0 1 7 14.5v-7A1.5 1.5 0 0 1 8.5 6zm0 1.8v3.2h7V7.8zm.9 5.2a1 1 0 1 0 0 .01zm5.2 0a1 1 0 1 0 0 .01z' },
  // Seal: customs office.
  customs: { fill: MODE_COLORS.administrative, shape: DIAMOND, glyph: 'M12 7l4.5 2v3c0 2.6-1.9 4.4-4.5 5-2.6-.6-4.5-2.4-4.5-5V9z' },
  // Star: meeting venue.
  venue: { fill: '#475569', shape: HEXAGON, glyph: 'M12 6.5l1.6 3.4 3.7.4-2.8 2.5.8 3.7L12 14.6l-3.3 1.9.8-3.7-2.8-2.5 3.7-.4z' },
};

/** The ring drawn round an approximate point: the place is within about 10 km, not exactly here. */
export const APPROXIMATE_RING = { radius: 13, fill: '#ffffff', fillOpacity: 0.45, stroke: '#57534e', strokeWidth: 1.2, strokeOpacity: 0.9 } as const;

/** The highlight under a point: none at rest, this radius when hovered or selected. */
export const POINT_HIGHLIGHT = { hoveredRadius: 13, selectedRadius: 15, hoveredStroke: 1, selectedStroke: 2 } as const;

/** Half the box a symbol covers, for collisions and hit tests (the icon plus its rim). */
export const SYMBOL_HALF = ICON_SIZE / 2;
