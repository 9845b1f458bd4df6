import { expect, test } from 'vitest';
import { parseDateInput } from '../../../src/lib/i18n/dateInput.ts';

test.each([
  ['2019-01-05', 'from', '2019-01-05'],
  ['2019/1/5', 'from', '2019-01-05'],
  ['2019年1月5日', 'to', '2019-01-05'],
  ['2019年2月', 'to', '2019-02-28'],
  ['2020-02', 'to', '2020-02-29'],
  ['2019-02', 'from', '2019-02-01'],
  ['2016', 'to', '2016-12-31'],
  ['2016年', 'from', '2016-01-01'],
  [' 2022-12-31 ', 'to', '2022-12-31'],
] as const)('%s as a range %s: %s', (text, edge, day) => {
  expect(parseDateInput(text, edge)).toBe(day);
});

test.each(['', '01/05/2019', '2019-13', '2019-02-30', '二〇一九年', 'soon'])('"%s" is not a date', (text) => {
  expect(parseDateInput(text, 'from')).toBeNull();
});
