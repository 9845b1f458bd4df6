/**
 * Point symbols, drawn once on a canvas and added to the map as images
 * (`icon-<kind>`), so the style needs no sprite sheet from a server.
 */
import { BASEMAP_COLORS, MODE_COLORS } from './palette.ts';
import type { PointKind } from './palette.ts';

export const ICON_SIZE = 22;

interface IconSpec {
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

function drawOn(ctx: CanvasRenderingContext2D, spec: IconSpec, scale: number): void {
  ctx.save();
  ctx.scale(scale, scale);
  const outer = new Path2D(spec.shape);
  ctx.fillStyle = spec.fill;
  ctx.fill(outer);
  ctx.lineWidth = 1.6;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke(outer);
  if (spec.glyph) {
    ctx.fillStyle = '#ffffff';
    ctx.fill(new Path2D(spec.glyph), 'evenodd');
  }
  ctx.restore();
}

/** Draw one icon at `pixelRatio` and return its pixels. */
export function iconImage(kind: PointKind, pixelRatio: number): ImageData {
  const size = Math.round(ICON_SIZE * pixelRatio);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  // Read back at once: a CPU-backed canvas skips a GPU readback per icon (~30 ms each in software GL).
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  drawOn(ctx, ICONS[kind], size / 24);
  return ctx.getImageData(0, 0, size, size);
}

/** The basemap's place dot (image `place-dot`): a small grey disc with a white rim, 8 CSS pixels across. */
export const PLACE_DOT_SIZE = 8;

export function placeDotImage(pixelRatio: number): ImageData {
  const size = Math.round(PLACE_DOT_SIZE * pixelRatio);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.beginPath();
  ctx.arc(size / 2, size / 2, size / 2 - pixelRatio, 0, 2 * Math.PI);
  ctx.fillStyle = BASEMAP_COLORS.placeDot;
  ctx.fill();
  ctx.lineWidth = pixelRatio;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  return ctx.getImageData(0, 0, size, size);
}
