import { describe, expect, test } from 'vitest';
import { DEFAULT_HIT_RULE, resolveHit, TOUCH_HIT_RULE, type Hit } from '../../../src/lib/map/hitTest.ts';

/** A fake map: each hit is visible from its pixel distance to the pointer outward. */
const scene = (things: (Hit & { distance: number })[]) => (r: number) => things.filter((t) => t.distance <= r);

describe('resolveHit', () => {
  test('a symbol under the pointer wins over the lines passing beneath it', () => {
    const q = scene([
      { id: 'port', layer: 'point', distance: 0, at: { x: 100, y: 100 } },
      { id: 'river', layer: 'line', distance: 0 },
      { id: 'river-sea', layer: 'line', distance: 2 },
    ]);
    expect(resolveHit(q)).toEqual(['port']);
  });

  test('the topmost of two symbols wins unless they are drawn on top of each other', () => {
    const apart = scene([
      { id: 'a', layer: 'point', distance: 0, at: { x: 100, y: 100 } },
      { id: 'b', layer: 'point', distance: 1, at: { x: 112, y: 100 } },
    ]);
    expect(resolveHit(apart)).toEqual(['a']);
    const stacked = scene([
      { id: 'a', layer: 'point', distance: 0, at: { x: 100, y: 100 } },
      { id: 'b', layer: 'point', distance: 0, at: { x: 101, y: 100 } },
    ]);
    expect(resolveHit(stacked)).toEqual(['a', 'b']);
  });

  test('the nearest line wins over one a few pixels further', () => {
    const q = scene([
      { id: 'near', layer: 'line', distance: 1 },
      { id: 'far', layer: 'line', distance: 6 },
    ]);
    expect(resolveHit(q)).toEqual(['near']);
  });

  test('lines drawn within a few pixels of each other are ambiguous', () => {
    const q = scene([
      { id: 'a', layer: 'line', distance: 1 },
      { id: 'b', layer: 'line', distance: 3 },
    ]);
    expect(resolveHit(q)).toEqual(['a', 'b']);
  });

  test('a line piece hit twice (two legs) counts once', () => {
    const q = scene([
      { id: 'route', layer: 'line', distance: 1 },
      { id: 'route', layer: 'line', distance: 2 },
    ]);
    expect(resolveHit(q)).toEqual(['route']);
  });

  test('a zone is a backdrop: chosen only when nothing else is there', () => {
    expect(resolveHit(scene([{ id: 'zone', layer: 'zone', distance: 0 }, { id: 'line', layer: 'line', distance: 4 }]))).toEqual(['line']);
    expect(resolveHit(scene([{ id: 'zone', layer: 'zone', distance: 0 }]))).toEqual(['zone']);
    expect(resolveHit(scene([]))).toEqual([]);
  });

  test('inside nested zones the smallest wins; zones of equal size are ambiguous', () => {
    const nested = scene([
      { id: 'belt', layer: 'zone', distance: 0, area: 2_000_000 },
      { id: 'ftz', layer: 'zone', distance: 0, area: 120 },
    ]);
    expect(resolveHit(nested)).toEqual(['ftz']);
    const twins = scene([
      { id: 'a', layer: 'zone', distance: 0, area: 50 },
      { id: 'b', layer: 'zone', distance: 0, area: 50 },
    ]);
    expect(resolveHit(twins)).toEqual(['a', 'b']);
  });
});

describe('resolveHit for a finger', () => {
  test('a tap beside a symbol selects it; the same spot with a mouse is empty map', () => {
    const q = scene([{ id: 'port', layer: 'point', distance: TOUCH_HIT_RULE.pointSlackPx - 2, at: { x: 110, y: 100 } }]);
    expect(resolveHit(q, TOUCH_HIT_RULE)).toEqual(['port']);
    expect(resolveHit(q, DEFAULT_HIT_RULE)).toEqual([]);
  });

  test('two symbols closer together than a fingertip make a finger choose, while a mouse gets the topmost', () => {
    const gap = Math.round((DEFAULT_HIT_RULE.pointAmbiguityPx + TOUCH_HIT_RULE.pointAmbiguityPx) / 2);
    const q = scene([
      { id: 'a', layer: 'point', distance: 0, at: { x: 100, y: 100 } },
      { id: 'b', layer: 'point', distance: gap, at: { x: 100 + gap, y: 100 } },
    ]);
    expect(resolveHit(q, DEFAULT_HIT_RULE)).toEqual(['a']);
    expect(resolveHit(q, TOUCH_HIT_RULE)).toEqual(['a', 'b']);
  });
});
