import { describe, expect, test } from 'vitest';
import { announceTargets, documentInAppUrl, filterParams, fullAppUrl, isAllowedOrigin, parseEmbedConfig, parseHostMessage } from '../../../src/lib/embed/protocol.ts';

describe('parseHostMessage', () => {
  test.each([
    ['not an object', 'hello'],
    ['null', null],
    ['another library', { type: 'resize', height: 3 }],
    ['no type', { feature: 'x' }],
  ])('ignores %s', (_, data) => expect(parseHostMessage(data)).toBeNull());

  test('select with an id, focusing by default', () => {
    expect(parseHostMessage({ type: 'corridor-atlas:select', feature: 'yangluo-port' })).toEqual({ ok: true, message: { type: 'corridor-atlas:select', feature: 'yangluo-port', focus: true } });
  });
  test('select null clears; focus false is kept', () => {
    expect(parseHostMessage({ type: 'corridor-atlas:select', feature: null, focus: false })).toEqual({ ok: true, message: { type: 'corridor-atlas:select', feature: null, focus: false } });
  });
  test.each([
    [{ type: 'corridor-atlas:select', feature: 'Bad Id' }],
    [{ type: 'corridor-atlas:select', feature: 3 }],
    [{ type: 'corridor-atlas:select' }],
    [{ type: 'corridor-atlas:select', feature: 'a', focus: 'yes' }],
    [{ type: 'corridor-atlas:set-view', view: { zoom: 4, lat: 100, lng: 0 } }],
    [{ type: 'corridor-atlas:set-view', view: { zoom: '4', lat: 1, lng: 0 } }],
    [{ type: 'corridor-atlas:set-view' }],
    [{ type: 'corridor-atlas:set-filters', filters: { modes: 'rail' } }],
    [{ type: 'corridor-atlas:set-filters', filters: { from: '2019/01' } }],
    [{ type: 'corridor-atlas:launch-rockets' }],
  ])('rejects %j with a reason', (data) => {
    const r = parseHostMessage(data);
    expect(r?.ok).toBe(false);
    expect(r && !r.ok && r.error).toBeTruthy();
  });
  test('set-view with numbers in range', () => {
    expect(parseHostMessage({ type: 'corridor-atlas:set-view', view: { zoom: 5, lat: 30, lng: 110, extra: 1 } })).toEqual({ ok: true, message: { type: 'corridor-atlas:set-view', view: { zoom: 5, lat: 30, lng: 110 } } });
  });
  test('set-filters keeps lists, nulls and dates', () => {
    const r = parseHostMessage({ type: 'corridor-atlas:set-filters', filters: { modes: ['rail', 'sea'], kinds: null, from: '2019' } });
    expect(r).toEqual({ ok: true, message: { type: 'corridor-atlas:set-filters', filters: { modes: ['rail', 'sea'], kinds: null, from: '2019' } } });
  });
  test('does not mutate or share the input', () => {
    const data = { type: 'corridor-atlas:set-filters', filters: { modes: ['rail'] } };
    const copy = structuredClone(data);
    const r = parseHostMessage(data);
    expect(data).toEqual(copy);
    if (r?.ok && r.message.type === 'corridor-atlas:set-filters') expect(r.message.filters.modes).not.toBe(data.filters.modes);
  });
});

test('filterParams speaks the URL codec', () => {
  expect([...filterParams({ modes: ['rail', 'sea'], docs: null, to: '2021-06' })]).toEqual([
    ['modes', 'rail,sea'],
    ['to', '2021-06'],
  ]);
});

describe('parseEmbedConfig', () => {
  test('embed flag', () => {
    expect(parseEmbedConfig('?embed=1').embed).toBe(true);
    expect(parseEmbedConfig('?embed').embed).toBe(true);
    expect(parseEmbedConfig('').embed).toBe(false);
    expect(parseEmbedConfig('?embed=0').embed).toBe(false);
  });
  test('origins are normalised, deduplicated, comma-separated or repeated', () => {
    const c = parseEmbedConfig('?embed=1&origin=https://a.example/path,https://b.example:8443&origin=https://a.example');
    expect(c.allowedOrigins).toEqual(['https://a.example', 'https://b.example:8443']);
    expect(c.notices).toEqual([]);
  });
  test('bad origins are reported, never allowed', () => {
    const c = parseEmbedConfig('?embed=1&origin=javascript:alert(1),not a url,file:///x');
    expect(c.allowedOrigins).toEqual([]);
    expect(c.notices).toHaveLength(3);
  });
  test('"*" only when asked for', () => {
    expect(parseEmbedConfig('?embed=1&origin=*').allowedOrigins).toEqual(['*']);
  });
});

describe('origin checks', () => {
  test.each([
    ['https://a.example', ['https://a.example'], true],
    ['https://b.example', ['https://a.example'], false],
    ['https://a.example:444', ['https://a.example'], false],
    ['http://a.example', ['https://a.example'], false],
    ['null', ['*'], false],
    ['', ['*'], false],
    ['https://any.example', ['*'], true],
    ['https://a.example', [], false],
  ])('%s with %j → %s', (origin, allowed, ok) => expect(isAllowedOrigin(origin, allowed)).toBe(ok));

  test('announcements go to each allowed origin, or to * when any is allowed', () => {
    expect(announceTargets(['https://a.example', 'https://b.example'])).toEqual(['https://a.example', 'https://b.example']);
    expect(announceTargets(['https://a.example', '*'])).toEqual(['*']);
    expect(announceTargets([])).toEqual([]);
  });
});

test('fullAppUrl drops the embed parameters and keeps the rest', () => {
  expect(fullAppUrl('https://x.example/atlas/?embed=1&origin=https://h.example&lang=zh#feature=a')).toBe('https://x.example/atlas/?lang=zh#feature=a');
});

test('documentInAppUrl opens the document in the same state: view, selection and filters kept, an open document replaced', () => {
  const app = 'https://x.example/atlas/?lang=zh#map=6/30.5/114.5&feature=a&modes=rail,sea&doc=old';
  const url = new URL(documentInAppUrl(app, 'new doc'));
  expect(url.origin + url.pathname + url.search).toBe('https://x.example/atlas/?lang=zh');
  const params = new URLSearchParams(url.hash.slice(1));
  expect([...params]).toEqual([['map', '6/30.5/114.5'], ['feature', 'a'], ['doc', 'new doc'], ['modes', 'rail,sea']]);
  expect(documentInAppUrl(app, 'x')).not.toBe(app);
});
