/**
 * "What the document names" (issue 20, item 2): the places a document's text names, the sentence cited
 * for each, what the coverage table says of them, the draft "Map it" starts and the entry "Not mapped
 * because…" writes. Rules are checked over the shipped documents and gazetteer (whatever they hold) and
 * on small made-up cases.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { anchorQuote } from '../../../src/lib/atlas/anchor.ts';
import { checkCoverage } from '../../../src/lib/atlas/coverage.ts';
import { parseMarkdown } from '../../../src/lib/atlas/frontMatter.ts';
import { putNotMapped, syncCoverage } from '../../../src/lib/editor/coverageSync.ts';
import { comesNear, coverageOf, namedPlaces, sentenceAround, sentenceCitation } from '../../../src/lib/editor/documentPlaces.ts';
import { cleanFeature, saveEdits, type EditorFile } from '../../../src/lib/editor/featureDraft.ts';
import { readFeatures } from '../../../src/lib/editor/featureFileEdit.ts';
import { draftForNamedPlace } from '../../../src/lib/editor/mapNamedPlace.ts';
import { editorGazetteer, publishedPlacesFrom, type GazetteerEntry, type PointFeatureLike } from '../../../src/lib/editor/placeGazetteer.ts';
import { placeIndexFrom } from '../../../src/lib/editor/places.ts';
import { coverageChange } from '../../../src/lib/editor/saveRequest.ts';

const root = resolve(import.meta.dirname, '../../..', process.env.ATLAS_DATA_ROOT ?? '.');
const published = publishedPlacesFrom(parse(readFileSync(join(root, 'data/derive/geometry.yaml'), 'utf8')));
const naturalEarth = placeIndexFrom(JSON.parse(readFileSync(join(root, 'data/basemap/ne_10m_populated_places_corridors.geojson'), 'utf8')));
const files: EditorFile[] = readdirSync(join(root, 'data/features')).map((f) => {
  const text = readFileSync(join(root, 'data/features', f), 'utf8');
  return { path: `data/features/${f}`, token: 't', features: readFeatures(text) };
});
const gazetteer = editorGazetteer(files.flatMap((f) => f.features) as unknown as PointFeatureLike[], published, naturalEarth);
const documents = readdirSync(join(root, 'data/documents')).map((f) => {
  const { data, body } = parseMarkdown(readFileSync(join(root, 'data/documents', f), 'utf8'));
  return { id: String((data as { id: string }).id), body };
});
const coverageText = readFileSync(join(root, 'data/coverage.yaml'), 'utf8');
const coverage = parse(coverageText) as Record<string, { phrase: string; features?: string[]; not_mapped?: string }[]>;
const named = documents.map((d) => ({ doc: d, places: namedPlaces(gazetteer, d.body) }));

const city = (label: string, lon: number, lat: number, extra: Partial<GazetteerEntry> = {}): GazetteerEntry => ({
  label,
  en: [label],
  zh: [],
  source: 'natural-earth',
  lon,
  lat,
  basis: 'approximate',
  reference: { title: 'Natural Earth 10m populated places', note: `At the Natural Earth point for ${label}: city level, within about 10 km` },
  rank: 3,
  ...extra,
});

describe('the places the shipped documents name', () => {
  test('some document names some place of the gazetteer', () => {
    expect(named.some((n) => n.places.length > 0)).toBe(true);
  });

  test('each name is the body\'s own words at its offsets, and is one of the place\'s spellings', () => {
    for (const { doc, places } of named)
      for (const p of places) {
        expect(doc.body.slice(p.start, p.end)).toBe(p.name);
        const folded = p.name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘]/g, "'");
        expect([...p.place.en.map((e) => e.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')), ...p.place.zh], `${doc.id}: ${p.name}`).toContain(folded);
      }
  });

  test('the cited sentence contains the name and anchors in the document exactly there', () => {
    for (const { doc, places } of named)
      for (const p of places) {
        expect(p.citation, `${doc.id}: ${p.name}`).not.toBeNull();
        const r = anchorQuote(doc.body, p.citation!.quote, p.citation!.prefix);
        expect(r.ok, `${doc.id}: ${p.citation!.quote}`).toBe(true);
        if (r.ok) {
          expect(r.selector.start).toBeLessThanOrEqual(p.start);
          expect(r.selector.end).toBeGreaterThanOrEqual(p.end);
        }
      }
  });

  test('in the order the text names them, one per position', () => {
    for (const { places } of named) {
      expect(places.map((p) => p.start)).toEqual([...places.map((p) => p.start)].sort((a, b) => a - b));
      const keys = places.map((p) => `${p.place.lon},${p.place.lat}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  test('an atlas feature named by a document that it cites shows as mapped (the coverage table lists every citing feature)', () => {
    const citing = (id: string, doc: string) => ((files.flatMap((f) => f.features).find((f) => f.id === id)?.properties as { citations?: { document: string }[] })?.citations ?? []).some((c) => c.document === doc);
    for (const { doc, places } of named)
      for (const p of places.filter((x) => x.place.featureId && citing(x.place.featureId, doc.id)))
        expect(coverageOf(coverage[doc.id], p, () => false), `${doc.id}: ${p.name}`).toMatchObject({ status: 'mapped', features: expect.arrayContaining([p.place.featureId]) });
  });

  test('"Map it" on each place gives a draft that cites the sentence and is placed at the suggestion (a new feature) or adds the citation (an atlas feature)', () => {
    for (const { doc, places } of named)
      for (const p of places) {
        const draft = draftForNamedPlace(p, doc.id, files, 'approximate')!;
        const props = cleanFeature(draft.feature).properties as { citations: { document: string; quote: string; prefix?: string }[]; geometry_basis: string; references: { note?: string }[] };
        expect(props.citations).toContainEqual({ document: doc.id, ...p.citation });
        if (p.place.featureId) {
          expect(draft.originalId).toBe(p.place.featureId);
        } else {
          expect(draft.originalId).toBeNull();
          expect(draft.feature.geometry).toEqual({ type: 'Point', coordinates: [p.place.lon, p.place.lat] });
          expect(props.geometry_basis).toBe(p.place.basis);
          // An approximate position carries the note the check asks for.
          if (props.geometry_basis === 'approximate') expect(props.references.some((r) => !!r.note?.trim())).toBe(true);
        }
        // Saving it lists the feature in the coverage table under the cited sentence: the place then reads as mapped.
        const id = draft.feature.id || 'new-feature-from-test';
        const edits = saveEdits({ ...draft, feature: { ...draft.feature, id } });
        const synced = syncCoverage(coverageText, coverageChange(edits));
        expect(synced.ok).toBe(true);
        const at = (fid: string) => (fid === id ? (draft.feature.geometry as { type: string; coordinates: unknown }) : (files.flatMap((f) => f.features).find((f) => f.id === fid)?.geometry as never));
        if (synced.ok) expect(coverageOf(parse(synced.text!)[doc.id], p, (fid) => comesNear(at(fid), p.place.lon, p.place.lat)), `${doc.id}: ${p.name}`).toMatchObject({ status: 'mapped', features: expect.arrayContaining([id]) });
      }
  });

  test('"Not mapped because…" on each open place writes an entry the coverage test accepts, and the place then reads as not mapped', () => {
    const cites = files.flatMap((f) => f.features).map((f) => ({ id: f.id, cites: ((f.properties as { citations?: { document: string }[] }).citations ?? []).map((c) => c.document) }));
    for (const { doc, places } of named)
      for (const p of places.filter((x) => coverageOf(coverage[doc.id], x).status === 'open')) {
        const text = putNotMapped(coverageText, doc.id, p.name, 'Named in passing.');
        const table = parse(text);
        expect(checkCoverage(table, documents, cites)).toEqual(checkCoverage(coverage, documents, cites));
        expect(coverageOf(table[doc.id], p)).toEqual({ status: 'not-mapped', why: 'Named in passing.' });
        // Every other byte of the file stays: the new entry is the only addition.
        expect(text.length).toBeGreaterThan(coverageText.length);
        expect(parse(text)).toEqual({ ...coverage, [doc.id]: [...coverage[doc.id], { phrase: p.name, not_mapped: 'Named in passing.' }] });
      }
  });
});

describe('finding named places (made-up texts)', () => {
  const g = [city('Pingxiang', 106.75, 22.1, { zh: ['凭祥'], name_zh: '凭祥' }), city('Łódź', 19.46, 51.76), city('Nanning', 108.3, 22.8)];

  test('English as whole words with accents as written, Chinese anywhere; the name is the body\'s spelling', () => {
    const body = 'Trains left Łódź on Monday. They reach the border at 凭祥口岸 and then Nanning.';
    const found = namedPlaces(g, body);
    expect(found.map((f) => f.name)).toEqual(['Łódź', '凭祥', 'Nanning']);
    expect(namedPlaces(g, 'Lodz and Pingxiangs')).toEqual(namedPlaces(g, 'Lodz')); // folded spelling found; no match inside a word
  });

  test('the sentence ends at a full stop (Western or Chinese) and never crosses a paragraph', () => {
    const body = 'First paragraph ends here.\n\nA freight train left Nanning. 它经过凭祥。Then more.';
    const n = namedPlaces(g, body);
    expect(n.find((x) => x.name === 'Nanning')!.citation).toEqual({ quote: 'A freight train left Nanning.' });
    expect(n.find((x) => x.name === '凭祥')!.citation).toEqual({ quote: '它经过凭祥。' });
    expect(sentenceAround('No stop at all Nanning', 15, 22)).toEqual({ start: 0, end: 22 });
  });

  test('a sentence that repeats gets the prefix that picks out this one', () => {
    const body = 'Trains run to Nanning.\n\nAgain: Trains run to Nanning.';
    const [first] = namedPlaces(g, body);
    // The first mention has no words before it: the quote grows past the sentence until it is unique.
    expect(first.citation).toEqual({ quote: 'Trains run to Nanning. Again:' });
    const r = anchorQuote(body, first.citation!.quote, first.citation!.prefix);
    expect(r.ok && r.selector.start).toBe(0);
    // The second sentence is unique as it is ("Again:" does not end a sentence).
    expect(sentenceCitation(body, body.lastIndexOf('Nanning'), body.length - 1)).toEqual({ quote: 'Again: Trains run to Nanning.' });
    // Sentences that repeat after other words get the prefix that picks out this one.
    const b2 = 'One. Trains run to Nanning. Two. Trains run to Nanning.';
    expect(sentenceCitation(b2, b2.lastIndexOf('Nanning'), b2.length - 1)).toEqual({ quote: 'Trains run to Nanning.', prefix: 'Two.' });
  });

  test('coverage: a phrase that contains the name decides; features before reasons; else open', () => {
    expect(coverageOf(undefined, { name: 'Nanning' })).toEqual({ status: 'open' });
    expect(coverageOf([{ phrase: 'trains  from Nanning', features: ['a'] }, { phrase: 'Nanning', not_mapped: 'x' }], { name: 'Nanning' })).toEqual({ status: 'mapped', features: ['a'] });
    expect(coverageOf([{ phrase: 'Nanning', not_mapped: 'x' }], { name: 'Nanning' })).toEqual({ status: 'not-mapped', why: 'x' });
    expect(coverageOf([{ phrase: 'Pingxiang', not_mapped: 'x' }], { name: 'Nanning' })).toEqual({ status: 'open' });
    // A sentence naming two cities, cited by a feature at one of them: mapped for that one only.
    const sentence = [{ phrase: 'Trains from Nanning to Pingxiang', features: ['nanning-port'] }];
    const nanningPort = { type: 'Point', coordinates: [108.31, 22.81] };
    const shows = (lon: number, lat: number) => (id: string) => id === 'nanning-port' && comesNear(nanningPort, lon, lat);
    expect(coverageOf(sentence, { name: 'Nanning' }, shows(108.3, 22.8))).toEqual({ status: 'mapped', features: ['nanning-port'] });
    expect(coverageOf(sentence, { name: 'Pingxiang' }, shows(106.75, 22.1))).toEqual({ status: 'open' });
    expect(comesNear({ type: 'LineString', coordinates: [[100, 20], [106.75, 22.1]] }, 106.76, 22.1)).toBe(true);
    expect(comesNear(null, 106.76, 22.1)).toBe(false);
    // An atlas feature listed under other words of the document is on the map too.
    expect(coverageOf([{ phrase: 'the customs of the city', features: ['nanning-customs'] }], { name: 'Nanning Customs', place: { featureId: 'nanning-customs' } })).toEqual({ status: 'mapped', features: ['nanning-customs'] });
  });
});

describe('putNotMapped', () => {
  test('adds an entry to an existing section, makes a missing one, and updates the reason of an entry with no feature', () => {
    const text = 'doc-a:\n  - phrase: "Alpha"\n    features: [alpha]\n';
    expect(parse(putNotMapped(text, 'doc-a', 'Beta', 'why'))).toEqual({ 'doc-a': [{ phrase: 'Alpha', features: ['alpha'] }, { phrase: 'Beta', not_mapped: 'why' }] });
    expect(parse(putNotMapped(text, 'doc-b', 'Beta', 'why'))).toEqual({ 'doc-a': [{ phrase: 'Alpha', features: ['alpha'] }], 'doc-b': [{ phrase: 'Beta', not_mapped: 'why' }] });
    const twice = putNotMapped(putNotMapped(text, 'doc-a', 'Beta', 'first'), 'doc-a', 'Beta', 'second');
    expect(parse(twice)['doc-a']).toEqual([{ phrase: 'Alpha', features: ['alpha'] }, { phrase: 'Beta', not_mapped: 'second' }]);
    expect(putNotMapped(null, 'doc-a', 'Beta', 'why')).toMatch(/^doc-a:\n {2}- phrase: "Beta"\n {4}not_mapped: "why"\n$/);
  });

  test('refuses a phrase already on the map, a section that is not a list, and unreadable YAML', () => {
    const text = 'doc-a:\n  - phrase: "Alpha"\n    features: [alpha]\n';
    expect(() => putNotMapped(text, 'doc-a', 'Alpha', 'why')).toThrow(/already listed .* with the features/);
    expect(() => putNotMapped('doc-a: 3\n', 'doc-a', 'Beta', 'why')).toThrow(/not a list/);
    expect(() => putNotMapped('doc-a: [\n', 'doc-a', 'Beta', 'why')).toThrow(/not readable YAML/);
  });
});
