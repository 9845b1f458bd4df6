import { describe, expect, test } from 'vitest';
import { paragraphAt, segmentText, splitParagraphs } from '../../../src/lib/atlas/paragraphs.ts';

describe('splitParagraphs', () => {
  test('splits on blank lines and trims each range', () => {
    const body = 'First para.\n\n  Second para\nstill second.\n\n\nThird.';
    const ps = splitParagraphs(body).map((p) => body.slice(p.start, p.end));
    expect(ps).toEqual(['First para.', 'Second para\nstill second.', 'Third.']);
  });

  test('paragraphAt finds the paragraph containing an offset', () => {
    const body = 'aaa\n\nbbb\n\nccc';
    const ps = splitParagraphs(body);
    expect(paragraphAt(ps, body.indexOf('bbb') + 1)).toEqual({ start: 5, end: 8 });
  });
});

describe('segmentText', () => {
  const text = 'one two three four';
  test('plain text is one segment', () => {
    expect(segmentText(text, 0, [])).toEqual([{ text, start: 0, end: 18, featureIds: [] }]);
  });

  test('overlapping highlights split at every boundary and list every feature', () => {
    const segs = segmentText(text, 0, [
      { start: 4, end: 13, featureId: 'a' },
      { start: 8, end: 18, featureId: 'b' },
    ]);
    expect(segs.map((s) => [s.text, s.featureIds])).toEqual([
      ['one ', []],
      ['two ', ['a']],
      ['three', ['a', 'b']],
      [' four', ['b']],
    ]);
  });

  test('works on a slice that starts inside the body', () => {
    const segs = segmentText('two three', 4, [{ start: 8, end: 13, featureId: 'a' }]);
    expect(segs.map((s) => s.text)).toEqual(['two ', 'three']);
    expect(segs[1]).toMatchObject({ start: 8, end: 13, featureIds: ['a'] });
  });

  test('the same passage cited by two features is one segment naming both', () => {
    const segs = segmentText(text, 0, [
      { start: 0, end: 3, featureId: 'a' },
      { start: 0, end: 3, featureId: 'b' },
    ]);
    expect(segs[0].featureIds).toEqual(['a', 'b']);
  });
});
