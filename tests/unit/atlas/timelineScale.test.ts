import { describe, expect, test } from 'vitest';
import { placeDocuments, rangeFromPixels, timelineScale, yearTicks } from '../../../src/lib/atlas/timelineScale.ts';
import type { AtlasDocument } from '../../../src/lib/atlas/types.ts';

const doc = (id: string, date: string) => ({ id, date }) as AtlasDocument;
const docs = [doc('a', '2016'), doc('b', '2019-12-17'), doc('c', '2024-11-25')];

describe('timeline scale', () => {
  const x = timelineScale(docs, 916, 16);
  test('spans from the first year to the end of the last', () => {
    expect(x.domain().map((d) => d.toISOString().slice(0, 10))).toEqual(['2016-01-01', '2025-01-01']);
    expect(x.range()).toEqual([16, 900]);
  });
  test('a year-only date covers its whole year, a day a sliver', () => {
    const [a, b] = placeDocuments(docs, x);
    expect(a.x1 - a.x0).toBeGreaterThan(90);
    expect(b.x1 - b.x0).toBeLessThan(3);
  });
  test('pixels map back to whole days in order', () => {
    const r = rangeFromPixels(x, x(new Date('2020-01-01T00:00:00Z')), x(new Date('2019-01-01T00:00:00Z')));
    expect(r).toEqual({ from: '2019-01-01', to: '2020-01-01' });
  });
  test('one tick per year', () => {
    expect(yearTicks(x).map((t) => t.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
  });
});
