/**
 * Label widths as the browser sets them in the map's font (cartography/labels.ts),
 * measured with a canvas and remembered per text: what the one label pass
 * needs on screen, for the SVG map and MapLibre alike.
 */
import { FONT_FAMILY } from '../cartography/labels.ts';
import type { LabelMeasure } from './atlasLabels.ts';

export function mapLabelMeasure(): LabelMeasure {
  const ctx = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  const cache = new Map<string, number>();
  return (text, size, weight) => {
    const key = `${weight} ${size} ${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      if (ctx) {
        ctx.font = `${weight} ${size}px ${FONT_FAMILY}`;
        w = ctx.measureText(text).width;
      } else w = text.length * size * 0.6;
      cache.set(key, w);
    }
    return w;
  };
}
