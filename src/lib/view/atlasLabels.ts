/**
 * The one placement of the atlas's own labels, for the SVG map and the
 * figure: each point's name at the first free spot round its symbol, each
 * line's name at the first free spot along it, the selected feature first,
 * then by priority. A label that finds no room is never drawn over another:
 * it gets a short leader line (only when the leader crosses no label and no
 * other leader), or a key letter at its symbol (listed beside the legend), or
 * it is left off. Widths come from the caller's measure, in the font the
 * output is set in. Pure.
 */
import type { LineString, MultiLineString, Point, Position } from 'geojson';
import { LINE_LABEL, POINT_LABEL, POINT_LABEL_GAP, SELECTED_LABEL_WEIGHT } from '../cartography/labels.ts';
import { NEUTRAL_INK } from '../cartography/palette.ts';
import { SYMBOL_HALF } from '../cartography/symbols.ts';
import { CollisionIndex, overlaps, segmentHitsBox, textBox, type Box, type Segment } from './collision.ts';

export { segmentHitsBox };
import { projector, type FrameView } from './webMercator.ts';

export type LabelMeasure = (text: string, size: number, weight: number) => number;

export interface LabelSubject {
  id: string;
  text: string;
  geometry: Point | LineString | MultiLineString;
  /** Ink of a line's label (its mode's colour); points use the label colour. */
  color: string;
  /** Lower is placed first (the selected feature always comes first). */
  priority: number;
}

/** A feature label placed on the map: text, anchor point, the box it covers and, when it sits away from its feature, a leader line. */
export interface MapLabel {
  featureId: string;
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  size: number;
  weight: number;
  fill: string;
  box: Box;
  leader?: { x1: number; y1: number; x2: number; y2: number; stroke: string };
}

/** A point whose name found no room: a letter beside its symbol, its name listed beside the legend. */
export interface KeyMark {
  featureId: string;
  key: string;
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
}

export interface LabelOptions {
  view: FrameView;
  subjects: readonly LabelSubject[];
  selectedId: string | null;
  measure: LabelMeasure;
  /** Ink of point labels. */
  pointColor: string;
  /** Boxes nothing may cover (the scale bar). */
  reserved?: readonly Box[];
  /** Points are named (the map's zoom rule); lines are named when `lineLabels`. */
  pointLabels?: boolean;
  lineLabels?: boolean;
  /** Labels may step away from a crowded feature along a short leader line. */
  leaders?: boolean;
  /** Points that find no room get a key letter. */
  keys?: boolean;
}

export interface PlacedLabels {
  labels: MapLabel[];
  keys: KeyMark[];
  /** Features with neither label nor key. */
  unlabelled: string[];
  /** Everything the pass covered (symbols, labels, leaders' labels, keys, reserved boxes): basemap names go in what is left. */
  taken: Box[];
}

/** A fresh collision index over a view, holding what the atlas's labels took. */
export function takenIndex(placed: Pick<PlacedLabels, 'taken'>, view: { width: number; height: number }): CollisionIndex {
  const index = new CollisionIndex({ x0: 0, y0: 0, x1: view.width, y1: view.height });
  for (const b of placed.taken) index.insert(b);
  return index;
}

/** Leader lines are short: a label this far out at most (px, from the feature). */
export const LEADER_REACH = [30, 44, 58];
export const KEY_SIZE = 10;

const inFrame = ([x, y]: [number, number], v: FrameView, m = 0) => x >= m && y >= m && x <= v.width - m && y <= v.height - m;

type Spot = { x: number; y: number; anchor: 'start' | 'middle' | 'end'; leader: boolean };

/** Beside, above and below the symbol first; then, with leaders, on short rings round it. */
function pointSpots(x: number, y: number, size: number, leaders: boolean): Spot[] {
  const g = POINT_LABEL_GAP;
  const mid = size * 0.35;
  const near: Spot[] = [
    { x: x + g, y: y + mid, anchor: 'start', leader: false },
    { x: x - g, y: y + mid, anchor: 'end', leader: false },
    { x, y: y - g - 1, anchor: 'middle', leader: false },
    { x, y: y + g + size * 0.8, anchor: 'middle', leader: false },
    { x: x + g - 2, y: y - g + 4, anchor: 'start', leader: false },
    { x: x - g + 2, y: y - g + 4, anchor: 'end', leader: false },
    { x: x + g - 2, y: y + g + 4, anchor: 'start', leader: false },
    { x: x - g + 2, y: y + g + 4, anchor: 'end', leader: false },
  ];
  if (!leaders) return near;
  const far: Spot[] = [];
  for (const r of LEADER_REACH) {
    for (let k = 0; k < 12; k++) {
      const a = (k * Math.PI) / 6;
      const dx = Math.cos(a) * r;
      const dy = Math.sin(a) * r * 0.8;
      far.push({ x: x + dx, y: y + dy + mid, anchor: Math.abs(dx) < 1 ? 'middle' : dx > 0 ? 'start' : 'end', leader: true });
    }
  }
  return [...near, ...far];
}

/** Where to put a line's label: `along` (0–1) along the longest in-frame run of its vertices (null when none is in the frame). */
export function lineLabelPoint(geometry: LineString | MultiLineString, view: FrameView, along = 0.5): [number, number] | null {
  const project = projector(view);
  const parts: Position[][] = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  let best: [number, number][] = [];
  let bestLength = -1;
  for (const part of parts) {
    let run: [number, number][] = [];
    const runs: [number, number][][] = [];
    for (const [lng, lat] of part) {
      const p = project(lng, lat);
      if (inFrame(p, view, 30)) run.push(p);
      else if (run.length) runs.push(run), (run = []);
    }
    if (run.length) runs.push(run);
    for (const r of runs) {
      const length = r.slice(1).reduce((s, p, i) => s + Math.hypot(p[0] - r[i][0], p[1] - r[i][1]), 0);
      if (length > bestLength) [best, bestLength] = [r, length];
    }
  }
  if (!best.length) return null;
  let left = bestLength * along;
  for (let i = 1; i < best.length; i++) {
    const [a, b] = [best[i - 1], best[i]];
    const step = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (step >= left && step > 0) return [a[0] + ((b[0] - a[0]) * left) / step, a[1] + ((b[1] - a[1]) * left) / step];
    left -= step;
  }
  return best[0];
}


function segmentsCross(a: Segment, b: Segment): boolean {
  const d = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) => (qx - px) * (ry - py) - (qy - py) * (rx - px);
  const d1 = d(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1);
  const d2 = d(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2);
  const d3 = d(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1);
  const d4 = d(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

/** The leader from a feature at (fx, fy) to the near edge of a label box: starts outside the symbol, ends at the box. */
function leaderTo(fx: number, fy: number, box: Box): Segment {
  const tx = Math.max(box.x0, Math.min(box.x1, fx));
  const ty = Math.max(box.y0, Math.min(box.y1, fy));
  const len = Math.hypot(tx - fx, ty - fy) || 1;
  const start = Math.min(SYMBOL_HALF, len);
  return { x1: fx + ((tx - fx) * start) / len, y1: fy + ((ty - fy) * start) / len, x2: tx, y2: ty };
}

export const keyLetter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : keyLetter(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

export function placeAtlasLabels(o: LabelOptions): PlacedLabels {
  const { view, measure } = o;
  const project = projector(view);
  const taken: Box[] = [];
  const frame = new CollisionIndex({ x0: 0, y0: 0, x1: view.width, y1: view.height });
  const labelBoxes: Box[] = [];
  const leaders: Segment[] = [];
  const symbols: Box[] = [];
  const out: PlacedLabels = { labels: [], keys: [], unlabelled: [], taken };
  // Everything placed is also kept in `taken`, for the basemap names placed after.
  const take = (b: Box) => {
    frame.insert(b);
    taken.push(b);
  };
  for (const r of o.reserved ?? []) take(r);
  /** A label box is free when nothing is placed there and no leader runs through it. */
  const free = (box: Box) => frame.fits(box) && !leaders.some((l) => segmentHitsBox(l, box));
  /** A leader is drawn only where it crosses no label, no other leader and no symbol but its own. */
  const leaderClear = (seg: Segment, own: Box | null) =>
    !labelBoxes.some((b) => segmentHitsBox(seg, b)) && !leaders.some((l) => segmentsCross(seg, l)) && !symbols.some((b) => b !== own && segmentHitsBox(seg, b));
  const place = (featureId: string, text: string, spots: (Spot & { from?: [number, number] })[], from: [number, number], size: number, weight: number, fill: string, own: Box | null, leaderInk: string): boolean => {
    const w = measure(text, size, weight);
    for (const s of spots) {
      const box = textBox(s.x, s.y, w, size, s.anchor);
      if (!free(box)) continue;
      const origin = s.from ?? from;
      const leader = s.leader ? leaderTo(origin[0], origin[1], box) : null;
      if (leader && !leaderClear(leader, own)) continue;
      take(box);
      labelBoxes.push(box);
      if (leader) {
        leaders.push(leader);
        // The leader's path, as small boxes: the basemap's names, placed after, keep off it too.
        const steps = Math.ceil(Math.hypot(leader.x2 - leader.x1, leader.y2 - leader.y1) / 3);
        for (let i = 1; i < steps; i++) {
          const x = leader.x1 + ((leader.x2 - leader.x1) * i) / steps;
          const y = leader.y1 + ((leader.y2 - leader.y1) * i) / steps;
          taken.push({ x0: x - 1, y0: y - 1, x1: x + 1, y1: y + 1 });
        }
      }
      out.labels.push({ featureId, text, x: s.x, y: s.y, anchor: s.anchor, size, weight, fill, box, leader: leader ? { ...leader, stroke: leaderInk } : undefined });
      return true;
    }
    return false;
  };
  const order = (a: LabelSubject, b: LabelSubject) => Number(b.id === o.selectedId) - Number(a.id === o.selectedId) || a.priority - b.priority;

  const points = o.subjects
    .filter((s): s is LabelSubject & { geometry: Point } => s.geometry.type === 'Point')
    .map((s) => {
      const p = project(s.geometry.coordinates[0], s.geometry.coordinates[1]);
      return { s, p, box: { x0: p[0] - SYMBOL_HALF, y0: p[1] - SYMBOL_HALF, x1: p[0] + SYMBOL_HALF, y1: p[1] + SYMBOL_HALF } as Box };
    })
    .filter(({ p }) => inFrame(p, view, -SYMBOL_HALF))
    .sort((a, b) => order(a.s, b.s));
  const named = o.pointLabels !== false;
  // The selected point is named before the other symbols take their room: its label may lie over a neighbour's symbol.
  const selected = named && points[0]?.s.id === o.selectedId ? points[0] : null;
  if (selected) {
    take(selected.box);
    symbols.push(selected.box);
    const { s, p, box } = selected;
    if (!place(s.id, s.text, pointSpots(p[0], p[1], POINT_LABEL.size, !!o.leaders), p, POINT_LABEL.size, SELECTED_LABEL_WEIGHT, o.pointColor, box, NEUTRAL_INK.leader)) out.unlabelled.push(s.id);
  }
  for (const q of points) {
    if (q === selected) continue;
    take(q.box);
    symbols.push(q.box);
  }

  if (named) {
    for (const { s, p, box } of points) {
      if (s.id === selected?.s.id) continue;
      if (place(s.id, s.text, pointSpots(p[0], p[1], POINT_LABEL.size, !!o.leaders), p, POINT_LABEL.size, POINT_LABEL.weight, o.pointColor, box, NEUTRAL_INK.leader)) continue;
      if (o.keys) {
        const key = keyLetter(out.keys.length);
        const w = measure(key, KEY_SIZE, 700);
        const spot = pointSpots(p[0], p[1], KEY_SIZE, false)
          .map((q) => ({ ...q, x: q.x + (q.anchor === 'start' ? -4 : q.anchor === 'end' ? 4 : 0) }))
          .map((q) => ({ q, box: textBox(q.x, q.y, w, KEY_SIZE, q.anchor, 1) }))
          .find(({ box: b }) => free(b));
        if (spot) {
          take(spot.box);
          labelBoxes.push(spot.box);
          out.keys.push({ featureId: s.id, key, text: s.text, x: spot.q.x, y: spot.q.y, anchor: spot.q.anchor, box: spot.box });
          continue;
        }
      }
      out.unlabelled.push(s.id);
    }
  }

  if (o.lineLabels !== false) {
    for (const s of o.subjects.filter((x) => x.geometry.type !== 'Point').sort(order)) {
      const geometry = s.geometry as LineString | MultiLineString;
      // Halfway first, then ever further out along the line, above it and below it.
      const along = [0.5, ...Array.from({ length: 9 }, (_, k) => [0.5 - (k + 1) * 0.05, 0.5 + (k + 1) * 0.05]).flat()];
      const onLine = along.map((t) => lineLabelPoint(geometry, view, t)).filter((q): q is [number, number] => q !== null);
      if (!onLine.length) continue;
      const weight = s.id === o.selectedId ? SELECTED_LABEL_WEIGHT : LINE_LABEL.weight;
      const w = measure(s.text, LINE_LABEL.size, weight);
      const clampX = (x: number) => Math.max(w / 2 + 4, Math.min(view.width - w / 2 - 4, x));
      const near = onLine.flatMap(([x, y]) => [-6, 15].map((dy) => ({ x: clampX(x), y: y + dy, anchor: 'middle' as const, leader: false, from: [x, y] as [number, number] })));
      const far = o.leaders ? onLine.slice(0, 5).flatMap(([x, y]) => pointSpots(x, y, LINE_LABEL.size, true).filter((c) => c.leader).map((c) => ({ ...c, x: clampX(c.x), anchor: 'middle' as const, from: [x, y] as [number, number] }))) : [];
      if (!place(s.id, s.text, [...near, ...far], onLine[0], LINE_LABEL.size, weight, s.color, null, s.color)) out.unlabelled.push(s.id);
    }
  }
  return out;
}

/** Whether any two placed labels, keys or leaders overprint (for tests and checks). */
export function overprints(placed: Pick<PlacedLabels, 'labels' | 'keys'>): [string, string][] {
  const boxes = [...placed.labels.map((l) => ({ id: l.featureId, box: l.box })), ...placed.keys.map((k) => ({ id: `key:${k.featureId}`, box: k.box }))];
  const out: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i].box, boxes[j].box)) out.push([boxes[i].id, boxes[j].id]);
  return out;
}
