import { describe, expect, test } from 'vitest';
import {
  NO_FILTERS,
  dateSpan,
  drawnPart,
  filtersFromParams,
  filtersToParams,
  toggleMember,
  visibleFeatures,
  type Filters,
} from '../../../src/lib/atlas/filters.ts';
import type { Atlas, AtlasDocument, AtlasFeature } from '../../../src/lib/atlas/types.ts';

const doc = (id: string, date: string): AtlasDocument => ({
  id, title: id, date, date_precision: 'day', publisher: 'p', parties: [], language: 'en', summary: '', body: 'x', paragraphs: [],
});
const feat = (id: string, kind: AtlasFeature['properties']['kind'], mode: AtlasFeature['properties']['mode'], docs: string[], legs?: AtlasFeature['properties']['legs']): AtlasFeature => ({
  type: 'Feature', id,
  geometry: kind === 'port' ? { type: 'Point', coordinates: [0, 0] }
    : legs ? { type: 'MultiLineString', coordinates: legs.map((_, i) => [[i, 0], [i + 1, 0]]) }
    : { type: 'LineString', coordinates: [[0, 0], [1, 1]] },
  properties: {
    name: id, kind, mode, description: '', geometry_basis: 'surveyed', references: [], legs,
    citations: docs.map((d) => ({ document: d, quote: 'x', selector: { exact: 'x', prefix: '', suffix: '', start: 0, end: 1 } })),
  },
});

const atlas: Atlas = {
  documents: [doc('d2016', '2016'), doc('d2019', '2019-12-17'), doc('d2024', '2024-11-25')],
  features: [
    feat('port', 'port', 'river', ['d2024']),
    feat('rail', 'rail-corridor', 'rail', ['d2019', 'd2024']),
    feat('river-sea', 'river-sea-route', 'multimodal', ['d2016'], ['river', 'sea']),
  ],
};
const ids = (f: Filters) => visibleFeatures(atlas, f).map((x) => x.id);

describe('visibleFeatures', () => {
  test('no filters shows everything', () => expect(ids(NO_FILTERS)).toEqual(['port', 'rail', 'river-sea']));
  test('by mode, counting the legs of multi-leg routes', () => {
    expect(ids({ ...NO_FILTERS, modes: new Set(['sea']) })).toEqual(['port', 'river-sea']);
    expect(ids({ ...NO_FILTERS, modes: new Set(['rail']) })).toEqual(['port', 'rail']);
  });
  test('the mode filter chooses lines only: symbols stay while their kind is on, as the legend shows them', () => {
    expect(ids({ ...NO_FILTERS, modes: new Set() })).toEqual(['port']);
    expect(ids({ ...NO_FILTERS, modes: new Set(), kinds: new Set(['rail-corridor']) })).toEqual([]);
  });
  test('a multi-leg route is drawn in its legs\' modes, not its own "multimodal"', () => {
    expect(ids({ ...NO_FILTERS, modes: new Set(['multimodal']) })).toEqual(['port']);
  });
  test('by kind', () => expect(ids({ ...NO_FILTERS, kinds: new Set(['rail-corridor']) })).toEqual(['rail']));
  test('by document', () => expect(ids({ ...NO_FILTERS, documents: new Set(['d2019']) })).toEqual(['rail']));
  test('by date range, where a year-only date covers its whole year', () => {
    expect(ids({ ...NO_FILTERS, range: { from: '2016-06-01', to: '2020-01-01' } })).toEqual(['rail', 'river-sea']);
    expect(ids({ ...NO_FILTERS, range: { from: '2020-01-01', to: '2023-12-31' } })).toEqual([]);
  });
  test('document and range must hold for the same citation', () => {
    expect(ids({ ...NO_FILTERS, documents: new Set(['d2019']), range: { from: '2024-01-01', to: '2024-12-31' } })).toEqual([]);
  });
});

describe('dateSpan', () => {
  test.each([
    ['2016', '2016-01-01', '2016-12-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2019-12-17', '2019-12-17', '2019-12-17'],
  ])('%s spans %s … %s', (d, from, to) => expect(dateSpan(d)).toEqual({ from, to }));
});

describe('toggleMember', () => {
  const all = ['a', 'b', 'c'] as const;
  test('turning one off from "all" leaves the others', () => expect(toggleMember(null, 'b', all)).toEqual(new Set(['a', 'c'])));
  test('turning the last one back on returns to "all" (null)', () => expect(toggleMember(new Set(['a', 'c']), 'b', all)).toBeNull());
});

describe('URL parameters', () => {
  const docs = new Set(['d2016', 'd2019']);
  test('round trip', () => {
    const f: Filters = { modes: new Set(['rail', 'river']), kinds: null, documents: new Set(['d2019']), range: { from: '2016-01-01', to: '2021-12-31' } };
    const params = filtersToParams(f);
    expect(params).toEqual([['modes', 'rail,river'], ['docs', 'd2019'], ['from', '2016-01-01'], ['to', '2021-12-31']]);
    expect(filtersFromParams(new Map(params), docs)).toEqual({ filters: f, notices: [] });
  });
  test('unknown values are dropped with a notice', () => {
    const r = filtersFromParams(new Map([['modes', 'rail,teleport'], ['docs', 'nope,d2016']]), docs);
    expect(r.filters.modes).toEqual(new Set(['rail']));
    expect(r.filters.documents).toEqual(new Set(['d2016']));
    expect(r.notices).toHaveLength(2);
  });
  test('a list of only unknown values filters nothing (it does not empty the map)', () => {
    const r = filtersFromParams(new Map([['modes', 'bus'], ['kinds', 'castle'], ['docs', 'nope']]), docs);
    expect(r.filters).toEqual(NO_FILTERS);
    expect(r.notices).toHaveLength(3);
    expect(filtersToParams(r.filters)).toEqual([]);
  });
  test('known values match regardless of case, and come back in their own spelling', () => {
    const r = filtersFromParams(new Map([['modes', 'Rail,SEA'], ['kinds', 'Port'], ['docs', 'D2016']]), docs);
    expect(r).toEqual({ filters: { modes: new Set(['rail', 'sea']), kinds: new Set(['port']), documents: new Set(['d2016']), range: null }, notices: [] });
  });
  test('an explicitly empty list (every entry switched off) survives a round trip', () => {
    const f: Filters = { ...NO_FILTERS, modes: new Set() };
    expect(filtersFromParams(new Map(filtersToParams(f)), docs).filters).toEqual(f);
  });
  test('a garbage date range is ignored', () => {
    const r = filtersFromParams(new Map([['from', 'last-tuesday']]), docs);
    expect(r.filters.range).toBeNull();
    expect(r.notices).toHaveLength(1);
  });
  test('a year range covers whole years', () => {
    expect(filtersFromParams(new Map([['from', '2019'], ['to', '2021']]), docs).filters.range).toEqual({ from: '2019-01-01', to: '2021-12-31' });
  });
});

describe('drawnPart', () => {
  const route = atlas.features.find((f) => f.id === 'river-sea')!;
  test('keeps only the legs whose mode is shown, without touching the atlas feature', () => {
    const copy = structuredClone(route);
    const part = drawnPart(route, { ...NO_FILTERS, modes: new Set(['sea']) });
    expect(part.properties.legs).toEqual(['sea']);
    expect((part.geometry as { coordinates: unknown[] }).coordinates).toEqual([(route.geometry as { coordinates: unknown[] }).coordinates[1]]);
    expect(route).toEqual(copy);
  });
  test('returns the feature itself when every leg is shown', () => expect(drawnPart(route, NO_FILTERS)).toBe(route));
});
