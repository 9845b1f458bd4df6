/**
 * The shape of a figure, chosen by the reader rather than by the screen:
 * four aspects (slide 16:9, 4:3, square, A4 portrait), each laid out at one
 * size in CSS pixels; the PNG is that layout at 1×, 2× or 3×, the PDF page is
 * its size in points (A4 exactly). Also the figure's view of the map — the
 * reader's view, fitted into the figure's map frame — and which features fall
 * inside it. Pure.
 */
import type { AtlasFeature } from '../atlas/types.ts';
import { segmentHitsBox } from '../view/collision.ts';
import { fitView } from '../view/viewRules.ts';
import { projector, unprojector, type FrameView } from '../view/webMercator.ts';

export const FIGURE_ASPECTS = ['16:9', '4:3', 'square', 'a4-portrait'] as const;
export type FigureAspect = (typeof FIGURE_ASPECTS)[number];

export function isFigureAspect(v: unknown): v is FigureAspect {
  return (FIGURE_ASPECTS as readonly unknown[]).includes(v);
}

/**
 * The layout size of each aspect in CSS pixels. Text sizes are fixed in CSS
 * pixels, so this also fixes how large text is relative to the figure: a
 * 960-pixel-wide figure set across a report's text column keeps its notes
 * readable. A4 is 210 × 297 mm at 96 px per inch.
 */
export const FIGURE_SIZES: Record<FigureAspect, { width: number; height: number }> = {
  '16:9': { width: 960, height: 540 },
  '4:3': { width: 960, height: 720 },
  square: { width: 800, height: 800 },
  'a4-portrait': { width: 794, height: 1123 },
};

/** PNG pixel ratios offered. */
export const PNG_RATIOS = [1, 2, 3] as const;

/** The PDF page in points: the layout size at 96 px per inch, except A4, which is exactly 595.28 × 841.89 pt. */
export function pdfPageSize(aspect: FigureAspect): { width: number; height: number } {
  if (aspect === 'a4-portrait') return { width: 595.28, height: 841.89 };
  const { width, height } = FIGURE_SIZES[aspect];
  return { width: width * 0.75, height: height * 0.75 };
}

/**
 * The figure's view: the same centre as the reader's view, zoomed so that all
 * of the reader's view fits in the figure's map frame (a figure of another
 * shape shows a little more on one axis, never less).
 */
export function fitFrameView(screen: FrameView, frame: { width: number; height: number }): FrameView {
  const k = Math.min(frame.width / screen.width, frame.height / screen.height);
  return { zoom: screen.zoom + Math.log2(k), lat: screen.lat, lng: screen.lng, width: frame.width, height: frame.height };
}

type Xy = [number, number];
const rings = (f: AtlasFeature): number[][][] => {
  const g = f.geometry;
  switch (g.type) {
    case 'Point':
      return [[g.coordinates]];
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates;
    case 'MultiPolygon':
      return g.coordinates.flat();
    default:
      return [];
  }
};

/** Whether the segment a–b (or the point a, when b is absent) touches the rectangle [0, w] × [0, h]. */
function segmentTouches(a: Xy, b: Xy | undefined, w: number, h: number): boolean {
  const inside = (p: Xy) => p[0] >= 0 && p[0] <= w && p[1] >= 0 && p[1] <= h;
  if (inside(a) || (b && inside(b))) return true;
  return !!b && segmentHitsBox({ x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, { x0: 0, y0: 0, x1: w, y1: h });
}

/**
 * Features drawn in the frame: a point inside it, a line or ring with a
 * segment crossing it, or a polygon that encloses the frame's centre.
 */
export function featuresInFrame<F extends AtlasFeature>(features: readonly F[], view: FrameView): F[] {
  const project = projector(view);
  const { width: w, height: h } = view;
  return features.filter((f) => {
    const parts = rings(f).map((ring) => ring.map(([lng, lat]) => project(lng, lat)));
    if (parts.some((ring) => ring.length === 1 ? segmentTouches(ring[0], undefined, w, h) : ring.slice(1).some((p, i) => segmentTouches(ring[i], p, w, h)))) return true;
    if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') return false;
    // A zone larger than the frame: is the frame's centre inside an outer ring (even–odd)?
    const [cx, cy] = [w / 2, h / 2];
    return parts.some((ring) => {
      let inside = false;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > cy !== yj > cy && cx < ((xj - xi) * (cy - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    });
  });
}

/**
 * The figure's view, framed on what it shows: the reader's view fitted into
 * the frame (fitFrameView), then zoomed in to the box of what the reader
 * sees of the features, where that is tighter. A first view of the whole
 * atlas drawn over the oceans becomes a figure of the atlas's region; a view
 * already full of features stays as it is.
 */
export function figureFrameView(screen: FrameView, frame: { width: number; height: number }, features: readonly AtlasFeature[], pad = 28): FrameView {
  const base = fitFrameView(screen, frame);
  const unproject = unprojector(screen);
  const [west, north] = unproject(0, 0);
  const [east, south] = unproject(screen.width, screen.height);
  let box: [number, number, number, number] | null = null;
  for (const f of features) {
    for (const ring of rings(f)) {
      for (const [lng, lat] of ring) {
        if (lng < west || lng > east || lat < south || lat > north) continue;
        box = box ? [Math.min(box[0], lng), Math.min(box[1], lat), Math.max(box[2], lng), Math.max(box[3], lat)] : [lng, lat, lng, lat];
      }
    }
  }
  if (!box || box[0] === box[2] || box[1] === box[3]) return base;
  const fitted = fitView(box, frame.width, frame.height, pad);
  return fitted.zoom > base.zoom ? { ...fitted, width: frame.width, height: frame.height } : base;
}
