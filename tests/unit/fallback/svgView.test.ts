import { describe, expect, test } from 'vitest';
import { clampView, d3Winding, fitView, panView, viewProjection, zoomView } from '../../../src/lib/fallback/svgView.ts';
import { geoArea } from 'd3';
import type { Polygon } from 'geojson';
import { project } from '../../e2e/mercator.ts';

const W = 800;
const H = 600;

describe('viewProjection', () => {
  test.each([
    [{ zoom: 4, lat: 30.5, lng: 108.5 }, 114.5, 30.6],
    [{ zoom: 7, lat: 25, lng: 102 }, 101.6, 21.2],
    [{ zoom: 2, lat: -10, lng: 170 }, -175, -20],
  ])('draws %o where MapLibre does', (view, lng, lat) => {
    const [x, y] = viewProjection(view, W, H)([lng, lat])!;
    const expected = project(view, W, H, lng, lat);
    expect(x).toBeCloseTo(expected.x, 3);
    expect(y).toBeCloseTo(expected.y, 3);
  });
});

describe('panView', () => {
  test('dragging right moves the centre west', () => {
    const v = panView({ zoom: 5, lat: 30, lng: 110 }, 100, 0, W, H);
    expect(v.lng).toBeLessThan(110);
    expect(v.lat).toBeCloseTo(30, 6);
  });
  test('the point under the cursor follows the drag', () => {
    const start = { zoom: 6, lat: 30, lng: 110 };
    const geo = viewProjection(start, W, H).invert!([300, 200])!;
    const [x, y] = viewProjection(panView(start, 50, -30, W, H), W, H)(geo)!;
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
    const geo = viewProjection(start, W, H).invert!([600, 150])!;
    const next = zoomView(start, 1, 600, 150, W, H);
    expect(next.zoom).toBe(6);
    const [x, y] = viewProjection(next, W, H)(geo)!;
    expect(x).toBeCloseTo(600, 3);
    expect(y).toBeCloseTo(150, 3);
  });
  test('stops at the zoom limits', () => {
    expect(zoomView({ zoom: 13.5, lat: 0, lng: 0 }, 5, 400, 300, W, H).zoom).toBe(14);
    expect(zoomView({ zoom: 1.2, lat: 0, lng: 0 }, -5, 400, 300, W, H).zoom).toBe(1);
  });
});

describe('clampView and fitView', () => {
  test('clampView fixes out-of-range values and leaves good ones alone', () => {
    expect(clampView({ zoom: 30, lat: 89, lng: 190 })).toEqual({ zoom: 14, lat: 85, lng: -170 });
    expect(clampView({ zoom: 4, lat: 30, lng: 100 })).toEqual({ zoom: 4, lat: 30, lng: 100 });
  });
  test('fitView shows the whole box', () => {
    const box: [number, number, number, number] = [102, 18, 106, 25];
    const v = fitView(box, W, H, 40);
    const p = viewProjection(v, W, H);
    for (const corner of [[box[0], box[1]], [box[2], box[3]]] as [number, number][]) {
      const [x, y] = p(corner)!;
      expect(x).toBeGreaterThanOrEqual(39);
      expect(x).toBeLessThanOrEqual(W - 39);
      expect(y).toBeGreaterThanOrEqual(39);
      expect(y).toBeLessThanOrEqual(H - 39);
    }
  });
  test('fitView of a single point stops at maxZoom', () => {
    expect(fitView([110, 30, 110, 30], W, H, 40, 9).zoom).toBe(9);
  });
});

describe('d3Winding', () => {
  const ccw: Polygon = {
    type: 'Polygon',
    coordinates: [
      [[103, 30], [105, 30], [105, 31], [103, 31], [103, 30]],
      [[103.5, 30.2], [103.5, 30.8], [104.5, 30.8], [104.5, 30.2], [103.5, 30.2]],
    ],
  };
  test('an RFC 7946 polygon becomes a small area for d3, not the rest of the world', () => {
    expect(geoArea(ccw)).toBeGreaterThan(2 * Math.PI);
    const fixed = d3Winding(ccw);
    expect(geoArea(fixed)).toBeGreaterThan(0);
    expect(geoArea(fixed)).toBeLessThan(0.001);
  });
  test('is idempotent and leaves the input alone', () => {
    const copy = structuredClone(ccw);
    const once = d3Winding(ccw);
    expect(d3Winding(once)).toEqual(once);
    expect(ccw).toEqual(copy);
  });
  test('leaves points and lines as they are', () => {
    const line = { type: 'LineString' as const, coordinates: [[0, 0], [1, 1]] };
    expect(d3Winding(line)).toBe(line);
  });
});
