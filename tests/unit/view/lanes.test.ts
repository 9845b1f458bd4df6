import { expect, test } from 'vitest';
import { laneOffsetPx, offsetLine } from '../../../src/lib/view/lanes.ts';

test('lane offsets follow the map style stops, interpolated and held at the ends', () => {
  expect(laneOffsetPx(1, 2)).toBe(2);
  expect(laneOffsetPx(1, 3)).toBe(2);
  expect(laneOffsetPx(2, 7)).toBe(7);
  expect(laneOffsetPx(-1, 8.5)).toBeCloseTo(-4.25, 9);
  expect(laneOffsetPx(1, 14)).toBe(5);
  expect(laneOffsetPx(0, 9)).toBe(0);
});

test('a positive offset moves a line to the right of its direction (y down), keeping its distance at a bend', () => {
  // Eastward: right is down the screen.
  expect(offsetLine([[0, 0], [10, 0]], 3)).toEqual([[0, 3], [10, 3]]);
  // A right-angle bend east then south: the corner moves to the inside, 3 px from both legs.
  const [, corner] = offsetLine([[0, 0], [10, 0], [10, 10]], 3);
  expect(corner[0]).toBeCloseTo(7, 9);
  expect(corner[1]).toBeCloseTo(3, 9);
});
