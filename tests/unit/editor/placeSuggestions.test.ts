/**
 * Places suggested from a feature's text: what the gazetteer offers (the atlas's own places, published
 * stations, Natural Earth cities), which ones a text names, and what a click sets. Rules are checked
 * over the shipped data (whatever it holds) and on small made-up cases.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { PLACES as ATLAS_NAMES } from '../../../src/lib/atlas/gazetteer.ts';
import { checkReferenceWording, checkSurveyedSources, type CertaintyIssue } from '../../../src/lib/atlas/certaintyChecks.ts';
import type { GeometryReference } from '../../../src/lib/atlas/types.ts';
import { readFeatures } from '../../../src/lib/editor/featureFileEdit.ts';
import { entriesFromFeatures, entriesFromNaturalEarth, entriesFromPublishedPlaces, publishedPlacesFrom, type GazetteerEntry, type PointFeatureLike } from '../../../src/lib/editor/placeGazetteer.ts';
import { placeFromSuggestion, suggestPlaces } from '../../../src/lib/editor/placeSuggestions.ts';
import { placeIndexFrom, type Place } from '../../../src/lib/editor/places.ts';

const root = resolve(import.meta.dirname, '../../..', process.env.ATLAS_DATA_ROOT ?? '.');
const published = publishedPlacesFrom(parse(readFileSync(join(root, 'data/derive/geometry.yaml'), 'utf8')));
const naturalEarth = placeIndexFrom(JSON.parse(readFileSync(join(root, 'data/basemap/ne_10m_populated_places_corridors.geojson'), 'utf8')));
const features = readdirSync(join(root, 'data/features')).flatMap((f) => readFeatures(readFileSync(join(root, 'data/features', f), 'utf8'))) as unknown as PointFeatureLike[];
const stations = entriesFromPublishedPlaces(published);
const cities = entriesFromNaturalEarth(naturalEarth);
const own = entriesFromFeatures(features);
const gazetteer = [...own, ...stations, ...cities];

/** The certainty issues a feature placed from this suggestion would have. */
function issuesOf(s: GazetteerEntry): CertaintyIssue[] {
  const placed = placeFromSuggestion({ geometry_basis: 'approximate', references: [] }, s, null);
  const issues: CertaintyIssue[] = [];
  checkReferenceWording(placed.properties.references, issues);
  checkSurveyedSources(placed.properties.geometry_basis, placed.properties.references, placed.geometry, issues);
  return issues;
}

const city = (name: string, lon: number, lat: number, extra: Partial<Place> = {}): Place => ({ name, region: 'Somewhere, Nowhere', lon, lat, rank: 5, ...extra });

describe('the gazetteer built from the shipped data', () => {
  test('every source contributes places', () => {
    expect(stations.length).toBeLessThanOrEqual(published.length);
    expect(cities.length).toBe(naturalEarth.length);
    expect(stations.length).toBeGreaterThan(0);
    expect(cities.length).toBeGreaterThan(0);
  });

  test('a published station is surveyed at the published position, and a feature placed from it passes the certainty checks', () => {
    for (const s of stations) {
      const place = published.find((p) => p.published[0] === s.lon && p.published[1] === s.lat);
      expect(place, s.label).toBeDefined();
      expect(s.basis).toBe('surveyed');
      expect(s.reference.coordinate).toEqual([s.lon, s.lat]);
      expect(issuesOf(s), s.label).toEqual([]);
    }
  });

  test('a Natural Earth city is approximate, and its reference says so in words a reader may see', () => {
    for (const c of cities) {
      expect(c.basis).toBe('approximate');
      expect(c.reference.coordinate).toBeUndefined();
      expect(c.reference.note).toMatch(/city level/);
    }
    expect(cities.flatMap(issuesOf)).toEqual([]);
  });

  test("an atlas feature suggests its own position, surveyed only where one of its references publishes it", () => {
    for (const e of own) {
      expect(e.basis === 'surveyed').toBe(!!e.reference.coordinate);
      expect(issuesOf(e), e.label).toEqual([]);
    }
  });

  test("Chinese names come from the atlas's own gazetteer before Natural Earth's", () => {
    let compared = 0;
    for (const c of cities) {
      const row = ATLAS_NAMES.find((r) => r.en.includes(c.en[0]));
      if (!row) continue;
      compared++;
      expect(c.name_zh, c.label).toBe(row.zh);
      expect(suggestPlaces(gazetteer, [`经${row.zh}出境`], 50).some((s) => s.lon === c.lon && s.lat === c.lat), row.zh).toBe(true);
    }
    expect(compared).toBeGreaterThan(0);
  });
});

describe('suggestPlaces', () => {
  const ne = entriesFromNaturalEarth([city('Brest', 23.7, 52.1), city('Police', 14.57, 53.55), city('Vientiane', 102.6, 17.97, { name_zh: '永珍' }), city('Kunming', 102.7, 25.04, { rank: 2 })]);

  test('finds English names as whole words, written as names (not "police" the word)', () => {
    expect(suggestPlaces(ne, ['Trains leave Brest for Kunming; the police checked them.']).map((s) => s.en[0])).toEqual(['Brest', 'Kunming']);
    expect(suggestPlaces(ne, ['The Brestovac plant'])).toEqual([]);
  });

  test("finds Chinese names, the atlas's spelling and Natural Earth's", () => {
    expect(suggestPlaces(ne, ['中老铁路抵达万象'])[0]).toMatchObject({ lon: 102.6, name_zh: '万象' });
    expect(suggestPlaces(ne, ['永珍'])).toHaveLength(1);
  });

  test('puts the atlas first, then published stations, then cities; the texts order each group; one per position', () => {
    const station = entriesFromPublishedPlaces([{ key: 'kunming', published: [102.72083, 25.0175], note: 'Kunming railway station (25°1′3″N 102°43′15″E, Wikipedia)' }]);
    const mine = entriesFromFeatures([{ properties: { name: 'Kunming', references: [] }, geometry: { type: 'Point', coordinates: [102.7, 25.04] } }]);
    const out = suggestPlaces([...ne, ...station, ...mine], ['Vientiane', 'to Kunming']);
    expect(out.map((s) => s.source)).toEqual(['atlas', 'station', 'natural-earth']);
    expect(out[2].en[0]).toBe('Vientiane');
    expect(station[0]).toMatchObject({ label: 'Kunming railway station', basis: 'surveyed', reference: { title: 'Wikipedia: Kunming railway station', coordinate: [102.72083, 25.0175] } });
  });

  test('a published position whose note names no source is not offered as surveyed', () => {
    expect(entriesFromPublishedPlaces([{ key: 'dostyk', published: [82.48, 45.25], note: 'Dostyk border station (Kazakhstan)' }])).toEqual([]);
    expect(entriesFromPublishedPlaces([{ key: 'frankfurt-oder', published: [14.5, 52.3], note: 'Frankfurt (Oder) border station, 52°20′13″N (Wikipedia, Frankfurt (Oder) station)' }])[0]).toMatchObject({
      label: 'Frankfurt (Oder) border station',
      reference: { title: 'Wikipedia, Frankfurt (Oder) station' },
    });
  });

  test('nothing for an empty text, and at most the limit', () => {
    expect(suggestPlaces(ne, ['', undefined])).toEqual([]);
    expect(suggestPlaces(ne, ['Brest Kunming Vientiane Police'], 2)).toHaveLength(2);
  });
});

describe('placeFromSuggestion', () => {
  const [kunming] = entriesFromNaturalEarth([city('Kunming', 102.7, 25.04)]);
  const [station] = entriesFromPublishedPlaces([{ key: 'kunming', published: [102.72083, 25.0175], note: 'Kunming railway station (Wikipedia)' }]);
  const mine: GeometryReference = { title: 'Yunnan government', url: 'https://www.yn.gov.cn/' };

  test('sets the point, the certainty and the reference; keeps what the author wrote, drops blanks', () => {
    const r = placeFromSuggestion({ geometry_basis: 'surveyed', references: [{ title: '' }, mine], name: 'x' }, kunming, null);
    expect(r.geometry).toEqual({ type: 'Point', coordinates: [102.7, 25.04] });
    expect(r.properties).toEqual({ geometry_basis: 'approximate', references: [kunming.reference, mine], name: 'x' });
  });

  test("a second choice replaces the first one's reference, not the author's", () => {
    const first = placeFromSuggestion({ geometry_basis: 'approximate', references: [mine] }, kunming, null);
    const second = placeFromSuggestion(first.properties, station, first.reference);
    expect(second.properties).toEqual({ geometry_basis: 'surveyed', references: [station.reference, mine] });
  });

  test('the reference set is a copy: editing it leaves the gazetteer as it was', () => {
    const r = placeFromSuggestion({ geometry_basis: 'approximate', references: [] as GeometryReference[] }, kunming, null);
    r.properties.references[0].note = 'changed';
    expect(kunming.reference.note).not.toBe('changed');
  });
});
