import { describe, expect, test } from 'vitest';
import { viewShowingPoint } from '../../../src/lib/editor/pointInView.ts';
import { projector } from '../../../src/lib/view/webMercator.ts';

describe('viewShowingPoint', () => {
  test.each([
    [106.7567, 22.0974, 9, 400, 940, 740],
    [102.6, 17.97, 6, 360, 1200, 700],
    [23.68, 52.1, 12, 0, 800, 600],
  ])('(%s, %s) at zoom %s with %s px covered lands mid-way across the uncovered map', (lng, lat, zoom, covered, width, height) => {
    const view = viewShowingPoint(lng, lat, zoom, covered);
    expect(view.zoom).toBe(zoom);
    const [x, y] = projector({ ...view, width, height })(lng, lat);
    expect(x).toBeCloseTo((width - covered) / 2, 0);
    expect(y).toBeCloseTo(height / 2, 0);
  });
});
