/** Issue 21, item 3: search ignores accents and diacritics. */
import { describe, expect, test } from 'vitest';
import { foldAccents, indexOfFolded } from '../../../src/lib/atlas/foldAccents.ts';
import { buildSearch } from '../../../src/lib/atlas/search.ts';
import { splitParagraphs } from '../../../src/lib/atlas/paragraphs.ts';
import type { Atlas } from '../../../src/lib/atlas/types.ts';

describe('foldAccents', () => {
  test.each([
    ['Łódź', 'lodz'],
    ['Małaszewicze', 'malaszewicze'],
    ['Duisburg–Köln', 'duisburg–koln'],
    ['São Paulo', 'sao paulo'],
    ['Straße', 'strasse'],
    ['Lo\u0301dz', 'lodz'],
    ['怀化国际陆港', '怀化国际陆港'],
  ])('%s → %s', (text, folded) => expect(foldAccents(text)).toBe(folded));
  test('indexOfFolded finds a folded term at its place in the original text', () => {
    const text = 'Trains run to Łódź and Małaszewicze.';
    expect(indexOfFolded(text, 'lodz')).toBe(text.indexOf('Łódź'));
    expect(indexOfFolded(text, 'malas')).toBe(text.indexOf('Mała'));
    expect(indexOfFolded(text, 'warsaw')).toBe(-1);
  });
});

describe('search without accents', () => {
  // The accented word far into its paragraph: a snippet from the paragraph's start would not show it.
  const body = `Trains from Chengdu reach Łódź in Poland.\n\n${'Freight crosses borders on the way west. '.repeat(6)}The Brest–Małaszewicze crossing.`;
  const atlas: Atlas = {
    documents: [{ id: 'd', title: 'Doc', date: '2020', date_precision: 'year', publisher: 'p', parties: [], language: 'en', summary: '', body, paragraphs: splitParagraphs(body) }],
    features: [
      { type: 'Feature', id: 'lodz', geometry: { type: 'Point', coordinates: [19.4, 51.8] }, properties: { name: 'Chengdu – Łódź train', kind: 'rail-corridor', mode: 'rail', description: '', geometry_basis: 'schematic', citations: [], references: [] } },
      { type: 'Feature', id: 'koln', geometry: { type: 'Point', coordinates: [7, 51] }, properties: { name: 'Koln terminal', kind: 'rail-hub', mode: 'rail', description: '', geometry_basis: 'approximate', citations: [], references: [] } },
    ],
  };
  const search = buildSearch(atlas);
  test('"Lodz" finds the Łódź feature first, and "Köln" finds "Koln"', () => {
    expect(search.search('Lodz')[0]).toMatchObject({ type: 'feature', id: 'lodz' });
    expect(search.search('lódz')[0]).toMatchObject({ type: 'feature', id: 'lodz' });
    expect(search.search('Köln')[0]).toMatchObject({ type: 'feature', id: 'koln' });
  });
  test('a passage found without accents has its snippet around the accented word', () => {
    const hit = search.search('Malaszewicze').find((h) => h.type === 'passage');
    expect(hit?.detail).toContain('Małaszewicze');
  });
});
