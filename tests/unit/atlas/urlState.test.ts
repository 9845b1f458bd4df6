import { describe, expect, test } from 'vitest';
import { coordinatePrecision, formatHash, parseHash } from '../../../src/lib/atlas/urlState.ts';

describe('parseHash', () => {
  test('reads the view, feature and document', () => {
    const { state, notices } = parseHash('#map=7.5/30.6/114.55&feature=yangluo-port&doc=hunan-mou-2024');
    expect(state.view).toEqual({ zoom: 7.5, lat: 30.6, lng: 114.55 });
    expect(state.feature).toBe('yangluo-port');
    expect(state.doc).toBe('hunan-mou-2024');
    expect(notices).toEqual([]);
  });

  test('accepts MapLibre hashes with bearing and pitch', () => {
    expect(parseHash('map=3/10/20/45/30').state.view).toEqual({ zoom: 3, lat: 10, lng: 20 });
  });

  test.each([
    ['map=abc', 'not numbers'],
    ['map=4/95/10', 'latitude out of range'],
    ['map=30/10/10', 'zoom out of range'],
    ['map=4/10', 'too few parts'],
  ])('ignores a bad view (%s: %s) with a notice', (hash) => {
    const r = parseHash(hash);
    expect(r.state.view).toBeUndefined();
    expect(r.notices).toHaveLength(1);
  });

  test('never throws on garbage and keeps unknown parameters', () => {
    const r = parseHash('#%E0%A4%A&&=x&lang=zh&feature=');
    expect(r.state.feature).toBeUndefined();
    expect(r.state.extra).toContainEqual(['lang', 'zh']);
    expect(r.notices.length).toBeGreaterThan(0);
  });
});

describe('formatHash', () => {
  test('round-trips through parseHash', () => {
    const state = { view: { zoom: 6.25, lat: 30.5123, lng: 114.2871 }, feature: 'china-laos-freight-rail', doc: 'x', extra: [['lang', 'zh']] as [string, string][] };
    const again = parseHash(formatHash(state)).state;
    expect(again.feature).toBe(state.feature);
    expect(again.doc).toBe('x');
    expect(again.extra).toEqual([['lang', 'zh']]);
    expect(again.view!.zoom).toBe(6.25);
    expect(again.view!.lat).toBeCloseTo(30.5123, 2);
  });

  test('uses MapLibre-like precision: more decimals when zoomed in', () => {
    expect(coordinatePrecision(2)).toBeLessThan(coordinatePrecision(12));
    expect(formatHash({ view: { zoom: 3, lat: 30.123456, lng: 114.987654 }, extra: [] })).toBe('#map=3/30.12/114.99');
  });

  test('empty state is an empty hash', () => {
    expect(formatHash({ extra: [] })).toBe('');
  });
});
