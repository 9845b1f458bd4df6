import { describe, expect, test } from 'vitest';
import { anchorQuote } from '../../../src/lib/atlas/anchor.ts';
import { describeDifferences, disambiguatingPrefixes, nearMisses, occurrences, paragraphAround } from '../../../src/lib/atlas/citeHelp.ts';

const BODY = `On May 12, the Changsha, Wuhan, and Nanchang customs sighed an online framework agreement.

The three customs will cooperate in the pilot reform.

A joint survey mechanism of the three customs will be established.`;

describe('occurrences', () => {
  test('finds every place, folding whitespace only', () => {
    expect(occurrences(BODY, 'three  customs')).toHaveLength(2);
    expect(occurrences(BODY, 'Three customs')).toHaveLength(0);
  });
});

describe('disambiguatingPrefixes', () => {
  test('gives the fewest words before each occurrence that anchor it exactly once', () => {
    const hits = occurrences(BODY, 'three customs');
    const prefixes = disambiguatingPrefixes(BODY, hits);
    expect(prefixes).toEqual(['The', 'the']);
    prefixes.forEach((p, i) => {
      const r = anchorQuote(BODY, 'three customs', p!);
      expect(r.ok && r.selector.start).toBe(hits[i].start);
    });
  });

  test('null when the whole preceding text is shared', () => {
    const body = 'x x';
    expect(disambiguatingPrefixes(body, occurrences(body, 'x'))).toEqual([null, 'x']);
  });
});

describe('nearMisses', () => {
  test('the original wording comes first when the quote fixes a typo', () => {
    const [best] = nearMisses(BODY, 'Changsha, Wuhan and Nanchang customs signed an online framework agreement');
    expect(best.text).toBe('Changsha, Wuhan, and Nanchang customs sighed an online framework agreement.');
    expect(best.distance).toBeLessThanOrEqual(3);
    expect(best.similarity).toBeGreaterThan(0.9);
  });

  test('returns non-overlapping passages, best first', () => {
    const misses = nearMisses(BODY, 'the tree customs', 3);
    expect(misses.length).toBe(3);
    for (let i = 1; i < misses.length; i++) expect(misses[i].distance).toBeGreaterThanOrEqual(misses[i - 1].distance);
    for (const a of misses) for (const b of misses) if (a !== b) expect(a.start < b.end && b.start < a.end).toBe(false);
  });
});

test('paragraphAround returns the blank-line separated paragraph', () => {
  const i = BODY.indexOf('pilot');
  expect(paragraphAround(BODY, i, i + 5).text).toBe('The three customs will cooperate in the pilot reform.');
});

describe('describeDifferences (npm run cite near-miss help)', () => {
  test('names curly versus straight quotes', () => {
    expect(describeDifferences('the "Belt and Road" plan', 'the “Belt and Road” plan')).toEqual([
      'quote marks: the text has the curly opening quote “ where you wrote the straight double quote "',
      'quote marks: the text has the curly closing quote ” where you wrote the straight double quote "',
    ]);
  });
  test('names the kind of dash', () => {
    expect(describeDifferences('China-Europe Railway Express', 'China–Europe Railway Express')).toEqual(['dash: the text has the en dash – where you wrote the hyphen -']);
  });
  test('names a missing comma and the word it follows', () => {
    expect(describeDifferences('the Changsha, Wuhan and Nanchang customs', 'the Changsha, Wuhan, and Nanchang customs')).toEqual(['a missing comma: the text has "," after "Wuhan"']);
  });
  test('ignores whitespace, as the compiler does, and names other edits plainly', () => {
    expect(describeDifferences('signed  an\nagreement', 'signed an agreement')).toEqual([]);
    expect(describeDifferences('customs signed an agreement', 'customs sighed an agreement')).toEqual(['the text has "sighed" where you wrote "signed"']);
  });
});
