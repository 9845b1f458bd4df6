import { describe, expect, test } from 'vitest';
import { playbackSteps } from '../../../src/lib/atlas/playback.ts';
import type { AtlasDocument } from '../../../src/lib/atlas/types.ts';

const doc = (id: string, date: string): AtlasDocument => ({
  id, title: id, date, date_precision: 'day', publisher: 'p', parties: [], language: 'en', summary: '', body: 'x', paragraphs: [],
});

describe('playbackSteps', () => {
  test('one step per agreement, in date order, each range growing from the first agreement to this one', () => {
    const steps = playbackSteps([doc('c', '2024-11-25'), doc('a', '2016'), doc('b', '2019-12-17')]);
    expect(steps.map((s) => s.doc.id)).toEqual(['a', 'b', 'c']);
    expect(steps.map((s) => s.range)).toEqual([
      { from: '2016-01-01', to: '2016-12-31' },
      { from: '2016-01-01', to: '2019-12-17' },
      { from: '2016-01-01', to: '2024-11-25' },
    ]);
  });
  test('agreements of the same day keep a stable order', () => {
    expect(playbackSteps([doc('y', '2020-01-01'), doc('x', '2020-01-01')]).map((s) => s.doc.id)).toEqual(['x', 'y']);
  });
  test('no agreements, no steps', () => expect(playbackSteps([])).toEqual([]));
});
