import { describe, expect, test } from 'vitest';
import { anchorQuote, foldWhitespace, selectorMatches } from '../../../src/lib/atlas/anchor.ts';

const body = 'The ports will work together.\n\nThe ports will share routes.  Hunan\'s cargos\ncan go global.';

describe('anchorQuote', () => {
  test('finds an exact quote and returns both selectors', () => {
    const r = anchorQuote(body, 'share routes');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.selector.exact).toBe('share routes');
    expect(body.slice(r.selector.start, r.selector.end)).toBe('share routes');
    expect(r.selector.prefix.endsWith('The ports will ')).toBe(true);
    expect(r.selector.suffix.startsWith('.  Hunan')).toBe(true);
  });

  test('folds whitespace runs, including line breaks, but keeps the original text in exact', () => {
    const r = anchorQuote(body, "Hunan's cargos can go global.");
    expect(r.ok && r.selector.exact).toBe("Hunan's cargos\ncan go global.");
  });

  test('does not fold case or punctuation', () => {
    expect(anchorQuote(body, 'the ports will share routes').ok).toBe(false);
    expect(anchorQuote(body, 'share routes,').ok).toBe(false);
  });

  test('reports a missing quote', () => {
    expect(anchorQuote(body, 'railway')).toEqual({ ok: false, reason: 'not-found', count: 0 });
  });

  test('reports an ambiguous quote with its count', () => {
    expect(anchorQuote(body, 'The ports will')).toEqual({ ok: false, reason: 'ambiguous', count: 2 });
  });

  test('a prefix picks one of several occurrences', () => {
    const r = anchorQuote(body, 'The ports will', 'together.');
    expect(r.ok && r.selector.start).toBe(body.indexOf('The ports will share'));
  });

  test('a prefix that precedes no occurrence is an error, not a guess', () => {
    expect(anchorQuote(body, 'The ports will', 'Hubei')).toMatchObject({ ok: false, reason: 'prefix-not-found' });
  });

  test('an empty quote is rejected', () => {
    expect(anchorQuote(body, '  \n ')).toMatchObject({ ok: false, reason: 'empty' });
  });
});

describe('foldWhitespace', () => {
  test('maps every folded character back to the original', () => {
    const f = foldWhitespace('a \n\t b');
    expect(f.text).toBe('a b');
    expect(f.origin).toEqual([0, 1, 5]);
  });
});

describe('selectorMatches', () => {
  test('accepts a selector that still points at its text and rejects a stale one', () => {
    const r = anchorQuote(body, 'share routes');
    if (!r.ok) throw new Error('setup');
    expect(selectorMatches(body, r.selector)).toBe(true);
    expect(selectorMatches('x' + body, r.selector)).toBe(false);
    expect(selectorMatches(body, { ...r.selector, end: body.length + 5 })).toBe(false);
  });
});
