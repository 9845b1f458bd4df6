import { expect, test } from 'vitest';
import { shownDescription } from '../../../src/lib/i18n/description.ts';

const both = { description: 'Container port on the Yangtze.', description_zh: '长江上的集装箱港口。' };
const englishOnly = { description: 'A feature a user added.' };

test('Chinese readers see our translation, marked as ours', () => {
  expect(shownDescription(both, 'zh')).toEqual({ text: '长江上的集装箱港口。', lang: 'zh', translated: true, fallback: false });
});
test('without a translation, Chinese readers see the English and are told so', () => {
  expect(shownDescription(englishOnly, 'zh')).toEqual({ text: 'A feature a user added.', lang: 'en', translated: false, fallback: true });
});
test('English readers see the English description, never a fallback note', () => {
  expect(shownDescription(both, 'en')).toEqual({ text: 'Container port on the Yangtze.', lang: 'en', translated: false, fallback: false });
  expect(shownDescription(englishOnly, 'en').fallback).toBe(false);
});
