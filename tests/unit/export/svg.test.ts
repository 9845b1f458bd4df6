import { describe, expect, test } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { AtlasFeature } from '../../../src/lib/atlas/types.ts';
import { layoutFigure } from '../../../src/lib/export/layout.ts';
import { projector, unprojector } from '../../../src/lib/view/webMercator.ts';
import { addPngText, pngSize, readPngText } from '../../../src/lib/export/pngText.ts';
import { figureSvg, labelFrame, mapLabels, mapSvg, scaleBarBox } from '../../../src/lib/export/svg.ts';
import { lineLabelPoint, overprints } from '../../../src/lib/view/atlasLabels.ts';
import { figureScaleBar } from '../../../src/lib/export/scaleBar.ts';
import { overlaps } from '../../../src/lib/view/collision.ts';

const view = { zoom: 5, lat: 30, lng: 110, width: 400, height: 300 };
const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const basemap = { land: empty, borders: empty, rivers: empty, 'country-labels': empty };
const line = (id: string, coordinates: number[][], extra: Partial<AtlasFeature['properties']> = {}): AtlasFeature => ({
  type: 'Feature',
  id,
  geometry: { type: 'LineString', coordinates },
  properties: { name: id, kind: 'rail-corridor', mode: 'rail', description: '', geometry_basis: 'surveyed', citations: [], references: [], ...extra },
});

test('the projection puts the view centre in the middle of the frame and north up', () => {
  const p = projector(view);
  expect(p(110, 30)).toEqual([200, 150]);
  expect(p(110, 31)[1]).toBeLessThan(150);
  expect(p(111, 30)[0]).toBeGreaterThan(200);
});

test('one corridor path per line in the frame; lines outside are left out; legs add leg paths', () => {
  const features = [
    line('in-frame', [[108, 29], [112, 31]]),
    line('far-away', [[10, 50], [12, 51]]),
    { ...line('two-legs', [], { legs: ['river', 'sea'], mode: 'multimodal' }), geometry: { type: 'MultiLineString', coordinates: [[[109, 30], [110, 30]], [[110, 30], [111, 29]]] } } as AtlasFeature,
  ];
  const svg = mapSvg({ view, basemap, features, selectedId: null, labels: new Map([['in-frame', 'In frame [1]']]), scale: { px: 80, label: '200 km' } });
  const corridors = [...svg.matchAll(/<path class="corridor" data-feature-id="([^"]+)"/g)].map((m) => m[1]);
  expect(corridors).toEqual(['in-frame', 'two-legs']);
  expect([...svg.matchAll(/class="leg" data-feature-id="two-legs"/g)]).toHaveLength(2);
  expect(svg).toContain('In frame [1]');
  expect(svg).toContain('200 km');
});

test('schematic lines are dashed', () => {
  const svg = mapSvg({ view, basemap, features: [line('s', [[108, 29], [112, 31]], { geometry_basis: 'schematic' })], selectedId: null, labels: new Map(), scale: { px: 80, label: '1 km' } });
  expect(svg).toMatch(/class="corridor"[^>]*stroke-dasharray="5 3.6"/);
});

test('text is escaped', () => {
  const layout = layoutFigure({ width: 400, height: 300, title: 'A <b> & "c"', caption: '', legendTitle: '', legend: [], notesTitle: '', notes: [], attribution: [], notesLeftOut: () => '' }, (t) => t.length * 6);
  const svg = figureSvg(layout, { view, basemap, features: [], selectedId: null, labels: new Map(), scale: { px: 1, label: '' } }, { title: '<t>', description: '' });
  expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
  expect(svg).not.toContain('<b>');
});

test('a line label sits halfway along the part of the line in the frame', () => {
  const at = lineLabelPoint({ type: 'LineString', coordinates: [[109, 30], [111, 30]] }, view)!;
  expect(at[0]).toBeCloseTo(200, 0);
  expect(lineLabelPoint({ type: 'LineString', coordinates: [[10, 50], [11, 50]] }, view)).toBeNull();
});

test('PNG text chunks round-trip, UTF-8 included, and the size is read from the header', () => {
  // A 1×1 PNG.
  const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
  const out = addPngText(png, { Title: 'Corridor Atlas', Description: '[1] “阳逻港” — quote' });
  expect(pngSize(out)).toEqual({ width: 1, height: 1 });
  expect(readPngText(out)).toEqual({ Title: 'Corridor Atlas', Description: '[1] “阳逻港” — quote' });
  expect(String.fromCharCode(...out.subarray(out.length - 8, out.length - 4))).toBe('IEND');
});

test('labels of points in the corners and at the edges stay whole inside the frame', () => {
  const unproject = unprojector(view);
  const spots = [[3, 3], [397, 3], [3, 290], [397, 290], [200, -8], [408, 150], [-8, 150]];
  const features = spots.map(([x, y], i) => ({ ...line(`p${i}`, []), geometry: { type: 'Point', coordinates: unproject(x, y) }, properties: { ...line('x', []).properties, kind: 'port' } }) as AtlasFeature);
  const labels = new Map(features.map((f) => [f.id, `A rather long port name for a small frame [${f.id}]`]));
  const placed = mapLabels({ view, basemap, features, selectedId: null, labels, scale: { px: 80, label: '200 km' } });
  // Each point has its name or, where none fits, a key letter; nothing overprints.
  expect(placed.labels.length + placed.keys.length + placed.unlabelled.length).toBe(spots.length);
  expect(placed.labels.length).toBeGreaterThan(0);
  expect(overprints(placed)).toEqual([]);
  const frame = labelFrame(view);
  for (const l of [...placed.labels, ...placed.keys]) {
    expect(l.box.x0, l.text).toBeGreaterThanOrEqual(frame.x0);
    expect(l.box.y0, l.text).toBeGreaterThanOrEqual(frame.y0);
    expect(l.box.x1, l.text).toBeLessThanOrEqual(frame.x1);
    expect(l.box.y1, l.text).toBeLessThanOrEqual(frame.y1);
  }
});

describe('the scale bar in a figure', () => {
  const scale = { px: 80, label: '200 km' };
  const port = (id: string, x: number, y: number) =>
    ({ ...line(id, []), geometry: { type: 'Point', coordinates: unprojector(view)(x, y) }, properties: { ...line('x', []).properties, kind: 'port' } }) as AtlasFeature;

  test('no label is placed on it, however crowded its corner', () => {
    // A ring of ports round the bottom-left corner, each with a long label that wants the room the bar takes.
    const features = Array.from({ length: 24 }, (_, i) => port(`p${i}`, 20 + (i % 6) * 30, 200 + Math.floor(i / 6) * 22));
    const labels = new Map(features.map((f) => [f.id, `Port with a long name ${f.id} [1]`]));
    const input = { view, basemap, features, selectedId: null, labels, scale };
    const box = scaleBarBox(input);
    const placed = mapLabels(input);
    expect(placed.labels.length + placed.keys.length + placed.unlabelled.length).toBe(features.length);
    expect(overprints(placed)).toEqual([]);
    for (const l of [...placed.labels, ...placed.keys]) expect(overlaps(l.box, box), l.text).toBe(false);
  });

  test('it takes the bottom-left corner, or the bottom-right one when a symbol sits in the first', () => {
    const clear = scaleBarBox({ view, features: [], scale });
    expect(clear.x0).toBeLessThan(view.width / 2);
    expect(clear.y1).toBeLessThanOrEqual(view.height);
    const taken = scaleBarBox({ view, features: [port('corner', 30, view.height - 15)], scale });
    expect(taken.x0).toBeGreaterThan(view.width / 2);
    expect(taken.x1).toBeLessThanOrEqual(view.width);
  });

  test('it is wide enough for its label, and left out where one scale does not hold (world zoom)', () => {
    const narrow = scaleBarBox({ view, features: [], scale: { px: 20, label: '1,000 km' } });
    expect(narrow.x1 - narrow.x0).toBeGreaterThan(40);
    expect(figureScaleBar({ zoom: 1.5, lat: 30, lng: 100, width: 960, height: 540 })).toBeNull();
    expect(figureScaleBar({ zoom: 6, lat: 30, lng: 112, width: 960, height: 540 })).not.toBeNull();
    const svg = mapSvg({ view, basemap, features: [], selectedId: null, labels: new Map(), scale: null });
    expect(svg).not.toContain('class="scale"');
  });
});
