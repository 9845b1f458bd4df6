import { describe, expect, test } from 'vitest';
import { scaleBarMeaningful, scaleVariation } from '../../../src/lib/map/scaleRule.ts';

describe('scale bar rule', () => {
  test('a band of a few degrees has one scale: the bar is shown', () => expect(scaleBarMeaningful(28, 33)).toBe(true));
  test('a view from the tropics to Siberia does not: hidden', () => expect(scaleBarMeaningful(10, 55)).toBe(false));
  test('a whole-world view is hidden', () => expect(scaleBarMeaningful(-80, 80)).toBe(false));
  test('crossing the equator counts from the equator', () => {
    expect(scaleVariation(-5, 5)).toBeCloseTo(1 / Math.cos((5 * Math.PI) / 180));
    expect(scaleVariation(-30, 10)).toBeCloseTo(1 / Math.cos((30 * Math.PI) / 180));
  });
  test('order of the bounds does not matter', () => expect(scaleVariation(40, 20)).toBe(scaleVariation(20, 40)));
});
