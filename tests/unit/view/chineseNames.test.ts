/**
 * Issue 21, item 13: the Chinese map names places in Chinese. A town that
 * Natural Earth gives no Chinese name ("Shashi", "Puqi") is left unnamed in
 * 中文 rather than shown in Latin; in English every town is named.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, test } from 'vitest';
import { readDataFiles } from '../../../scripts/data-files.ts';
import { compileAtlas } from '../../../src/lib/atlas/compile.ts';
import { basemapPlaces, type NaturalEarthPlace } from '../../../src/lib/map/basemapPlaces.ts';
import { basemapLabelText, PLACE_LABELS } from '../../../src/lib/map/style.ts';
import { basemapNames } from '../../../src/lib/view/basemapNames.ts';
import { CollisionIndex } from '../../../src/lib/view/collision.ts';

const root = resolve(import.meta.dirname, '../../..');
const HAN = /\p{Script=Han}/u;
const placesFile = JSON.parse(readFileSync(resolve(root, 'data/basemap/ne_10m_populated_places_corridors.geojson'), 'utf8')) as FeatureCollection<Point, NaturalEarthPlace>;
const places = basemapPlaces(placesFile);
const placeLabels = (collection: typeof places, lang: 'en' | 'zh', view: { lng: number; lat: number; zoom: number }) =>
  basemapNames({ places: collection }, { ...view, width: 1200, height: 900 }, lang, new CollisionIndex()).filter((l) => l.kind === 'place');

describe('place names on the Chinese map', () => {
  test('a place with a Chinese name shows it; one without is left unnamed in Chinese and named in English', () => {
    const town: NaturalEarthPlace = { name: 'X', featurecla: 'Populated place', labelrank: 1, min_zoom: 4, pop_max: 500_000 };
    const fixture = basemapPlaces({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { ...town, name: 'Jingmen', name_zh: '荆门' }, geometry: { type: 'Point', coordinates: [112.2, 31.0] } },
        { type: 'Feature', properties: { ...town, name: 'Shashi', name_zh: null }, geometry: { type: 'Point', coordinates: [113.5, 30.2] } },
      ],
    });
    const view = { lng: 112.8, lat: 30.6, zoom: 8 };
    expect(placeLabels(fixture, 'en', view).map((l) => l.text).sort()).toEqual(['Jingmen', 'Shashi']);
    expect(placeLabels(fixture, 'zh', view).map((l) => l.text)).toEqual(['荆门']);
  });

  // Views over every place the atlas marks, close enough in that towns are named.
  const atlas = compileAtlas(readDataFiles(process.env.ATLAS_DATA_ROOT ?? root)).atlas!;
  const views = atlas.features.filter((f) => f.geometry.type === 'Point').map((f) => ({ id: f.id, lng: (f.geometry as Point).coordinates[0], lat: (f.geometry as Point).coordinates[1], zoom: 8 }));
  test('over every atlas point, the Chinese map names no place in Latin letters (the SVG map, figures and label pass)', () => {
    expect(views.length).toBeGreaterThan(0);
    const latin = views.flatMap((v) => placeLabels(places, 'zh', v).filter((l) => !HAN.test(l.text)).map((l) => `${v.id}: ${l.text}`));
    expect(latin).toEqual([]);
  });
  test('MapLibre\'s place labels in Chinese read only the Chinese name (an empty one draws no label)', () => {
    expect(JSON.stringify(basemapLabelText('zh')[PLACE_LABELS])).not.toMatch(/"name"/);
    expect(JSON.stringify(basemapLabelText('en')[PLACE_LABELS])).toMatch(/"name"/);
  });
});
