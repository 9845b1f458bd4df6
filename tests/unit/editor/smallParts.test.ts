import { describe, expect, test } from 'vitest';
import { citationForSelection } from '../../../src/lib/editor/citeSelection.ts';
import { ABSENT, conflictMessage, contentToken } from '../../../src/lib/editor/conflictToken.ts';
import { findPageChrome, removeLines } from '../../../src/lib/editor/pageChrome.ts';
import { nearestPlace, searchPlaces, type Place } from '../../../src/lib/editor/places.ts';
import { documentProblemField, featureProblemField } from '../../../src/lib/editor/problemFields.ts';
import { proposeId } from '../../../src/lib/editor/proposeId.ts';
import { anchorQuote } from '../../../src/lib/atlas/anchor.ts';

describe('proposeId', () => {
  test.each([
    ['Two customs open a fast lane at Yangluo Port', [], undefined, 'two-customs-open-fast-lane-yangluo-port'],
    ['Hunan Government, GACC Sign Cooperation MOU', [], '2024', 'hunan-government-gacc-sign-cooperation-mou-2024'],
    ['Łódź – Chengdu trains', [], undefined, 'lodz-chengdu-trains'],
    ['湖南省政府', [], '2024', '2024'],
    ['', [], undefined, 'document'],
    ['Same title', ['same-title', 'same-title-2'], undefined, 'same-title-3'],
  ])('%s → %s', (title, taken, year, id) => {
    expect(proposeId(title, taken, year)).toBe(id);
  });
  test('long titles are cut at a word, to at most 60 characters', () => {
    const id = proposeId('Customs of many provinces sign a very long agreement about international logistics corridors and everything else');
    expect(id.length).toBeLessThanOrEqual(60);
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('findPageChrome', () => {
  test('a line repeating the title (the headline pasted with the article) is offered, whatever its spacing and case', () => {
    const pasted = 'Two Customs   open a FAST lane\nOn March 15, two customs opened a fast lane.';
    expect(findPageChrome(pasted, 'Two customs open a fast lane')).toEqual([{ line: 0, text: 'Two Customs   open a FAST lane', reason: 'the headline (it is the title)' }]);
    expect(findPageChrome(pasted, 'Another title')).toEqual([]);
    expect(findPageChrome(pasted)).toEqual([]);
  });
  const pasted = [
    'Home > News > Customs',
    'Two customs open a fast lane',
    'Updated: 2024-03-16 10:22',
    '',
    'On March 15, Wuhan Customs and Shanghai Customs signed an agreement.',
    'Photo: a container ship at Yangluo (Xinhua)',
    'Share on WeChat',
    '责编:唐煜斯',
    'Copyright 2024 Example News. All rights reserved.',
    'Scan the QR code to follow us',
  ].join('\n');
  test('offers datelines, credits, captions, share buttons, copyright and QR prompts — not the article', () => {
    const found = findPageChrome(pasted);
    expect(found.map((c) => c.line)).toEqual([0, 2, 5, 6, 7, 8, 9]);
    expect(found.find((c) => c.line === 7)!.reason).toBe('editor or source credit');
  });
  test.each([
    ['(Xinhua) 09:30, March 03, 2026', 'dateline (agency and time)'],
    ['（新华社）2026年3月3日', 'dateline (agency and time)'],
    ['Xinhua, March 3, 2026', 'dateline (agency and time)'],
    ["(People's Daily Online) 16:01, March 03, 2026", 'dateline (agency and time)'],
    ['(Web editor: Zhang Wei, Li Na)', 'editor or source credit'],
    ['（责任编辑：王丽）', 'editor or source credit'],
  ])('offers the news-page line %s as %s', (line, reason) => {
    expect(findPageChrome(`${line}\nThe first train left Pingxiang for Hanoi.`)).toEqual([{ line: 0, text: line, reason }]);
  });
  test('an article sentence that starts with an agency or a bracket is not offered', () => {
    const text = ['Xinhua reported that the first train left on Monday.', '(The train carried 40 containers.)', 'Reuters: the line opened in 2021 after years of work.'].join('\n');
    expect(findPageChrome(text)).toEqual([]);
  });
  test('removeLines removes only the chosen lines, byte for byte', () => {
    expect(removeLines('a\nb\r\nc\n', [1])).toBe('a\nc\n');
    expect(removeLines(pasted, [])).toBe(pasted);
  });
});

describe('citationForSelection', () => {
  const body = 'The two customs will share risk information.\n\nThe two customs   will meet each year. They will share risk information.';
  test('a passage that occurs once: the quote is the selection, no prefix', () => {
    const s = body.indexOf('meet each year');
    expect(citationForSelection(body, s, s + 'meet each year'.length)).toEqual({ ok: true, quote: 'meet each year', start: s, end: s + 14 });
  });
  test('surrounding whitespace is trimmed; inner whitespace runs are written as one space', () => {
    const s = body.indexOf('The two customs   will');
    const r = citationForSelection(body, s - 2, s + 'The two customs   will meet'.length);
    expect(r).toMatchObject({ ok: true, quote: 'The two customs will meet' });
  });
  test('a passage that occurs twice gets the fewest words before it that pick this place', () => {
    const second = body.lastIndexOf('share risk information');
    const r = citationForSelection(body, second, second + 'share risk information'.length);
    expect(r).toMatchObject({ ok: true, quote: 'share risk information', prefix: 'They will' });
    // The prefix really anchors to the selected place, not the first one.
    if (!r.ok) throw new Error('expected ok');
    const a = anchorQuote(body, r.quote, r.prefix);
    expect(a.ok && a.selector.start).toBe(second);
    const first = body.indexOf('share risk information');
    const r1 = citationForSelection(body, first, first + 22);
    expect(r1.ok && anchorQuote(body, r1.quote, r1.prefix).ok && (anchorQuote(body, r1.quote, r1.prefix) as { selector: { start: number } }).selector.start).toBe(first);
  });
  test('an empty selection, or a repeat with no telling context, is refused with a message', () => {
    expect(citationForSelection(body, 3, 3)).toMatchObject({ ok: false });
    expect(citationForSelection('ab ab', 0, 2)).toMatchObject({ ok: false, message: expect.stringMatching(/occur 2 times/) });
  });
});

describe('conflict tokens', () => {
  test('the same text gives the same token; any change gives another', () => {
    expect(contentToken('abc')).toBe(contentToken('abc'));
    expect(contentToken('abc')).not.toBe(contentToken('abd'));
    expect(contentToken('abc')).not.toBe(contentToken('abc\n'));
    expect(contentToken(null)).toBe(ABSENT);
  });
  test('conflictMessage says what happened, and nothing when the file is unchanged', () => {
    expect(conflictMessage('f', contentToken('x'), 'x')).toBeNull();
    expect(conflictMessage('f', ABSENT, null)).toBeNull();
    expect(conflictMessage('f', contentToken('x'), 'y')).toMatch(/changed on disk since you loaded it.*your edit is kept/);
    expect(conflictMessage('f', ABSENT, 'y')).toMatch(/already exists/);
    expect(conflictMessage('f', contentToken('x'), null)).toMatch(/was deleted/);
  });
});

describe('problem fields', () => {
  const fc = '{\n  "type": "FeatureCollection",\n  "features": [\n    {\n      "type": "Feature",\n      "id": "a",\n      "properties": {\n        "name": "",\n        "citations": [\n          { "document": "d", "quote": "q" }\n        ]\n      }\n    }\n  ]\n}\n';
  test('a feature problem points at its property path', () => {
    expect(featureProblemField(fc, { line: 8, column: 17 })).toBe('properties.name');
    expect(featureProblemField(fc, { line: 10, column: 41 })).toBe('properties.citations.0.quote');
    expect(featureProblemField(fc, { line: undefined })).toBeNull();
  });
  test('a document problem points at its front-matter key or the body', () => {
    const doc = '---\nid: a\ntitle: "t"\ndate: "2024-13"\n---\nBody.\n';
    expect(documentProblemField(doc, { line: 4 })).toBe('date');
    expect(documentProblemField(doc, { line: 6 })).toBe('body');
  });
});

describe('places', () => {
  const places: Place[] = [
    { name: 'Wuhan', name_zh: '武汉', region: 'Hubei, China', lon: 114.2681, lat: 30.582, rank: 2 },
    { name: 'Wuhu', name_zh: '芜湖', region: 'Anhui, China', lon: 118.38, lat: 31.34, rank: 6 },
    { name: 'Xinwu', region: 'X', lon: 0, lat: 0, rank: 9 },
  ];
  test('search by English or Chinese name, prefix matches first, prominent first', () => {
    expect(searchPlaces(places, 'wu').map((p) => p.name)).toEqual(['Wuhan', 'Wuhu', 'Xinwu']);
    expect(searchPlaces(places, '芜湖').map((p) => p.name)).toEqual(['Wuhu']);
    expect(searchPlaces(places, '  ')).toEqual([]);
  });
  test('nearest place and its distance', () => {
    const n = nearestPlace(places, 114.538, 30.636)!;
    expect(n.place.name).toBe('Wuhan');
    expect(n.km).toBeGreaterThan(24);
    expect(n.km).toBeLessThan(28);
  });
});

describe('otherCiters', async () => {
  const { otherCiters } = await import('../../../src/lib/editor/sharedPassages.ts');
  const body = 'Alpha beta gamma. Delta epsilon.';
  const sel = (start: number, end: number) => ({ exact: body.slice(start, end), prefix: '', suffix: '', start, end });
  const feature = (id: string, start: number, end: number) => ({
    type: 'Feature' as const,
    id,
    geometry: { type: 'Point' as const, coordinates: [0, 0] },
    properties: { name: id, kind: 'port' as const, mode: 'river' as const, description: '', geometry_basis: 'schematic' as const, references: [], citations: [{ document: 'd', quote: body.slice(start, end), selector: sel(start, end) }] },
  });
  const atlas = {
    documents: [{ id: 'd', title: 'D', date: '2024', date_precision: 'year' as const, publisher: 'p', parties: [], language: 'en', summary: '', body, paragraphs: [] }],
    features: [feature('a', 0, 17), feature('b', 6, 10), feature('c', 18, 32)],
  };
  test('features whose passages overlap, not the feature itself, not the others', () => {
    expect(otherCiters(atlas, 'a', { document: 'd', quote: 'Alpha beta gamma.' }).map((f) => f.id)).toEqual(['b']);
    expect(otherCiters(atlas, null, { document: 'd', quote: 'Delta' }).map((f) => f.id)).toEqual(['c']);
    expect(otherCiters(atlas, 'a', { document: 'zzz', quote: 'Delta' })).toEqual([]);
  });
});

describe('feature drafts → edits', async () => {
  const { existingFeatureDraft, newFeatureDraft, saveEdits, deleteEdits, fileForKind, modeForKind } = await import('../../../src/lib/editor/featureDraft.ts');
  const files = [
    { path: 'data/features/ports.geojson', token: 't-ports', features: [{ type: 'Feature', id: 'p1', properties: { kind: 'port' } }] },
    { path: 'data/features/customs.geojson', token: 't-customs', features: [{ type: 'Feature', id: 'c1', properties: { kind: 'customs', name_zh: '' } }] },
  ];
  test('a new feature goes to the file its kind lives in, against the version loaded when the draft began', () => {
    expect(fileForKind(files, 'customs')).toBe('customs.geojson');
    expect(fileForKind(files, 'zone')).toBe('ports.geojson');
    const d = newFeatureDraft({ document: 'doc', quote: 'q', support: 'explicit' }, files, 'approximate');
    d.feature.id = 'n1';
    files[0].token = 't-ports-later'; // the file changes after the draft began: the save must carry the old token
    expect(saveEdits(d)).toEqual([{ kind: 'put-feature', file: 'ports.geojson', token: 't-ports', feature: expect.objectContaining({ id: 'n1' }) }]);
    // "explicit" is the default: not written; an empty Chinese name is not written.
    const props = (saveEdits(d)[0] as unknown as { feature: { properties: Record<string, unknown> } }).feature.properties;
    expect(props.citations).toEqual([{ document: 'doc', quote: 'q' }]);
    expect('name_zh' in props).toBe(false);
    files[0].token = 't-ports';
  });
  test('a new feature takes the mode most features of its kind have; none for a kind nobody has', () => {
    const withModes = [
      { path: 'a.geojson', token: 'a', features: ['air', 'multimodal', 'multimodal'].map((mode, i) => ({ type: 'Feature', id: `c${i}`, properties: { kind: 'customs', mode } })) },
      { path: 'b.geojson', token: 'b', features: [{ type: 'Feature', id: 'p', properties: { kind: 'port', mode: 'river' } }] },
    ];
    expect(modeForKind(withModes, 'customs')).toBe('multimodal');
    expect(modeForKind(withModes, 'port')).toBe('river');
    expect(modeForKind(withModes, 'zone')).toBeNull();
  });
  test('an existing feature replaces itself; moved to another file it is deleted from the old one', () => {
    const d = existingFeatureDraft(files, 'c1')!;
    expect(saveEdits(d)).toEqual([{ kind: 'put-feature', file: 'customs.geojson', token: 't-customs', feature: expect.anything(), replaces: 'c1' }]);
    d.file = 'ports.geojson';
    expect(saveEdits(d).map((e) => [e.kind, (e as { file?: string }).file])).toEqual([
      ['delete-feature', 'customs.geojson'],
      ['put-feature', 'ports.geojson'],
    ]);
    expect(deleteEdits(d)).toEqual([{ kind: 'delete-feature', file: 'customs.geojson', token: 't-customs', id: 'c1' }]);
    expect(deleteEdits(newFeatureDraft(null, files, 'schematic'))).toEqual([]);
  });
  test('an inferred citation keeps its reasoning', () => {
    const d = newFeatureDraft({ document: 'doc', quote: 'q', support: 'inferred', reasoning: 'Because (source).' }, files, 'approximate');
    d.feature.id = 'n2';
    expect((saveEdits(d)[0] as unknown as { feature: { properties: { citations: unknown[] } } }).feature.properties.citations).toEqual([{ document: 'doc', quote: 'q', support: 'inferred', reasoning: 'Because (source).' }]);
  });
});

describe('changedOnDisk', async () => {
  const { existingFeatureDraft, changedOnDisk } = await import('../../../src/lib/editor/featureDraft.ts');
  const files = () => [{ path: 'data/features/a.geojson', token: 't', features: [{ type: 'Feature', id: 'x', properties: { name: 'X', name_zh: '甲' }, geometry: { type: 'Point', coordinates: [1, 2] } }, { type: 'Feature', id: 'y', properties: { name: 'Y' } }] }];
  test('names the fields of this feature that changed on disk, and nothing for changes elsewhere', () => {
    const d = existingFeatureDraft(files(), 'x')!;
    const later = files();
    (later[0].features[1].properties as Record<string, unknown>).name = 'Y2';
    expect(changedOnDisk(d, later)).toEqual([]);
    (later[0].features[0].properties as Record<string, unknown>).name_zh = '乙';
    (later[0].features[0] as Record<string, unknown>).geometry = { type: 'Point', coordinates: [1, 3] };
    expect(changedOnDisk(d, later)).toEqual(['properties.name_zh', 'geometry']);
  });
});
