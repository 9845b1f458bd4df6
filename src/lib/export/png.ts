/**
 * Draw a laid-out figure on a 2D canvas at a pixel ratio: the captured map
 * image in its frame, the scale bar, legend swatches and all text.
 */
import { ICONS } from '../map/icons.ts';
import { APPROXIMATE_RING } from '../map/palette.ts';
import type { FigureLayout, Font } from './layout.ts';
import { FONT_FAMILY } from './layout.ts';
import type { LegendItem } from './legend.ts';
import type { ScaleBar } from './scaleBar.ts';

export const canvasFont = (f: Font) => `${f.weight} ${f.size}px ${FONT_FAMILY}`;

/** Text measurement with a canvas, for layoutFigure. */
export function canvasMeasure(): (text: string, font: Font) => number {
  const ctx = document.createElement('canvas').getContext('2d')!;
  return (text, font) => {
    ctx.font = canvasFont(font);
    return ctx.measureText(text).width;
  };
}

function drawSwatch(ctx: CanvasRenderingContext2D, item: LegendItem, x: number, y: number): void {
  ctx.save();
  if (item.kind === 'approximate') {
    ctx.beginPath();
    ctx.arc(x + 14, y + 7, 7, 0, 2 * Math.PI);
    ctx.fillStyle = APPROXIMATE_RING.fill;
    ctx.fill();
    ctx.strokeStyle = APPROXIMATE_RING.stroke;
    ctx.lineWidth = 1.2;
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(x + 14, y + 7, 3, 0, 2 * Math.PI);
    ctx.fillStyle = '#374151';
    ctx.fill();
  } else if (item.kind === 'line' || item.kind === 'schematic' || item.kind === 'surveyed') {
    ctx.strokeStyle = item.kind === 'line' ? item.color : '#374151';
    ctx.lineWidth = item.kind === 'line' ? 3 : 2.5;
    ctx.lineCap = item.kind === 'schematic' ? 'butt' : 'round';
    if (item.kind === 'schematic') ctx.setLineDash([5, 3.6]);
    ctx.beginPath();
    ctx.moveTo(x + 2, y + 7);
    ctx.lineTo(x + 26, y + 7);
    ctx.stroke();
  } else if (item.kind === 'zone') {
    ctx.fillStyle = `${item.color}26`;
    ctx.fillRect(x + 2, y + 2, 24, 10);
    ctx.strokeStyle = item.color;
    ctx.setLineDash([3, 2]);
    ctx.strokeRect(x + 2, y + 2, 24, 10);
  } else {
    const spec = ICONS[item.pointKind];
    ctx.translate(x + 14 - 8.5, y + 7 - 8.5);
    ctx.scale(17 / 24, 17 / 24);
    const shape = new Path2D(spec.shape);
    ctx.fillStyle = spec.fill;
    ctx.fill(shape);
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 1.6;
    ctx.stroke(shape);
    if (spec.glyph) {
      ctx.fillStyle = '#fff';
      ctx.fill(new Path2D(spec.glyph), 'evenodd');
    }
  }
  ctx.restore();
}

function drawScale(ctx: CanvasRenderingContext2D, scale: ScaleBar, mapX: number, mapY: number, mapH: number): void {
  const y = mapY + mapH - 12;
  const x = mapX + 12;
  ctx.fillStyle = '#ffffffd9';
  ctx.fillRect(x - 4, y - 18, scale.px + 16, 24);
  ctx.strokeStyle = '#111827';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(x, y - 5);
  ctx.lineTo(x, y);
  ctx.lineTo(x + scale.px, y);
  ctx.lineTo(x + scale.px, y - 5);
  ctx.stroke();
  ctx.fillStyle = '#111827';
  ctx.font = canvasFont({ size: 10.5, weight: 400 });
  ctx.fillText(scale.label, x + 2, y - 7);
}

/** A canvas of round(width × ratio) × round(height × ratio) device pixels holding the figure. */
export function drawFigure(layout: FigureLayout, mapImage: CanvasImageSource, scale: ScaleBar, ratio: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(layout.width * ratio);
  canvas.height = Math.round(layout.height * ratio);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  const m = layout.map;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(mapImage, m.x, m.y, m.width, m.height);
  ctx.strokeStyle = '#9ca3af';
  ctx.lineWidth = 1;
  ctx.strokeRect(m.x + 0.5, m.y + 0.5, m.width - 1, m.height - 1);
  drawScale(ctx, scale, m.x, m.y, m.height);
  for (const s of layout.swatches) drawSwatch(ctx, s.item, s.x, s.y);
  ctx.strokeStyle = '#e5e7eb';
  for (const r of layout.rules) {
    ctx.beginPath();
    ctx.moveTo(16, r.y + 0.5);
    ctx.lineTo(layout.width - 16, r.y + 0.5);
    ctx.stroke();
  }
  for (const t of layout.texts) {
    ctx.font = canvasFont(t.font);
    ctx.fillStyle = t.color;
    ctx.fillText(t.text, t.x, t.y);
  }
  return canvas;
}
