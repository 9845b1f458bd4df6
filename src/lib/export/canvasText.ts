/** Text measured as the browser sets it, for laying out figures (PNG and SVG use the browser's fonts). */
import type { Font } from './layout.ts';
import { FONT_FAMILY } from '../cartography/labels.ts';

export const canvasFont = (f: Font) => `${f.weight} ${f.size}px ${FONT_FAMILY}`;

/** Text measurement with a canvas, for layoutFigure. */
export function canvasMeasure(): (text: string, font: Font) => number {
  const ctx = document.createElement('canvas').getContext('2d')!;
  return (text, font) => {
    ctx.font = canvasFont(font);
    return ctx.measureText(text).width;
  };
}
