/**
 * Issue 21, item 1: the data of what is shown. The downloads are checked
 * against their formats (GeoJSON against RFC 7946 with check-geojson; Web
 * Annotations against the model's required fields; CSV parsed back) for the
 * project's data, and against the filters' rules on a small hand-built atlas.
 */
import path from 'node:path';
import { getIssues } from '@placemarkio/check-geojson';
import { describe, expect, test } from 'vitest';
import { compileAtlas } from '../../../src/lib/atlas/compile.ts';
import { NO_FILTERS, visibleFeatures, type Filters } from '../../../src/lib/atlas/filters.ts';
import { splitParagraphs } from '../../../src/lib/atlas/paragraphs.ts';
import type { Atlas, AtlasFeature } from '../../../src/lib/atlas/types.ts';
import { CSV_COLUMNS, neutraliseFormula, shownCsv } from '../../../src/lib/export/data/csv.ts';
import { dataFile, DATA_DOWNLOADS } from '../../../src/lib/export/data/downloads.ts';
import { shownGeoJSON } from '../../../src/lib/export/data/geojson.ts';
import { shownData } from '../../../src/lib/export/data/shownData.ts';
import { ANNOTATION_CONTEXT, shownAnnotations, type AnnotationCollection } from '../../../src/lib/export/data/webAnnotation.ts';
import { readDataFiles } from '../../../scripts/data-files.ts';

const PAGE = 'https://atlas.example/corridors/?embed=1#map=5/30/110';
const root = path.resolve(import.meta.dirname, '../../..');
const real = compileAtlas(readDataFiles(path.resolve(process.env.ATLAS_DATA_ROOT ?? root))).atlas!;

/** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

const body = 'First, the "Rail, Sea" line\nruns from A to B.\n\nSecond, the river port at C.';
const feature = (id: string, props: Partial<AtlasFeature['properties']>, geometry: AtlasFeature['geometry']): AtlasFeature => ({
  type: 'Feature',
  id,
  geometry,
  properties: { name: id, kind: 'port', mode: 'river', description: '', geometry_basis: 'approximate', citations: [], references: [], ...props },
});
const cite = (document: string, quote: string, text = body) => {
  const start = text.indexOf(quote);
  return { document, quote, selector: { exact: quote, prefix: text.slice(Math.max(0, start - 8), start), suffix: text.slice(start + quote.length, start + quote.length + 8), start, end: start + quote.length } };
};
const small: Atlas = {
  documents: [
    { id: 'old', title: 'Old, "quoted" MOU', date: '2016', date_precision: 'year', publisher: 'Customs', parties: [], url: 'https://customs.example/old', language: 'en', summary: '', body, paragraphs: splitParagraphs(body) },
    { id: 'new', title: 'New MOU', date: '2024-05-02', date_precision: 'day', publisher: 'Port', parties: [], language: 'en', summary: '', body, paragraphs: splitParagraphs(body) },
  ],
  features: [
    feature(
      'route',
      { name: 'Rail, Sea route', kind: 'land-sea-corridor', mode: 'multimodal', legs: ['rail', 'sea'], length_km: 300, leg_lengths_km: [100, 200], citations: [cite('old', 'the "Rail, Sea" line\nruns from A to B'), cite('new', 'the "Rail, Sea" line')] },
      { type: 'MultiLineString', coordinates: [[[110, 30], [111, 30]], [[111, 30], [113, 30]]] },
    ),
    feature('port', { name: 'C river port', name_zh: '丙港', citations: [cite('new', 'the river port at C')] }, { type: 'Point', coordinates: [112, 29] }),
  ],
};

describe('what is shown', () => {
  test('every filter applies: kinds, documents and dates choose the features, and only the citations they keep', () => {
    expect(shownData(small, NO_FILTERS).map((s) => [s.feature.id, s.citations.length])).toEqual([['route', 2], ['port', 1]]);
    const onlyOld: Filters = { ...NO_FILTERS, documents: new Set(['old']) };
    expect(shownData(small, onlyOld).map((s) => [s.feature.id, s.citations.map((c) => c.document.id)])).toEqual([['route', ['old']]]);
    const recent: Filters = { ...NO_FILTERS, range: { from: '2020-01-01', to: '9999-12-31' } };
    expect(shownData(small, recent).map((s) => [s.feature.id, s.citations.map((c) => c.document.id)])).toEqual([['route', ['new']], ['port', ['new']]]);
    expect(shownData(small, { ...NO_FILTERS, kinds: new Set(['port']) }).map((s) => s.feature.id)).toEqual(['port']);
  });
  test('a route with a mode switched off keeps only the legs shown, and measures only them', () => {
    const [route] = shownData(small, { ...NO_FILTERS, modes: new Set(['sea']) });
    expect(route.feature.geometry).toEqual({ type: 'MultiLineString', coordinates: [[[111, 30], [113, 30]]] });
    expect(route.feature.properties).toMatchObject({ legs: ['sea'], leg_lengths_km: [200], length_km: 200 });
  });
});

describe('CSV', () => {
  test('parses back to one row per citation, quotes and line breaks intact', () => {
    const shown = shownData(small, NO_FILTERS);
    const text = shownCsv(shown, PAGE);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...CSV_COLUMNS]);
    const at = (row: string[], col: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(col)];
    const expected = shown.flatMap((s) => s.citations.map((c) => [s.feature.id, c.citation.quote, c.document.title]));
    expect(rows.map((r) => [at(r, 'feature_id'), at(r, 'quote'), at(r, 'document_title')])).toEqual(expected);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    expect(at(rows[2], 'feature_name_zh')).toBe('丙港');
  });
  test('the project\'s data: every citation of every feature is a row', () => {
    const shown = shownData(real, NO_FILTERS);
    const rows = parseCsv(shownCsv(shown, PAGE).slice(1)).slice(1);
    expect(rows.length).toBe(real.features.reduce((n, f) => n + f.properties.citations.length, 0));
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });
});

describe('CSV formula injection (OWASP)', () => {
  const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'];
  const hostileBody = '=HYPERLINK("https://evil.example","click") is quoted.\n\n@SUM(1+1) and more.';
  const hostile: Atlas = {
    documents: [{ id: 'doc', title: '+cmd|\' /C calc\'!A0', date: '2020', date_precision: 'year', publisher: '-2+3', parties: [], url: 'https://customs.example/doc', language: 'en', summary: '', body: hostileBody, paragraphs: splitParagraphs(hostileBody) }],
    features: [
      feature('a', { name: '=1+1', name_zh: '@中文', citations: [{ ...cite('doc', '=HYPERLINK("https://evil.example","click")', hostileBody), support: 'inferred', reasoning: '\tTab first' }] }, { type: 'Point', coordinates: [112, 29] }),
      feature('b', { name: '\rCarriage return', citations: [cite('doc', '@SUM(1+1)', hostileBody)] }, { type: 'Point', coordinates: [113, 29] }),
      feature('c', { name: 'Plain, with = inside', citations: [cite('doc', 'and more', hostileBody)] }, { type: 'Point', coordinates: [114, 29] }),
    ],
  };
  const cellsOf = (text: string) => parseCsv(text.slice(1)).slice(1);
  /** The cells the builder was given, in column order, to compare the parsed file with. */
  const sourceCells = (atlas: Atlas) =>
    shownData(atlas, NO_FILTERS).flatMap(({ feature: f, citations }) =>
      citations.map(({ citation, document }) => {
        const byColumn: Partial<Record<(typeof CSV_COLUMNS)[number], string>> = {
          feature_id: f.id, feature_name: f.properties.name, feature_name_zh: f.properties.name_zh ?? '', quote: citation.quote,
          reasoning: citation.reasoning ?? '', document_title: document.title, document_publisher: document.publisher, document_date: document.date,
        };
        return byColumn;
      }),
    );

  test('no cell of the file starts with a formula character; each such text gains one leading quote and is otherwise intact', () => {
    const rows = cellsOf(shownCsv(shownData(hostile, NO_FILTERS), PAGE));
    const given = sourceCells(hostile);
    expect(rows.length).toBe(given.length);
    let neutralised = 0;
    rows.forEach((row, i) => {
      for (const cellText of row) expect(FORMULA_STARTS).not.toContain(cellText[0]);
      for (const [column, original] of Object.entries(given[i])) {
        const parsed = row[CSV_COLUMNS.indexOf(column as (typeof CSV_COLUMNS)[number])];
        if (FORMULA_STARTS.includes(original![0])) (neutralised += 1), expect(parsed).toBe(`'${original}`);
        else expect(parsed).toBe(original);
      }
    });
    // Every formula start in the fixture was met: name, name_zh, quote, reasoning, title, publisher (two rows share the document).
    expect(neutralised).toBeGreaterThanOrEqual(FORMULA_STARTS.length);
  });
  test('each formula start is caught on its own, and ordinary text is left alone', () => {
    for (const start of FORMULA_STARTS) expect(neutraliseFormula(`${start}x`)).toBe(`'${start}x`);
    for (const text of ['', 'Łódź', 'a=b', '1-2', ' =x', "'quoted"]) expect(neutraliseFormula(text)).toBe(text);
  });
  test('the project\'s data: no cell starts with a formula character, and every cell reads back as its text', () => {
    const rows = cellsOf(shownCsv(shownData(real, NO_FILTERS), PAGE));
    const given = sourceCells(real);
    rows.forEach((row, i) => {
      for (const cellText of row) expect(FORMULA_STARTS).not.toContain(cellText[0]);
      for (const [column, original] of Object.entries(given[i]))
        expect(row[CSV_COLUMNS.indexOf(column as (typeof CSV_COLUMNS)[number])]).toBe(neutraliseFormula(original!));
    });
  });
});

describe('GeoJSON', () => {
  test('the project\'s data, whole and filtered, is valid RFC 7946', () => {
    const firstDocument = real.documents[0].id;
    for (const filters of [NO_FILTERS, { ...NO_FILTERS, documents: new Set([firstDocument]) }, { ...NO_FILTERS, modes: new Set(['sea' as const]) }]) {
      const text = dataFile('geojson', real, filters, PAGE, PAGE, '').text;
      expect(getIssues(text)).toEqual([]);
      const parsed = JSON.parse(text);
      expect(parsed.features.map((f: { id: string }) => f.id)).toEqual(visibleFeatures(real, filters).map((f) => f.id));
    }
  });
  test('each feature carries names, kind, mode, certainty, lengths, a link and its citations with their documents', () => {
    const [route, port] = shownGeoJSON(shownData(small, NO_FILTERS), PAGE).features;
    expect(route.properties).toMatchObject({ name: 'Rail, Sea route', kind: 'land-sea-corridor', mode: 'multimodal', certainty: 'approximate', drawn_length_km: 300, drawn_leg_lengths_km: [100, 200] });
    expect(route.properties!.citations[0]).toEqual({
      quote: small.features[0].properties.citations[0].quote,
      support: 'explicit',
      document: { id: 'old', title: 'Old, "quoted" MOU', date: '2016', publisher: 'Customs', url: 'https://customs.example/old' },
    });
    expect(port.properties).toMatchObject({ name_zh: '丙港', link: 'https://atlas.example/corridors/#feature=port' });
  });
});

describe('Web Annotations', () => {
  /** The model's MUSTs (https://www.w3.org/TR/annotation-model/): context, IRIs, types, body and target, a selector that can find the text. */
  function expectValidCollection(c: AnnotationCollection) {
    expect(c['@context']).toBe(ANNOTATION_CONTEXT);
    expect(c.type).toBe('AnnotationCollection');
    expect(() => new URL(c.id)).not.toThrow();
    expect(c.first.type).toBe('AnnotationPage');
    expect(() => new URL(c.first.id)).not.toThrow();
    expect(c.total).toBe(c.first.items.length);
    const ids = c.first.items.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of c.first.items) {
      expect(a.type).toBe('Annotation');
      expect(() => new URL(a.id)).not.toThrow();
      expect(a.body.length).toBeGreaterThan(0);
      for (const b of a.body) expect(() => new URL(b.id)).not.toThrow();
      expect(() => new URL(a.target.source)).not.toThrow();
      expect(a.target.selector.type).toBe('TextQuoteSelector');
      expect(a.target.selector.exact.length).toBeGreaterThan(0);
    }
  }
  test('the project\'s data: one valid annotation per citation, each selector finding its passage in the document', () => {
    const c = JSON.parse(dataFile('web-annotation', real, NO_FILTERS, PAGE, PAGE, 'label').text) as AnnotationCollection;
    expectValidCollection(c);
    expect(c.total).toBe(real.features.reduce((n, f) => n + f.properties.citations.length, 0));
    const bodies = new Map(real.documents.map((d) => [d.id, d.body]));
    for (const a of c.first.items) {
      const docId = real.features.flatMap((f) => f.properties.citations).find((x) => a.id.endsWith(`:${encodeURIComponent(x.document)}:${x.selector.start}`))!.document;
      const { prefix = '', exact, suffix = '' } = a.target.selector;
      expect(bodies.get(docId)).toContain(prefix + exact + suffix);
    }
  });
  test('target is the document (its published address, else its page in the atlas); body is the feature', () => {
    const c = shownAnnotations(shownData(small, NO_FILTERS), PAGE, PAGE, 'label');
    expectValidCollection(c);
    expect(c.first.items.map((a) => [a.target.source, a.body[0].id])).toEqual([
      ['https://customs.example/old', 'https://atlas.example/corridors/#feature=route'],
      ['https://atlas.example/corridors/#doc=new', 'https://atlas.example/corridors/#feature=route'],
      ['https://atlas.example/corridors/#doc=new', 'https://atlas.example/corridors/#feature=port'],
    ]);
    expect(c.first.items[0].target.selector).toMatchObject({ exact: small.features[0].properties.citations[0].quote, prefix: 'First, ' });
  });
  test('every download kind has a builder', () => {
    for (const kind of DATA_DOWNLOADS) expect(dataFile(kind, small, NO_FILTERS, PAGE, PAGE, '').text.length).toBeGreaterThan(0);
  });
});
