/**
 * Label collision for the SVG renderers (the fallback map and the SVG
 * figure), as MapLibre does it on screen: labels are placed greedily in
 * priority order, each at the first of its candidate boxes that stays in the
 * frame and overlaps nothing placed before; a label with no free candidate is
 * left out. Obstacles (symbols, labels that must stay) go in first. Pure.
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const inside = (b: Box, frame: Box) => b.x0 >= frame.x0 && b.x1 <= frame.x1 && b.y0 >= frame.y0 && b.y1 <= frame.y1;

/** Boxes placed so far, bucketed in a coarse grid so a pass over hundreds of labels stays linear. */
export class CollisionIndex {
  private cells = new Map<number, Box[]>();
  constructor(
    readonly frame: Box | null = null,
    private readonly cell = 64,
  ) {}

  private keys(b: Box): number[] {
    const out: number[] = [];
    const c = this.cell;
    for (let x = Math.floor(b.x0 / c); x <= Math.floor(b.x1 / c); x++) for (let y = Math.floor(b.y0 / c); y <= Math.floor(b.y1 / c); y++) out.push((x + 4096) * 8192 + (y + 4096));
    return out;
  }

  /** True when `b` stays in the frame and overlaps nothing placed. */
  fits(b: Box): boolean {
    if (this.frame && !inside(b, this.frame)) return false;
    return this.keys(b).every((k) => !(this.cells.get(k) ?? []).some((o) => overlaps(o, b)));
  }

  insert(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }

  /** Place the first candidate that fits; returns its index, or -1 (nothing inserted). */
  place(candidates: readonly Box[]): number {
    const i = candidates.findIndex((b) => this.fits(b));
    if (i >= 0) this.insert(candidates[i]);
    return i;
  }
}

export interface LabelCandidate<T> {
  item: T;
  /** Lower is placed first. */
  priority: number;
  /** Alternative boxes, in order of preference. */
  boxes: Box[];
}

/** Greedy by priority: each label at its first free box, or left out. Returns the placed labels with the box index chosen, in placement order. */
export function placeByPriority<T>(labels: readonly LabelCandidate<T>[], index: CollisionIndex): { item: T; choice: number }[] {
  const out: { item: T; choice: number }[] = [];
  for (const l of [...labels].sort((a, b) => a.priority - b.priority)) {
    const choice = index.place(l.boxes);
    if (choice >= 0) out.push({ item: l.item, choice });
  }
  return out;
}

/** The box of a one-line text of `width`×`size` px whose anchor point is (x, y) on its baseline. */
export function textBox(x: number, y: number, width: number, size: number, anchor: 'start' | 'middle' | 'end', pad = 2): Box {
  const x0 = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  return { x0: x0 - pad, y0: y - size * 0.85 - pad, x1: x0 + width + pad, y1: y + size * 0.25 + pad };
}

export type Segment = { x1: number; y1: number; x2: number; y2: number };

/** Whether a segment passes through a box (Liang–Barsky). */
export function segmentHitsBox(s: Segment, b: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  for (const [p, q] of [
    [-dx, s.x1 - b.x0],
    [dx, b.x1 - s.x1],
    [-dy, s.y1 - b.y0],
    [dy, b.y1 - s.y1],
  ]) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return false;
  }
  return true;
}

