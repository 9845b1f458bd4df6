/**
 * Point symbols (cartography/symbols.ts), drawn once on a canvas and added to
 * the map as images (`icon-<kind>`), so the style needs no sprite sheet from a
 * server.
 */
import { BASEMAP_COLORS } from '../cartography/palette.ts';
import { ICON_RIM, ICON_SIZE, ICONS, type IconSpec, type PointKind } from '../cartography/symbols.ts';
import { placeDotRadius } from '../cartography/labels.ts';

function drawOn(ctx: CanvasRenderingContext2D, spec: IconSpec, scale: number): void {
  ctx.save();
  ctx.scale(scale, scale);
  const outer = new Path2D(spec.shape);
  ctx.fillStyle = spec.fill;
  ctx.fill(outer);
  ctx.lineWidth = ICON_RIM;
  ctx.strokeStyle = BASEMAP_COLORS.halo;
  ctx.stroke(outer);
  if (spec.glyph) {
    ctx.fillStyle = BASEMAP_COLORS.halo;
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

/** The basemap's place dot (image `place-dot`): a grey disc with a white rim, the size of a capital's dot (smaller tiers are scaled down). */
export const PLACE_DOT_SIZE = 2 * placeDotRadius(0) + 2;

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
  ctx.strokeStyle = BASEMAP_COLORS.halo;
  ctx.stroke();
  return ctx.getImageData(0, 0, size, size);
}
