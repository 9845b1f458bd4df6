/**
 * Issue 15, items 9–11: impossible dates are refused (URL and iframe API),
 * every permalink survives a reload unchanged (unknown keys included), and no
 * notice or error reply repeats more than a capped part of what it refuses.
 */
import { describe, expect, it } from 'vitest';
import { capNotices, echo, MAX_NOTICES } from '../../../src/lib/atlas/echo.ts';
import { filtersFromParams } from '../../../src/lib/atlas/filters.ts';
import { formatHash, parseHash } from '../../../src/lib/atlas/urlState.ts';
import { noticeText } from '../../../src/lib/i18n/notices.ts';
import { parseHostMessage, requestEcho } from '../../../src/lib/embed/protocol.ts';
import { mulberry32 } from '../../../scripts/seededRandom.ts';

const docs = new Set(['some-doc']);
const params = (o: Record<string, string>) => new Map(Object.entries(o));

describe('impossible dates (item 9)', () => {
  it.each(['2022-13-45', '2022-02-30', '2021-00', '2023-04-31'])('#from=%s is ignored with a notice', (d) => {
    const r = filtersFromParams(params({ from: d }), docs);
    expect(r.filters.range).toBeNull();
    expect(r.notices).toEqual([{ kind: 'impossibleDate', value: d }]);
    expect(noticeText(r.notices[0], 'en')).toBe(`Ignored the date range: "${d}" is not a real date.`);
    expect(noticeText(r.notices[0], 'zh')).toBe(`已忽略日期范围：“${d}”不是真实存在的日期。`);
  });
  it('real dates of every precision still filter', () => {
    expect(filtersFromParams(params({ from: '2024-02-29', to: '2024' }), docs).filters.range).toEqual({ from: '2024-02-29', to: '2024-12-31' });
  });
  it('set-filters with an impossible date gets an error reply, as the protocol promises', () => {
    const r = parseHostMessage({ type: 'corridor-atlas:set-filters', filters: { from: '2022-13-45' } });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^filters\.from "2022-13-45" is not a real date/) });
    expect(parseHostMessage({ type: 'corridor-atlas:set-filters', filters: { to: '2022-02-29' } })).toMatchObject({ ok: false });
    expect(parseHostMessage({ type: 'corridor-atlas:set-filters', filters: { from: '2020-02-29' } })).toMatchObject({ ok: true });
  });
});

describe('permalinks survive a reload unchanged (item 10)', () => {
  const roundTrip = (hash: string) => {
    const first = parseHash(hash).state;
    const written = formatHash(first);
    const again = parseHash(written).state;
    return { first, written, again, rewritten: formatHash(again) };
  };

  it('an unknown key holding "=" and "&" comes back as the same key, not as a feature', () => {
    const { first, again, written, rewritten } = roundTrip('#feature%3Dx%26feature=yangluo-port');
    expect(first.feature).toBeUndefined();
    expect(first.extra).toEqual([['feature=x&feature', 'yangluo-port']]);
    expect(again).toEqual(first);
    expect(rewritten).toBe(written);
  });

  it('seeded random hashes of awkward keys and values: parse → write → parse is the identity', () => {
    const rand = mulberry32(15);
    const alphabet = ['a', 'z', '0', '-', '=', '&', '%', '%25', '%3D', '%26', '#', '/', ' ', '+', '?', 'é', '中', ',', '.', 'feature', 'map', 'doc'];
    const word = () => Array.from({ length: 1 + Math.floor(rand() * 6) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let n = 0; n < 500; n++) {
      const state = {
        ...(rand() < 0.5 ? { view: { zoom: Math.round(rand() * 2200) / 100, lat: Math.round((rand() * 170 - 85) * 1e4) / 1e4, lng: Math.round((rand() * 360 - 180) * 1e4) / 1e4 } } : {}),
        ...(rand() < 0.5 ? { feature: word() } : {}),
        ...(rand() < 0.5 ? { doc: word() } : {}),
        extra: Array.from({ length: Math.floor(rand() * 4) }, () => [word(), rand() < 0.2 ? '' : word()] as [string, string]).filter(([k]) => !['map', 'feature', 'doc'].includes(k)),
      };
      const written = formatHash(state);
      const parsed = parseHash(written);
      expect(parsed.notices, written).toEqual([]);
      expect(formatHash(parsed.state), written).toBe(written);
      expect(parsed.state.feature, written).toBe(state.feature);
      expect(parsed.state.doc, written).toBe(state.doc);
      expect(parsed.state.extra, written).toEqual(state.extra);
    }
  });
});

describe('what is echoed back is capped (item 11)', () => {
  it('an error reply to a 5 MB type quotes at most 200 characters of it, once in the message and once in request', () => {
    const type = `corridor-atlas:${'x'.repeat(5_000_000)}`;
    const r = parseHostMessage({ type });
    expect(r).toMatchObject({ ok: false });
    const error = (r as { error: string }).error;
    expect(error.length).toBeLessThan(300);
    expect(error).toMatch(/more characters\)"$/);
    expect(requestEcho({ type }).length).toBeLessThan(260);
  });

  it('20,000 bad values in the hash make one short notice with a count', () => {
    const bad = Array.from({ length: 20_000 }, (_, i) => `teleport-${i}`).join(',');
    const r = filtersFromParams(params({ modes: bad }), docs);
    expect(r.notices).toHaveLength(1);
    expect(noticeText(r.notices[0], 'en')).toBe('Ignored unknown modes values "teleport-0", "teleport-1", "teleport-2", "teleport-3", "teleport-4" and 19,995 more.');
    expect(noticeText(r.notices[0], 'zh')).toBe('已忽略参数 modes 中的未知值 “teleport-0”、“teleport-1”、“teleport-2”、“teleport-3”、“teleport-4”等 20,000 个。');
  });

  it('a 5,000-character value is echoed as its first 200 characters', () => {
    const r = parseHash(`#map=${'9'.repeat(5000)}`);
    for (const lang of ['en', 'zh'] as const) expect(noticeText(r.notices[0].notice, lang).length).toBeLessThan(300);
    expect(echo('y'.repeat(5000))).toBe(`${'y'.repeat(200)}… (4,800 more characters)`);
  });

  it('many notices are summed up after the first few', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ kind: 'unknownFeature', id: `feature-${i}` }) as const);
    const capped = capNotices(many);
    expect(capped).toHaveLength(MAX_NOTICES);
    expect(noticeText(capped.at(-1)!, 'en')).toBe('…and 36 more problems with this link.');
    expect(noticeText(capped.at(-1)!, 'zh')).toBe('……此链接还有 36 个问题。');
  });
});
