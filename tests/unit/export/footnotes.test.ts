import { expect, test } from 'vitest';
import type { AtlasDocument, AtlasFeature } from '../../../src/lib/atlas/types.ts';
import { buildFootnotes, formatKeys, keyedLabel } from '../../../src/lib/export/footnotes.ts';

const doc = (id: string): AtlasDocument => ({ id, title: id.toUpperCase(), date: '2022-05-12', date_precision: 'day', publisher: 'P', parties: [], language: 'en', summary: '', body: '', paragraphs: [] });
const cite = (document: string, start: number, end: number, exact = `q${start}`) => ({ document, quote: exact, selector: { exact, prefix: '', suffix: '', start, end } });
const feature = (id: string, citations: ReturnType<typeof cite>[]): AtlasFeature => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [0, 0] },
  properties: { name: id, kind: 'port', mode: 'river', description: '', geometry_basis: 'surveyed', citations, references: [] },
});
const docs = new Map([doc('a'), doc('b')].map((d) => [d.id, d]));

test('one note per distinct passage, grouped by document in text order, shared passages keyed to every feature', () => {
  const f1 = feature('f1', [cite('a', 10, 20), cite('b', 0, 5)]);
  const f2 = feature('f2', [cite('a', 10, 20)]);
  const f3 = feature('f3', [cite('a', 30, 40)]);
  const { notes, keys } = buildFootnotes([f1, f2, f3], docs);
  expect(notes.map((n) => [n.n, n.document.id, n.quote, n.featureIds])).toEqual([
    [1, 'a', 'q10', ['f1', 'f2']],
    [2, 'a', 'q30', ['f3']],
    [3, 'b', 'q0', ['f1']],
  ]);
  expect(Object.fromEntries(keys)).toEqual({ f1: [1, 3], f2: [1], f3: [2] });
});

test('passages of one document are numbered in text order, whatever order features cite them', () => {
  const { notes } = buildFootnotes([feature('late', [cite('a', 50, 60)]), feature('early', [cite('a', 5, 9)])], docs);
  expect(notes.map((n) => n.quote)).toEqual(['q5', 'q50']);
});

test('no features, no notes', () => {
  expect(buildFootnotes([], docs).notes).toEqual([]);
});

test('does not mutate the features', () => {
  const fs = [feature('f1', [cite('a', 1, 2)])];
  const copy = structuredClone(fs);
  buildFootnotes(fs, docs);
  expect(fs).toEqual(copy);
});

test.each([
  [[1], '1'],
  [[1, 2], '1, 2'],
  [[1, 2, 3], '1–3'],
  [[1, 2, 3, 5, 7, 8, 9, 10], '1–3, 5, 7–10'],
  [[], ''],
])('formatKeys(%j) = %s', (ns, s) => expect(formatKeys(ns)).toBe(s));

test('keyedLabel', () => {
  expect(keyedLabel('Yangluo Port', [4, 5])).toBe('Yangluo Port [4, 5]');
  expect(keyedLabel('Yangluo Port', [])).toBe('Yangluo Port');
  expect(keyedLabel('Yangluo Port', undefined)).toBe('Yangluo Port');
});

test('an inferred citation carries its reasoning into the note, and the figure says it is our inference', async () => {
  const { figureContent } = await import('../../../src/lib/export/figure.ts');
  const inferred = { ...cite('a', 10, 20), support: 'inferred' as const, reasoning: 'The text does not name F2; a source says so.' };
  const f1 = feature('f1', [cite('a', 10, 20)]);
  const f2 = feature('f2', [inferred]);
  expect(buildFootnotes([f1, f2], docs).notes[0].inferences).toEqual([{ featureId: 'f2', reasoning: inferred.reasoning }]);
  const content = figureContent({
    drawn: [f1, f2],
    cited: [f1, f2],
    documentsById: docs,
    names: { modes: {} as never, kinds: { port: 'Port' } as never, schematic: 'Schematic', surveyed: 'Surveyed', approximate: 'Approximate position' },
    nameOf: (f) => f.id.toUpperCase(),
    words: { legend: 'Legend', sources: 'Sources', inference: 'Our inference', attribution: 'A', notesLeftOut: () => '' },
    title: 'T',
    caption: '',
    permalink: '',
    lang: 'en',
  });
  expect(content.input.notes[0].text).toBe('“q10” → F1, F2. Our inference (F2): The text does not name F2; a source says so.');
});

test('the figure legend states the certainty of what it shows, one row per basis', async () => {
  const { legendItems } = await import('../../../src/lib/export/legend.ts');
  const names = { modes: {} as never, kinds: { port: 'Port' } as never, schematic: 'Schematic', surveyed: 'Surveyed', approximate: 'Approximate position' };
  const approximate = { ...feature('f1', []), properties: { ...feature('f1', []).properties, geometry_basis: 'approximate' as const } };
  const rows = (fs: AtlasFeature[]) => legendItems(fs, names).filter((i) => ['surveyed', 'approximate', 'schematic'].includes(i.kind)).map((i) => i.label);
  expect(rows([approximate])).toEqual(['Approximate position']);
  expect(rows([feature('f2', []), approximate])).toEqual(['Surveyed', 'Approximate position']);
  expect(rows([])).toEqual([]);
});
