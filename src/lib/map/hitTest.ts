/**
 * What a click means, decided by what is under the pointer in screen pixels.
 * Pure: the map is asked through `query`, so the rule is unit-tested without
 * WebGL.
 *
 * 1. A point symbol under the pointer (within `pointSlackPx`) wins over the
 *    lines passing beneath it: the topmost symbol is chosen. Symbols drawn
 *    within `pointAmbiguityPx` of it (stacked icons) are ambiguous with it.
 * 2. Otherwise the nearest line(s): the smallest search radius that hits any
 *    line decides, and lines hit within `ambiguityPx` more of it are drawn too
 *    close together to tell apart, so the reader chooses.
 * 3. Otherwise a zone (a backdrop) under the pointer; where zones overlap
 *    (a free trade zone inside an economic belt), the smallest one.
 */

export type HitLayerKind = 'point' | 'line' | 'zone';

export interface Hit {
  /** Atlas feature id. */
  id: string;
  layer: HitLayerKind;
  /** For points: where the symbol is drawn, in screen pixels. */
  at?: { x: number; y: number };
  /** For zones: the area (any unit); the smallest zone under the pointer wins. */
  area?: number;
}

export interface HitRule {
  /** Slack around the pointer for thin lines. */
  tolerancePx: number;
  /** Things drawn this close to the nearest one are ambiguous with it. */
  ambiguityPx: number;
  /** Slack around the pointer for point symbols. */
  pointSlackPx: number;
  /** Symbols drawn this close to the one hit are ambiguous with it. */
  pointAmbiguityPx: number;
}

/** A mouse: a pixel-precise pointer. */
export const DEFAULT_HIT_RULE: HitRule = { tolerancePx: 6, ambiguityPx: 3, pointSlackPx: 1, pointAmbiguityPx: 3 };
/**
 * A finger covers about 40 px of screen: lines and symbols get more slack, and
 * symbols closer together than a fingertip make the reader choose rather than
 * the map guessing which one was meant.
 */
export const TOUCH_HIT_RULE: HitRule = { tolerancePx: 14, ambiguityPx: 6, pointSlackPx: 12, pointAmbiguityPx: 22 };

/**
 * Feature ids the click means, the one to select first: one id selects it,
 * several mean the reader chooses, none means empty map.
 * `query(r)` lists the features drawn within `r` pixels of the pointer, topmost first.
 */
export function resolveHit(query: (radiusPx: number) => Hit[], rule: HitRule = DEFAULT_HIT_RULE): string[] {
  const unique = (hits: Hit[]) => [...new Set(hits.map((h) => h.id))];
  // One query decides the common case, a pointer over empty map.
  if (!query(Math.max(rule.tolerancePx + rule.ambiguityPx, rule.pointSlackPx)).length) return [];
  const points = query(rule.pointSlackPx).filter((h) => h.layer === 'point');
  if (points.length) {
    const top = points[0];
    const near = (h: Hit) => h.layer === 'point' && !!top.at && !!h.at && Math.hypot(h.at.x - top.at.x, h.at.y - top.at.y) <= rule.pointAmbiguityPx;
    return unique([top, ...query(rule.pointSlackPx + rule.pointAmbiguityPx).filter(near)]);
  }
  for (let r = 1; r <= rule.tolerancePx; r++) {
    const lines = query(r).filter((h) => h.layer === 'line');
    if (lines.length) return unique(query(r + rule.ambiguityPx).filter((h) => h.layer === 'line'));
  }
  const zones = query(0).filter((h) => h.layer === 'zone');
  const smallest = Math.min(...zones.map((h) => h.area ?? Infinity));
  return unique(zones.filter((h) => (h.area ?? Infinity) === smallest));
}
