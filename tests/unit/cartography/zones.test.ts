import { describe, expect, test } from 'vitest';
import { isWideZone, WIDE_ZONE_SHARE, zoneFillOpacity, zoneViewShare } from '../../../src/lib/cartography/zones.ts';

const rect = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

describe('a zone that covers most of the view is drawn as its outline', () => {
  test('the share of the view a zone covers', () => {
    expect(zoneViewShare([rect(-100, -100, 900, 700)], 800, 600)).toBe(1);
    expect(zoneViewShare([rect(0, 0, 400, 600)], 800, 600)).toBeCloseTo(0.5, 1);
    expect(zoneViewShare([rect(900, 0, 1000, 600)], 800, 600)).toBe(0);
    // A hole is not covered.
    expect(zoneViewShare([rect(-100, -100, 900, 700), rect(0, 0, 400, 600)], 800, 600)).toBeCloseTo(0.5, 1);
  });
  test('wide only above the threshold, and then its fill is fainter in every state', () => {
    expect(isWideZone([rect(-1, -1, 801, 601)], 800, 600)).toBe(true);
    expect(isWideZone([rect(0, 0, 800 * (WIDE_ZONE_SHARE - 0.1), 600)], 800, 600)).toBe(false);
    for (const state of ['base', 'hovered', 'selected'] as const) expect(zoneFillOpacity(true, state)).toBeLessThan(zoneFillOpacity(false, state));
    // Selecting a wide zone still shows it.
    expect(zoneFillOpacity(true, 'selected')).toBeGreaterThan(zoneFillOpacity(true, 'base'));
  });
});
