import { describe, expect, test } from 'vitest';
import { buildSearch, tokenize } from '../../../src/lib/atlas/search.ts';
import { splitParagraphs } from '../../../src/lib/atlas/paragraphs.ts';
import type { Atlas } from '../../../src/lib/atlas/types.ts';

const body = 'The Huaihua International Land Port handled the most China-Laos freight trains.\n\nZhangjiajie Airport hit a record.';
const atlas: Atlas = {
  documents: [{ id: 'mou', title: 'Hunan MOU', date: '2024-11-25', date_precision: 'day', publisher: 'p', parties: [], language: 'en', summary: '', body, paragraphs: splitParagraphs(body) }],
  features: [
    { type: 'Feature', id: 'huaihua-land-port', geometry: { type: 'Point', coordinates: [110, 27.5] }, properties: { name: 'Huaihua International Land Port', name_zh: '怀化国际陆港', kind: 'land-port', mode: 'rail', description: 'Rail freight hub.', geometry_basis: 'surveyed', citations: [], references: [] } },
    { type: 'Feature', id: 'dyg', geometry: { type: 'Point', coordinates: [110.4, 29.1] }, properties: { name: 'Zhangjiajie Hehua Airport', name_zh: '张家界荷花国际机场', kind: 'airport', mode: 'air', description: 'Airport.', geometry_basis: 'surveyed', citations: [], references: [] } },
  ],
};
const search = buildSearch(atlas);

describe('tokenize', () => {
  test('splits Latin words and turns CJK runs into character pairs', () => {
    expect(tokenize('Huaihua 怀化国际')).toEqual(['怀化', '化国', '国际', 'Huaihua']);
  });
});

describe('search', () => {
  test('finds a feature by English name, first', () => {
    const hits = search.search('Huaihua');
    expect(hits[0]).toMatchObject({ type: 'feature', id: 'huaihua-land-port' });
    expect(hits.some((h) => h.type === 'passage' && h.documentId === 'mou')).toBe(true);
  });
  test.each(['怀化', '陆港', '怀化国际陆港'])('finds a feature by Chinese name (%s)', (q) => {
    expect(search.search(q)[0]).toMatchObject({ type: 'feature', id: 'huaihua-land-port' });
  });
  test('finds by prefix and tolerates a small typo in long words', () => {
    expect(search.search('Zhangjia')[0]).toMatchObject({ id: 'dyg' });
    expect(search.search('Zhangjaijie')[0]).toMatchObject({ id: 'dyg' });
  });
  test('a passage hit carries a snippet around the match', () => {
    const hit = search.search('freight trains').find((h) => h.type === 'passage');
    expect(hit?.detail).toContain('freight trains');
  });
  test('an empty query returns nothing', () => expect(search.search('  ')).toEqual([]));
});

describe('Chinese names of places named in English', () => {
  const railway = { type: 'Feature', id: 'rail', geometry: { type: 'LineString', coordinates: [[102.7, 25], [102.6, 18]] }, properties: { name: 'China–Laos Railway', name_zh: '中老铁路', kind: 'rail-corridor', mode: 'rail', description: 'Kunming to Vientiane via Boten.', geometry_basis: 'schematic', citations: [], references: [] } } as const;
  const port = { type: 'Feature', id: 'port', geometry: { type: 'Point', coordinates: [114.5, 30.6] }, properties: { name: 'Yangluo Port (Wuhan)', name_zh: '阳逻港', kind: 'port', mode: 'river', description: 'Container port on the Yangtze.', description_zh: '长江上的集装箱港口。', geometry_basis: 'surveyed', citations: [], references: [] } } as const;
  const s = buildSearch({ ...atlas, features: [...atlas.features, railway, port] as unknown as Atlas['features'] });
  test('老挝 finds the railway whose English name says Laos, before a passage that mentions it', () => {
    const hits = s.search('老挝');
    expect(hits[0]).toMatchObject({ type: 'feature', id: 'rail' });
    expect(hits.some((h) => h.type === 'passage' && h.documentId === 'mou')).toBe(true);
  });
  test('places in the description count too (万象 → the railway), and a city in brackets (武汉 → Yangluo Port)', () => {
    expect(s.search('万象')[0]).toMatchObject({ id: 'rail' });
    expect(s.search('武汉')[0]).toMatchObject({ id: 'port' });
  });
  test('our Chinese description is searched (集装箱)', () => {
    expect(s.search('集装箱')[0]).toMatchObject({ id: 'port' });
  });
  test('a place the text does not name finds nothing', () => {
    expect(s.search('德国')).toEqual([]);
  });
});
