import { describe, expect, test } from 'vitest';
import type { FeatureCollection, Point } from 'geojson';
import { basemapPlaces, CAPITAL_ZOOM, MINOR_LABELRANK, placeFirstZoom, placeRank, placeShownAt, PROVINCE_CAPITAL_ZOOM, type NaturalEarthPlace } from '../../../src/lib/map/basemapPlaces.ts';

const place = (p: Partial<NaturalEarthPlace>): NaturalEarthPlace => ({ name: 'X', featurecla: 'Populated place', labelrank: 3, min_zoom: 6, pop_max: 100_000, ...p });

describe('the density rule', () => {
  test("Natural Earth's min_zoom, one zoom earlier for 512-pixel tiles", () => {
    expect(placeFirstZoom(place({ min_zoom: 6 }))).toBe(5);
    expect(placeFirstZoom(place({ min_zoom: 4.7 }))).toBe(3.7);
  });
  test('minor places wait one more zoom', () => {
    expect(placeFirstZoom(place({ min_zoom: 6, labelrank: MINOR_LABELRANK }))).toBe(6);
  });
  test('capitals come early', () => {
    expect(placeFirstZoom(place({ min_zoom: 7, featurecla: 'Admin-0 capital' }))).toBe(CAPITAL_ZOOM);
    expect(placeFirstZoom(place({ min_zoom: 8, featurecla: 'Admin-1 capital' }))).toBe(PROVINCE_CAPITAL_ZOOM);
    expect(placeFirstZoom(place({ min_zoom: 2, featurecla: 'Admin-1 capital' }))).toBe(1);
  });
  test('a place is shown from the whole zoom at or after its first zoom (as MapLibre filters tiles)', () => {
    expect(placeShownAt(4.6, 4.9)).toBe(false);
    expect(placeShownAt(4.6, 5)).toBe(true);
    expect(placeShownAt(5, 5)).toBe(true);
    expect(placeShownAt(5, 4.99)).toBe(false);
  });
  test('more places at every higher zoom', () => {
    const zs = [1.7, 3, 4, 4.7, 5.6, 6, 6.7, 7, 8, 9].flatMap((min_zoom) => [1, 3, 6, 8].map((labelrank) => placeFirstZoom(place({ min_zoom, labelrank }))));
    let last = -1;
    for (let zoom = 1; zoom <= 12; zoom++) {
      const n = zs.filter((z) => placeShownAt(z, zoom)).length;
      expect(n).toBeGreaterThanOrEqual(last);
      last = n;
    }
    expect(last).toBe(zs.length);
  });
});

describe('priority', () => {
  test('national capitals and large cities first, then provincial capitals, then the rest by labelrank and population', () => {
    const capital = placeRank(place({ featurecla: 'Admin-0 capital', labelrank: 2, pop_max: 300_000 }));
    const bigCity = placeRank(place({ labelrank: 1, pop_max: 7_000_000 }));
    const province = placeRank(place({ featurecla: 'Admin-1 capital', labelrank: 1, pop_max: 2_000_000 }));
    const town = placeRank(place({ labelrank: 1, pop_max: 2_000_000 }));
    const smaller = placeRank(place({ labelrank: 1, pop_max: 200_000 }));
    expect(bigCity).toBeLessThan(capital);
    expect(capital).toBeLessThan(province);
    expect(province).toBeLessThan(town);
    expect(town).toBeLessThan(smaller);
  });
  test('basemapPlaces sorts by priority, converts Chinese, falls back to English', () => {
    const fc: FeatureCollection<Point, NaturalEarthPlace> = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: place({ name: 'Town', name_zh: '廣州' }), geometry: { type: 'Point', coordinates: [113.26431, 23.12911] } },
        { type: 'Feature', properties: place({ name: 'Capital', name_en: 'Capital City', featurecla: 'Admin-0 capital' }), geometry: { type: 'Point', coordinates: [116.4, 39.9] } },
      ],
    };
    const out = basemapPlaces(fc, (s) => s.replace('廣', '广'));
    expect(out.features.map((f) => f.properties.name)).toEqual(['Capital City', 'Town']);
    expect(out.features[1].properties.name_zh).toBe('广州');
    expect(out.features[0].properties.name_zh).toBe('');
    expect(out.features[1].geometry.coordinates).toEqual([113.2643, 23.1291]);
  });
});
