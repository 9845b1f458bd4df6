/** Issue 21, item 7: a date range that runs backwards is read the right way round, and the reader is told. */
import { describe, expect, test } from 'vitest';
import { filtersFromParams } from '../../../src/lib/atlas/filters.ts';
import { noticeText } from '../../../src/lib/i18n/notices.ts';

const params = (o: Record<string, string | undefined>) => new Map(Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined));

describe('inverted date range', () => {
  test('from after to: the range is swapped (each end at its own precision) and a notice says so', () => {
    const r = filtersFromParams(params({ from: '2023-01-01', to: '2019' }), []);
    expect(r.filters.range).toEqual({ from: '2019-01-01', to: '2023-01-01' });
    expect(r.notices).toEqual([{ kind: 'invertedDateRange', from: '2023-01-01', to: '2019' }]);
    expect(noticeText(r.notices[0], 'en')).toMatch(/backwards.*2023-01-01.*2019/);
    expect(noticeText(r.notices[0], 'zh')).toContain('颠倒');
  });
  test('a range the right way round, or of one day, or with one end, says nothing', () => {
    for (const p of [{ from: '2019', to: '2023' }, { from: '2020-05-01', to: '2020-05-01' }, { from: '2020' }, { to: '2020' }, { from: '2020-05', to: '2020' }])
      expect(filtersFromParams(params(p), []).notices, JSON.stringify(p)).toEqual([]);
  });
});
