/**
 * A figure of any aspect shows the reader's view and labels every feature in
 * it without cutting a label at the edge — with today's atlas and whatever
 * features users add (the facts come from the data, not from fixed ids).
 */
import { resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, test } from 'vitest';
import { readDataFiles } from '../../../scripts/data-files.ts';
import { compileAtlas } from '../../../src/lib/atlas/compile.ts';
import type { AtlasFeature } from '../../../src/lib/atlas/types.ts';
import { featuresInFrame, FIGURE_ASPECTS, FIGURE_SIZES, fitFrameView, pdfPageSize } from '../../../src/lib/export/figureFormat.ts';
import { projector } from '../../../src/lib/view/webMercator.ts';
import { escapeXml, labelFrame, mapLabels, mapSvg } from '../../../src/lib/export/svg.ts';
import { overprints } from '../../../src/lib/view/atlasLabels.ts';

const atlas = compileAtlas(readDataFiles(resolve(import.meta.dirname, '../../..'))).atlas!;
const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const basemap = { land: empty, borders: empty, rivers: empty, 'country-labels': empty };
/** The reader's views: the whole atlas at the start view, the middle Yangtze close up, and a narrow screen with the panel open. */
const SCREENS = [
  { zoom: 3.6, lat: 35, lng: 60, width: 1280, height: 700 },
  { zoom: 5.6, lat: 30.4, lng: 113.2, width: 900, height: 700 },
  { zoom: 4, lat: 30.5, lng: 108.5, width: 579, height: 1025 },
];

describe('fitFrameView', () => {
  test('the whole of the reader’s view fits in the frame, touching two opposite sides', () => {
    for (const screen of SCREENS) {
      for (const aspect of FIGURE_ASPECTS) {
        const frame = FIGURE_SIZES[aspect];
        const view = fitFrameView(screen, frame);
        const k = 2 ** (view.zoom - screen.zoom);
        expect(screen.width * k).toBeLessThanOrEqual(frame.width + 1e-6);
        expect(screen.height * k).toBeLessThanOrEqual(frame.height + 1e-6);
        expect(Math.max((screen.width * k) / frame.width, (screen.height * k) / frame.height)).toBeCloseTo(1, 6);
        expect([view.lat, view.lng]).toEqual([screen.lat, screen.lng]);
      }
    }
  });
});

describe('featuresInFrame', () => {
  const view = { zoom: 5, lat: 30, lng: 110, width: 400, height: 300 };
  const f = (id: string, geometry: AtlasFeature['geometry']) => ({ id, geometry }) as AtlasFeature;
  test('points inside, lines crossing (even with no vertex inside), polygons around the frame; not what lies outside', () => {
    const got = featuresInFrame(
      [
        f('point-in', { type: 'Point', coordinates: [110, 30] }),
        f('point-out', { type: 'Point', coordinates: [130, 30] }),
        f('crossing', { type: 'LineString', coordinates: [[100, 30], [120, 30]] }),
        f('line-out', { type: 'LineString', coordinates: [[100, 45], [120, 45]] }),
        f('around', { type: 'Polygon', coordinates: [[[100, 20], [120, 20], [120, 40], [100, 40], [100, 20]]] }),
      ],
      view,
    ).map((x) => x.id);
    expect(got).toEqual(['point-in', 'crossing', 'around']);
  });
  test('agrees with the projection for every atlas feature with a point', () => {
    const p = projector(view);
    for (const feature of atlas.features.filter((x) => x.geometry.type === 'Point')) {
      const [x, y] = p(...((feature.geometry as GeoJSON.Point).coordinates as [number, number]));
      expect(featuresInFrame([feature], view).length).toBe(x >= 0 && y >= 0 && x <= 400 && y <= 300 ? 1 : 0);
    }
  });
});

describe('map labels at each aspect', () => {
  for (const aspect of FIGURE_ASPECTS) {
    test(`${aspect}: every point in the frame is named or keyed, no label overprints another, and every label's box lies inside the frame`, () => {
      let labelled = 0;
      for (const screen of SCREENS) {
        // The map frame of a figure is smaller than the figure; any frame of the aspect's shape tests the same rule.
        const view = fitFrameView(screen, { width: FIGURE_SIZES[aspect].width - 36, height: Math.round(FIGURE_SIZES[aspect].height * 0.6) });
        const features = featuresInFrame(atlas.features, view);
        // Long keyed labels, as figures have them.
        const labels = new Map(features.map((f, i) => [f.id, `${f.properties.name} [${i + 1}, ${i + 2}]`]));
        const placed = mapLabels({ view, basemap, features, selectedId: null, labels, scale: { px: 80, label: '200 km' } });
        const frame = labelFrame(view);
        expect(overprints(placed)).toEqual([]);
        for (const l of [...placed.labels, ...placed.keys]) {
          expect(l.box.x0, l.text).toBeGreaterThanOrEqual(frame.x0);
          expect(l.box.y0, l.text).toBeGreaterThanOrEqual(frame.y0);
          expect(l.box.x1, l.text).toBeLessThanOrEqual(frame.x1);
          expect(l.box.y1, l.text).toBeLessThanOrEqual(frame.y1);
        }
        const points = features.filter((f) => f.geometry.type === 'Point');
        const shownPoints = points.filter((p) => { const [x, y] = projector(view)(...((p.geometry as GeoJSON.Point).coordinates as [number, number])); return x >= -11 && y >= -11 && x <= view.width + 11 && y <= view.height + 11; });
        const accounted = new Set([...placed.labels.map((l) => l.featureId), ...placed.keys.map((k) => k.featureId), ...placed.unlabelled]);
        for (const p of shownPoints) expect(accounted.has(p.id), p.id).toBe(true);
        labelled += placed.labels.length;
        // The SVG draws exactly these labels and keys.
        const svg = mapSvg({ view, basemap, features, selectedId: null, labels, scale: { px: 80, label: '200 km' }, placed });
        for (const l of placed.labels) expect(svg.includes(`>${escapeXml(l.text)}</text>`), l.text).toBe(true);
        for (const k of placed.keys) expect(svg.includes(`>${k.key}</text>`), k.key).toBe(true);
      }
      expect(labelled).toBeGreaterThan(0);
    });
  }
});

test('the PDF page is the figure at 96 px per inch, and A4 is exactly A4', () => {
  expect(pdfPageSize('a4-portrait')).toEqual({ width: 595.28, height: 841.89 });
  expect(pdfPageSize('16:9').width / pdfPageSize('16:9').height).toBeCloseTo(16 / 9, 2);
});
