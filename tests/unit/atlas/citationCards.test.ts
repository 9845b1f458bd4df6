import { describe, expect, test } from 'vitest';
import { citationCards } from '../../../src/lib/atlas/citationCards.ts';
import { certaintyKey, readerLink } from '../../../src/lib/atlas/certainty.ts';
import { splitParagraphs } from '../../../src/lib/atlas/paragraphs.ts';
import type { AtlasDocument, Citation } from '../../../src/lib/atlas/types.ts';

const body = 'First paragraph says A. It also says B.\n\nSecond paragraph says C.';
const doc = (id: string): AtlasDocument => ({
  id, title: id, date: '2022', date_precision: 'year', publisher: 'P', parties: [], language: 'en', summary: '', body, paragraphs: splitParagraphs(body),
});
const docs = new Map([['d1', doc('d1')], ['d2', doc('d2')]]);
const cite = (document: string, exact: string, extra: Partial<Citation> = {}): Citation => {
  const start = body.indexOf(exact);
  return { document, quote: exact, selector: { exact, prefix: '', suffix: '', start, end: start + exact.length }, ...extra };
};

describe('citationCards', () => {
  test('two quotes from the same paragraph of the same document become one card marking both', () => {
    const cards = citationCards([cite('d1', 'says A'), cite('d1', 'says B', { support: 'inferred', reasoning: 'R.' })], docs);
    expect(cards).toHaveLength(1);
    expect(cards[0].citations.map((c) => c.quote)).toEqual(['says A', 'says B']);
    expect(body.slice(cards[0].start, cards[0].end)).toBe('First paragraph says A. It also says B.');
  });

  test('another paragraph, or the same paragraph of another document, is its own card, in citation order', () => {
    const cards = citationCards([cite('d1', 'says C'), cite('d1', 'says A'), cite('d2', 'says A')], docs);
    expect(cards.map((c) => [c.document.id, body.slice(c.start, c.end).slice(0, 6)])).toEqual([
      ['d1', 'Second'],
      ['d1', 'First '],
      ['d2', 'First '],
    ]);
  });
});

describe('certainty words and links', () => {
  test.each([
    ['surveyed', 'Point', 'surveyedPoint'],
    ['surveyed', 'MultiLineString', 'surveyedPath'],
    ['approximate', 'Point', 'approximatePoint'],
    ['approximate', 'LineString', 'approximatePath'],
    ['schematic', 'LineString', 'schematicLine'],
    ['schematic', 'MultiPolygon', 'schematicArea'],
    ['approximate', 'Polygon', 'approximateArea'],
    ['surveyed', 'MultiPolygon', 'surveyedArea'],
  ] as const)('%s %s → %s', (basis, type, key) => expect(certaintyKey(basis, type)).toBe(key));

  test('only http(s) links reach readers', () => {
    expect(readerLink('https://en.wikipedia.org/wiki/Chenglingji')).toBe('https://en.wikipedia.org/wiki/Chenglingji');
    expect(readerLink('javascript:alert(1)')).toBeUndefined();
    expect(readerLink('data/derive/notes.yaml')).toBeUndefined();
    expect(readerLink(undefined)).toBeUndefined();
  });
});
