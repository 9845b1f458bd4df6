/**
 * Every piece of interface text exists in every language: the messages, the
 * notices about a link, the error screen. A key added in English only (or a
 * Chinese text left in English) fails here.
 */
import { describe, expect, test } from 'vitest';
import type { LinkNotice, LinkNoticeKind } from '../../../src/lib/atlas/linkNotice.ts';
import type { StartProblem } from '../../../src/lib/atlas/loadAtlas.ts';
import { errorScreenText } from '../../../src/lib/i18n/errorScreen.ts';
import { KIND_NAMES, LANGS, MESSAGES, MODE_NAMES } from '../../../src/lib/i18n/messages.ts';
import { NOTICE_WORDINGS, noticeText } from '../../../src/lib/i18n/notices.ts';

const CJK = /[\u4e00-\u9fff]/;

/** Every leaf of a message tree, by path: strings, and functions called with sample arguments. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}

describe('messages', () => {
  test('every key has a text in every language, of the same kind', () => {
    const en = new Map(leaves(MESSAGES.en));
    for (const lang of LANGS) {
      const other = new Map(leaves(MESSAGES[lang]));
      expect([...other.keys()].sort(), lang).toEqual([...en.keys()].sort());
      for (const [key, v] of en) {
        expect(typeof other.get(key), `${lang}.${key}`).toBe(typeof v);
        if (typeof v === 'string') expect((other.get(key) as string).trim(), `${lang}.${key}`).not.toBe('');
      }
    }
    expect(Object.keys(MODE_NAMES.zh).sort()).toEqual(Object.keys(MODE_NAMES.en).sort());
    expect(Object.keys(KIND_NAMES.zh).sort()).toEqual(Object.keys(KIND_NAMES.en).sort());
  });

  test('the Chinese texts are Chinese (except the few that are the same in both, such as format names)', () => {
    const sameInBoth = new Set(['language', 'languageLabel', 'figureAspects.16:9', 'figureAspects.4:3']);
    for (const [key, v] of leaves(MESSAGES.zh)) {
      if (typeof v !== 'string' || sameInBoth.has(key)) continue;
      expect(v, `zh.${key}`).toMatch(CJK);
    }
  });
});

describe('notices about a link', () => {
  const samples: { [K in LinkNoticeKind]: Extract<LinkNotice, { kind: K }> } = {
    badParameter: { kind: 'badParameter', part: '%E0%A4' },
    badView: { kind: 'badView', value: '30/10/10' },
    unknownValues: { kind: 'unknownValues', key: 'modes', values: ['bus'] },
    impossibleDate: { kind: 'impossibleDate', value: '2022-13-45' },
    badDateRange: { kind: 'badDateRange' },
    invertedDateRange: { kind: 'invertedDateRange', from: '2023-01-01', to: '2019' },
    unknownFeature: { kind: 'unknownFeature', id: 'no-such-feature' },
    unknownDocument: { kind: 'unknownDocument', id: 'no-such-doc' },
    unknownLanguage: { kind: 'unknownLanguage', value: 'fr' },
    more: { kind: 'more', count: 3 },
  };
  test.each(Object.values(samples))('$kind is worded in every language, Chinese in Chinese', (n) => {
    for (const lang of LANGS) expect(Object.keys(NOTICE_WORDINGS[lang]).sort()).toEqual(Object.keys(samples).sort());
    expect(noticeText(n, 'en')).not.toMatch(CJK);
    expect(noticeText(n, 'zh')).toMatch(CJK);
    expect(noticeText(n, 'zh')).not.toMatch(/\b(Ignored|No feature|No document|Unknown)\b/);
  });
  test('a value the reader typed is repeated as typed', () => {
    expect(noticeText(samples.unknownValues, 'zh')).toContain('“bus”');
    expect(noticeText(samples.unknownFeature, 'zh')).toContain('no-such-feature');
  });
});

describe('the error screen', () => {
  const problems: StartProblem[] = [
    { kind: 'http', status: 404, statusText: 'Not Found' },
    { kind: 'network', message: 'Failed to fetch' },
    { kind: 'tooLarge', length: 60_000_000, limit: 50_000_000 },
    { kind: 'notJson', message: 'Unexpected end of JSON input', length: 1234, tail: '{"id": "x' },
    { kind: 'shape', problems: ['feature "x": citation 1 no longer matches document "d"'] },
    { kind: 'crash', message: 'TypeError: boom' },
  ];
  test.each(problems)('$kind: title, summary, headings and steps in Chinese; English details introduced as such', (p) => {
    const zh = errorScreenText(p, 'zh');
    for (const s of [zh.title, zh.summary, zh.detailsHeading, zh.dataFile, zh.whatToDo, ...zh.steps]) expect(s).toMatch(CJK);
    if (zh.details.some((d) => d.english)) expect(zh.detailsNote).toMatch(CJK);
    const en = errorScreenText(p, 'en');
    for (const s of [en.title, en.summary, en.detailsHeading, ...en.steps]) expect(s).not.toMatch(CJK);
    expect(en.detailsNote).toBeUndefined();
  });
  test('our own details are translated, the browser’s and the data check’s are kept', () => {
    expect(errorScreenText(problems[0], 'zh').details).toEqual([{ text: '服务器返回 404 Not Found。', english: false }]);
    expect(errorScreenText(problems[2], 'zh').details[0].text).toBe('文件长 60,000,000 个字符，上限为 50,000,000 个字符。');
    expect(errorScreenText(problems[4], 'zh').details).toEqual([{ text: 'feature "x": citation 1 no longer matches document "d"', english: true }]);
  });
});
