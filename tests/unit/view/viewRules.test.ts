import { describe, expect, test } from 'vitest';
import { clampView, fitView, frameView, MAX_ZOOM, MIN_ZOOM, panView, POINT_MIN_ZOOM, FRAME_MAX_ZOOM, zoomView } from '../../../src/lib/view/viewRules.ts';
import { projector, unprojector } from '../../../src/lib/view/webMercator.ts';

const W = 800;
const H = 600;
const at = (v: { zoom: number; lat: number; lng: number }, lng: number, lat: number) => projector({ ...v, width: W, height: H })(lng, lat);

describe('panView', () => {
  test('dragging right moves the centre west', () => {
    const v = panView({ zoom: 5, lat: 30, lng: 110 }, 100, 0, W, H);
    expect(v.lng).toBeLessThan(110);
    expect(v.lat).toBeCloseTo(30, 6);
  });
  test('the point under the cursor follows the drag', () => {
    const start = { zoom: 6, lat: 30, lng: 110 };
    const geo = unprojector({ ...start, width: W, height: H })(300, 200);
    const [x, y] = at(panView(start, 50, -30, W, H), ...geo);
    expect(x).toBeCloseTo(350, 3);
    expect(y).toBeCloseTo(170, 3);
  });
  test('panning across the antimeridian wraps the longitude', () => {
    const v = panView({ zoom: 3, lat: 0, lng: 179 }, -200, 0, W, H);
    expect(v.lng).toBeGreaterThanOrEqual(-180);
    expect(v.lng).toBeLessThan(0);
  });
});

describe('zoomView', () => {
  test('keeps the point under the cursor still', () => {
    const start = { zoom: 5, lat: 30, lng: 110 };
    const geo = unprojector({ ...start, width: W, height: H })(600, 150);
    const next = zoomView(start, 1, 600, 150, W, H);
    expect(next.zoom).toBe(6);
    const [x, y] = at(next, ...geo);
    expect(x).toBeCloseTo(600, 3);
    expect(y).toBeCloseTo(150, 3);
  });
  test('stops at the zoom limits', () => {
    expect(zoomView({ zoom: 13.5, lat: 0, lng: 0 }, 5, 400, 300, W, H).zoom).toBe(MAX_ZOOM);
    expect(zoomView({ zoom: 1.2, lat: 0, lng: 0 }, -5, 400, 300, W, H).zoom).toBe(MIN_ZOOM);
  });
});

describe('clampView, fitView and frameView', () => {
  test('clampView fixes out-of-range values and leaves good ones alone', () => {
    const v = clampView({ zoom: 30, lat: 89, lng: 190 });
    expect(v.zoom).toBe(MAX_ZOOM);
    expect(v.lat).toBeCloseTo(85.0511, 4);
    expect(v.lng).toBe(-170);
    expect(clampView({ zoom: 4, lat: 30, lng: 100 })).toEqual({ zoom: 4, lat: 30, lng: 100 });
  });
  test('fitView shows the whole box with its padding, touching it on one axis', () => {
    const box: [number, number, number, number] = [102, 18, 106, 25];
    const v = fitView(box, W, H, 40);
    const [x0, y0] = at(v, box[0], box[3]);
    const [x1, y1] = at(v, box[2], box[1]);
    for (const x of [x0, x1]) expect(x).toBeGreaterThanOrEqual(39.9), expect(x).toBeLessThanOrEqual(W - 39.9);
    for (const y of [y0, y1]) expect(y).toBeGreaterThanOrEqual(39.9), expect(y).toBeLessThanOrEqual(H - 39.9);
    expect(Math.min(y0 - 40, H - 40 - y1, x0 - 40, W - 40 - x1)).toBeCloseTo(0, 3);
  });
  test('fitView centres the box in the free room when a panel covers one side', () => {
    const box: [number, number, number, number] = [110, 29, 112, 31];
    const pad = { top: 20, bottom: 20, left: 20, right: 320 };
    const v = fitView(box, W, H, pad);
    const [x0] = at(v, box[0], 30);
    const [x1] = at(v, box[2], 30);
    expect((x0 + x1) / 2).toBeCloseTo((20 + (W - 320)) / 2, 3);
  });
  test('frameView: a single point is centred, at least POINT_MIN_ZOOM, and keeps a closer zoom', () => {
    const p: [number, number, number, number] = [110, 30, 110, 30];
    const v = frameView(p, { zoom: 4, lat: 0, lng: 0 }, W, H);
    expect(v.zoom).toBe(POINT_MIN_ZOOM);
    expect(v.lng).toBeCloseTo(110, 9);
    expect(v.lat).toBeCloseTo(30, 9);
    expect(frameView(p, { zoom: 11, lat: 0, lng: 0 }, W, H).zoom).toBe(11);
  });
  test('frameView: a small box stops at FRAME_MAX_ZOOM', () => {
    expect(frameView([110, 30, 110.01, 30.01], { zoom: 4, lat: 0, lng: 0 }, W, H).zoom).toBe(FRAME_MAX_ZOOM);
  });
});
