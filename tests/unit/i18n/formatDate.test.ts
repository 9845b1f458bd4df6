import { expect, test } from 'vitest';
import { formatDate } from '../../../src/lib/format.ts';

test.each([
  ['2024-11-25', 'en', '25 November 2024'],
  ['2022-05', 'en', 'May 2022'],
  ['2016', 'en', '2016'],
  ['2024-11-25', 'zh', '2024年11月25日'],
  ['2022-05', 'zh', '2022年5月'],
  ['2016', 'zh', '2016年'],
  ['2019-01-01', 'zh', '2019年1月1日'],
  ['2019-12-31', 'en', '31 December 2019'],
] as const)('%s in %s: %s (to the date’s own precision, never shifted by time zone)', (date, lang, out) => {
  expect(formatDate(date, lang)).toBe(out);
});
