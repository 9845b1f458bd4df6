import { describe, expect, test } from 'vitest';
import { revealView, type Box } from '../../../src/lib/view/viewRules.ts';
import { projector } from '../../../src/lib/view/webMercator.ts';

const W = 480;
const H = 320;
const view = { zoom: 6, lat: 30, lng: 114 };
/** The embed's narrow layout: a panel over the bottom half. */
const pad = { top: 20, bottom: H / 2 + 10, left: 40, right: 20 };
const inside = (box: Box, v: { zoom: number; lat: number; lng: number }) => {
  const p = projector({ ...v, width: W, height: H });
  const [x0, y0] = p(box[0], box[3]);
  const [x1, y1] = p(box[2], box[1]);
  return x0 >= pad.left - 0.5 && x1 <= W - pad.right + 0.5 && y0 >= pad.top - 0.5 && y1 <= H - pad.bottom + 0.5;
};

describe('revealView', () => {
  test('a selection already in the free part of the map: the map does not move', () => {
    expect(revealView([114, 30.5, 114, 30.5], view, W, H, pad)).toBeNull();
  });

  test('a point under the panel is panned into the free part, at the same zoom', () => {
    const box: Box = [114, 29.5, 114, 29.5];
    expect(inside(box, view)).toBe(false);
    const v = revealView(box, view, W, H, pad)!;
    expect(v.zoom).toBe(view.zoom);
    expect(inside(box, v)).toBe(true);
    // The least move: it lands on the edge of the free room, not in its middle.
    const y = projector({ ...v, width: W, height: H })(114, 29.5)[1];
    expect(y).toBeCloseTo(H - pad.bottom, 0);
  });

  test('a box too large for the free room is framed (zoomed out to fit)', () => {
    const box: Box = [100, 20, 120, 40];
    const v = revealView(box, view, W, H, pad)!;
    expect(v.zoom).toBeLessThan(view.zoom);
    expect(inside(box, v)).toBe(true);
  });

  test('without a panel, the whole map is free room', () => {
    expect(revealView([114, 29.5, 114, 29.5], view, W, H, 10)).toBeNull();
  });
});
