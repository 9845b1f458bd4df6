import { describe, expect, test } from 'vitest';
import { framePath, pixelOf, projector, unprojector, worldLngLat, worldPixel } from '../../../src/lib/view/webMercator.ts';

/** EPSG:3857 metres by the textbook formula (tan form), turned into MapLibre's 512-pixel world: an independent check. */
function epsg3857Pixel(lng: number, lat: number, zoom: number): [number, number] {
  const R = 6378137;
  const half = Math.PI * R;
  const x = (R * lng * Math.PI) / 180;
  const y = R * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const size = 512 * 2 ** zoom;
  return [((x + half) / (2 * half)) * size, ((half - y) / (2 * half)) * size];
}

describe('worldPixel', () => {
  test.each([
    [114.3, 30.6, 4],
    [102.6, 17.97, 7],
    [-9.1, 38.7, 10],
    [149.9, -11.9, 2],
  ])('matches EPSG:3857 at (%d, %d) zoom %d', (lng, lat, zoom) => {
    const [x, y] = worldPixel(lng, lat, zoom);
    const [ex, ey] = epsg3857Pixel(lng, lat, zoom);
    expect(x).toBeCloseTo(ex, 6);
    expect(y).toBeCloseTo(ey, 6);
  });
  test('the world is 512 pixels square at zoom 0, and the limits are its corners', () => {
    expect(worldPixel(0, 0, 0)).toEqual([256, 256]);
    const [x, y] = worldPixel(180, 85.0511287798, 0);
    expect(x).toBeCloseTo(512, 9);
    expect(y).toBeCloseTo(0, 6);
  });
  test('worldLngLat inverts it', () => {
    const [lng, lat] = worldLngLat(...worldPixel(108.5, 30.5, 6), 6);
    expect(lng).toBeCloseTo(108.5, 9);
    expect(lat).toBeCloseTo(30.5, 9);
  });
});

describe('projector', () => {
  const view = { zoom: 5, lat: 30, lng: 110, width: 400, height: 300 };
  test('puts the view centre in the middle of the frame, north up, east right', () => {
    const p = projector(view);
    expect(p(110, 30)).toEqual([200, 150]);
    expect(p(110, 31)[1]).toBeLessThan(150);
    expect(p(111, 30)[0]).toBeGreaterThan(200);
  });
  test('one pixel of frame is one pixel of world at the zoom', () => {
    const [x0] = projector(view)(110, 30);
    const [x1] = projector(view)(110 + 360 / (512 * 2 ** 5), 30);
    expect(x1 - x0).toBeCloseTo(1, 9);
  });
  test('unprojector inverts it', () => {
    const [lng, lat] = unprojector(view)(...projector(view)(104.07, 30.67));
    expect(lng).toBeCloseTo(104.07, 9);
    expect(lat).toBeCloseTo(30.67, 9);
  });
  test('pixelOf is the same projection as {x, y}', () => {
    const [x, y] = projector(view)(106.55, 29.56);
    expect(pixelOf(view, view.width, view.height, 106.55, 29.56)).toEqual({ x, y });
  });
});

describe('framePath', () => {
  test('draws straight planar segments and clips to the frame', () => {
    const view = { zoom: 3, lat: 0, lng: 0, width: 200, height: 100 };
    const d = framePath(view, 0)({ type: 'LineString', coordinates: [[-170, 0], [170, 0]] })!;
    // Planar: the line runs straight through the centre (d3's spherical path would take the short way round the back).
    expect(d).toMatch(/^M0,50L200,50$/);
  });
  test('a polygon wound either way fills the same small area (planar, not spherical)', () => {
    const view = { zoom: 6, lat: 30.5, lng: 104, width: 400, height: 300 };
    const ring = [[103, 30], [105, 30], [105, 31], [103, 31], [103, 30]];
    const a = framePath(view, 0)({ type: 'Polygon', coordinates: [ring] });
    const b = framePath(view, 0)({ type: 'Polygon', coordinates: [[...ring].reverse()] });
    const box = (d: string) => {
      const xs = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => +m[1]);
      return [Math.min(...xs), Math.max(...xs)];
    };
    expect(box(a!)).toEqual(box(b!));
    expect(box(a!)[1] - box(a!)[0]).toBeLessThan(400);
  });
  test('with a minimum step, points closer than it to the last one drawn are left out, the ends never', () => {
    const view = { zoom: 4, lat: 0, lng: 0, width: 400, height: 300 };
    // A wiggly line: 400 points about a tenth of a pixel apart, off the straight line by up to a pixel.
    const coordinates = Array.from({ length: 400 }, (_, i) => [-5 + i * 0.005, Math.sin(i) * 0.03]);
    const points = (d: string) => [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [+m[1], +m[2]]);
    const full = points(framePath(view, 0)({ type: 'LineString', coordinates })!);
    const thin = points(framePath(view, 0, 1, 1.5)({ type: 'LineString', coordinates })!);
    expect(thin.length).toBeLessThan(full.length / 5);
    expect(thin[0]).toEqual(full[0]);
    expect(thin.at(-1)).toEqual(full.at(-1));
    // Each drawn point is one of the full line's, and consecutive ones (but the last) are at least the step apart.
    for (const p of thin) expect(full).toContainEqual(p);
    for (let i = 1; i < thin.length - 1; i++) expect(Math.max(Math.abs(thin[i][0] - thin[i - 1][0]), Math.abs(thin[i][1] - thin[i - 1][1]))).toBeGreaterThanOrEqual(1.5 - 0.1);
    // Without a step, nothing is left out.
    expect(points(framePath(view, 0, 1, 0)({ type: 'LineString', coordinates })!)).toEqual(full);
  });
  test('a thinned polygon ring still closes on its first point', () => {
    const view = { zoom: 4, lat: 0, lng: 0, width: 400, height: 300 };
    const ring = [...Array.from({ length: 100 }, (_, i) => [i * 0.01, 0]), [1, 1], [0, 1], [0, 0]];
    const d = framePath(view, 0, 1, 1.5)({ type: 'Polygon', coordinates: [ring] })!;
    expect(d).toMatch(/Z$/);
    expect(d.match(/L/g)!.length).toBeLessThan(20);
  });
});
