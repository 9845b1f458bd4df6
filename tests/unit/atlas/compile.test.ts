import { describe, expect, test } from 'vitest';
import { checkDate, compileAtlas, type SourceFile } from '../../../src/lib/atlas/compile.ts';
import { formatProblem } from '../../../src/lib/atlas/problems.ts';

const DOC = `---
id: sample-doc
title: "Sample agreement"
date: "2022-05-12"
publisher: "Sample publisher"
parties: ["A Customs", "B Customs"]
summary: "A sample."
---

The three ports will take joint actions.

Hunan's cargos can go global through the direct routes. The three ports will share routes.
`;

const doc = (text = DOC, path = 'data/documents/sample-doc.md'): SourceFile => ({ path, text });

function feature(overrides: Record<string, unknown> = {}, props: Record<string, unknown> = {}) {
  return {
    type: 'Feature',
    id: 'sample-port',
    properties: {
      name: 'Sample Port',
      kind: 'port',
      mode: 'river',
      description: 'A port.',
      geometry_basis: 'approximate',
      citations: [{ document: 'sample-doc', quote: 'Hunan\'s cargos can go global' }],
      references: [{ title: 'Sample gazetteer', note: 'Placed at city level.' }],
      ...props,
    },
    geometry: { type: 'Point', coordinates: [114.55, 30.63] },
    ...overrides,
  };
}

const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features }, null, 2);
const features = (text: string, path = 'data/features/sample.geojson'): SourceFile => ({ path, text });

function messages(input: { documents?: SourceFile[]; features?: SourceFile[] }) {
  const r = compileAtlas({ documents: input.documents ?? [doc()], features: input.features ?? [] });
  return { ...r, text: r.problems.map(formatProblem).join('\n') };
}

describe('compileAtlas: valid data', () => {
  test('anchors citations and measures lines', () => {
    const line = feature({ id: 'sample-route', geometry: { type: 'LineString', coordinates: [[114, 30], [115, 30]] } }, { kind: 'river-route' });
    const r = messages({ features: [features(fc(feature(), line))] });
    expect(r.problems).toEqual([]);
    const port = r.atlas!.features[0];
    const c = port.properties.citations[0];
    const body = r.atlas!.documents[0].body;
    expect(body.slice(c.selector.start, c.selector.end)).toBe("Hunan's cargos can go global");
    expect(r.atlas!.features[1].properties.length_km).toBe(96);
  });

  test('multi-leg routes get a length per leg', () => {
    const route = feature(
      { id: 'river-sea', geometry: { type: 'MultiLineString', coordinates: [[[114, 30], [115, 30]], [[115, 30], [115, 31]]] } },
      { kind: 'river-sea-route', mode: 'multimodal', legs: ['river', 'sea'] },
    );
    const r = messages({ features: [features(fc(route))] });
    expect(r.atlas!.features[0].properties.leg_lengths_km).toEqual([96, 111]);
    expect(r.atlas!.features[0].properties.length_km).toBe(207);
  });

  test('carries certainty: support and reasoning, reference coordinates, published length, description_zh', () => {
    const port = feature({}, {
      geometry_basis: 'approximate',
      description_zh: '一个港口。',
      references: [{ title: 'Wikipedia: Sample Port', url: 'https://en.wikipedia.org/wiki/Sample', note: 'At the infobox position.', coordinate: [114.55, 30.63] }],
      citations: [
        { document: 'sample-doc', quote: "Hunan's cargos can go global", support: 'inferred', reasoning: 'The text does not name the port; the sample guide places the routes there.' },
        { document: 'sample-doc', quote: 'The three ports will take joint actions' },
      ],
    });
    const route = feature(
      { id: 'sample-route', geometry: { type: 'LineString', coordinates: [[114, 30], [115, 30]] } },
      { kind: 'river-route', geometry_basis: 'schematic', published_length: { km: 100, title: 'Sample guide', url: 'https://example.org/guide' } },
    );
    const r = messages({ features: [features(fc(port, route))] });
    expect(r.problems).toEqual([]);
    const [p, l] = r.atlas!.features.map((f) => f.properties);
    expect(p.geometry_basis).toBe('approximate');
    expect(p.description_zh).toBe('一个港口。');
    expect(p.references[0].coordinate).toEqual([114.55, 30.63]);
    expect(p.citations.map((c) => [c.support, c.reasoning])).toEqual([
      ['inferred', 'The text does not name the port; the sample guide places the routes there.'],
      ['explicit', undefined],
    ]);
    expect(l.published_length).toEqual({ km: 100, title: 'Sample guide', url: 'https://example.org/guide' });
    expect(l.length_km).toBe(96);
    expect(l.area_km2).toBeUndefined();
  });

  test('a published length of part of a line carries the drawn length of that part; a derived one says so', () => {
    const route = feature(
      { id: 'sample-route', geometry: { type: 'LineString', coordinates: [[114, 30], [115, 30], [116, 30], [117, 30]] } },
      { kind: 'river-route', geometry_basis: 'schematic', published_length: { km: 100, title: 'Sample guide: B to C', derived: true, from: [115, 30], to: [116, 30] } },
    );
    const r = messages({ features: [features(fc(route))] });
    expect(r.problems).toEqual([]);
    const l = r.atlas!.features[0].properties;
    expect(l.length_km).toBe(289);
    expect(l.published_length).toEqual({ km: 100, title: 'Sample guide: B to C', derived: true, from: [115, 30], to: [116, 30], part_km: 96 });
  });

  test('a zone gets its drawn area (turf, km²) and its published area, and no length', () => {
    // One degree square at the equator: about 12,364 km² on the WGS84 sphere turf uses.
    const zone = feature(
      { id: 'sample-zone', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } },
      { kind: 'zone', mode: 'administrative', geometry_basis: 'schematic', published_area: { km2: 12000, title: 'Sample atlas', url: 'https://example.org/atlas' } },
    );
    const r = messages({ features: [features(fc(zone))] });
    expect(r.problems).toEqual([]);
    const z = r.atlas!.features[0].properties;
    expect(z.area_km2).toBeGreaterThan(12_300);
    expect(z.area_km2).toBeLessThan(12_400);
    expect(z.length_km).toBeUndefined();
    expect(z.published_area).toEqual({ km2: 12000, title: 'Sample atlas', url: 'https://example.org/atlas' });
  });

  test('a zone of several areas may give each area\'s published figure, one per polygon', () => {
    const square = (x: number) => [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]];
    const zone = feature(
      { id: 'sample-zone', geometry: { type: 'MultiPolygon', coordinates: [square(0), square(2)] } },
      { kind: 'zone', mode: 'administrative', geometry_basis: 'schematic', published_area: { km2: 24000, title: 'Sample atlas', parts_km2: [11999.5, 12000.5] } },
    );
    const r = messages({ features: [features(fc(zone))] });
    expect(r.problems).toEqual([]);
    expect(r.atlas!.features[0].properties.published_area).toEqual({ km2: 24000, title: 'Sample atlas', parts_km2: [11999.5, 12000.5] });
  });

  test('parties are optional; when given they must be a list of names', () => {
    const input = (d: string) => ({ documents: [doc(d)], features: [features(fc(feature()))] });
    const without = compileAtlas(input(DOC.replace('parties: ["A Customs", "B Customs"]\n', '')));
    expect(without.problems).toEqual([]);
    expect(without.atlas!.documents[0].parties).toEqual([]);
    const bad = compileAtlas(input(DOC.replace('parties: ["A Customs", "B Customs"]', 'parties: "A Customs"')));
    expect(bad.problems.map((p) => p.message)).toContain('`parties` must be a list of names');
  });

  test('a document cited by nothing is a warning, not an error', () => {
    const r = messages({ features: [] });
    expect(r.atlas).not.toBeNull();
    expect(r.problems).toMatchObject([{ severity: 'warning', id: 'sample-doc' }]);
  });
});

describe('compileAtlas: every problem is reported with where and how to fix it', () => {
  test.each([
    ['unreadable JSON', [features('{"type": "FeatureCollection", "features": [\n  {"id": }\n]}')], /sample\.geojson:2:\d+: not readable JSON/],
    ['not a FeatureCollection', [features('{"type": "Feature"}')], /not a GeoJSON FeatureCollection/],
    ['feature without a string id', [features(fc(feature({ id: 7 })))], /has no string "id"/],
    ['unknown kind', [features(fc(feature({}, { kind: 'harbour' })))], /unknown kind "harbour"/],
    ['unknown mode', [features(fc(feature({}, { mode: 'canal' })))], /unknown mode "canal"/],
    ['coordinate out of range', [features(fc(feature({ geometry: { type: 'Point', coordinates: [200, 10] } })))], /out of range/],
    ['too many decimals', [features(fc(feature({ geometry: { type: 'Point', coordinates: [114.123456, 30.1] } })))], /more than 5 decimals/],
    ['swapped lat/lon', [features(fc(feature({ geometry: { type: 'Point', coordinates: [30.63, 114.55] } })))], /looks like \[lat, lon\] swapped/],
    ['line with one distinct position', [features(fc(feature({ geometry: { type: 'LineString', coordinates: [[114, 30], [114, 30]] } })))], /at least two distinct positions/],
    ['unclosed polygon ring', [features(fc(feature({ geometry: { type: 'Polygon', coordinates: [[[114, 30], [115, 30], [115, 31], [114, 31]]] } })))], /ring is not closed/],
    ['no citations', [features(fc(feature({}, { citations: [] })))], /has no citations/],
    ['unknown document', [features(fc(feature({}, { citations: [{ document: 'nope', quote: 'x' }] })))], /unknown document "nope"/],
    ['quote not found', [features(fc(feature({}, { citations: [{ document: 'sample-doc', quote: 'railway to Laos' }] })))], /quote not found in document "sample-doc"/],
    ['ambiguous quote', [features(fc(feature({}, { citations: [{ document: 'sample-doc', quote: 'The three ports will' }] })))], /occurs 2 times.*\n.*prefix/],
    ['unknown geometry basis', [features(fc(feature({}, { geometry_basis: 'guessed' })))], /geometry_basis "guessed" is not one of surveyed, approximate, schematic/],
    ['unknown support', [features(fc(feature({}, { citations: [{ document: 'sample-doc', quote: 'The three ports will take', support: 'implied' }] })))], /support "implied" is not one of explicit, inferred/],
    ['inferred without reasoning', [features(fc(feature({}, { citations: [{ document: 'sample-doc', quote: 'The three ports will take', support: 'inferred' }] })))], /support "inferred" but no "reasoning"\n.*fix: add "reasoning"/],
    ['reasoning on an explicit citation', [features(fc(feature({}, { citations: [{ document: 'sample-doc', quote: 'The three ports will take', reasoning: 'Because.' }] })))], /has a "reasoning" but its support is explicit/],
    ['published length without km', [features(fc(feature({ geometry: { type: 'LineString', coordinates: [[114, 30], [115, 30]] } }, { published_length: { km: '1,035', title: 'X' } })))], /published_length\.km "1,035" is not a positive number/],
    ['published length of a part whose end is off the line', [features(fc(feature({ geometry: { type: 'LineString', coordinates: [[114, 30], [115, 30], [116, 30]] } }, { published_length: { km: 10, title: 'X', from: [114, 30], to: [115.5, 30] } })))], /"to" is 48\.1 km from the nearest vertex of the line/],
    ['published length of a part backwards', [features(fc(feature({ geometry: { type: 'LineString', coordinates: [[114, 30], [115, 30], [116, 30]] } }, { published_length: { km: 10, title: 'X', from: [116, 30], to: [114, 30] } })))], /"from" must come before "to" along the line/],
    ['published length with "from" only', [features(fc(feature({ geometry: { type: 'LineString', coordinates: [[114, 30], [115, 30], [116, 30]] } }, { published_length: { km: 10, title: 'X', from: [114, 30] } })))], /published_length has "from" without "to"/],
    ['published length "derived" not a boolean', [features(fc(feature({ geometry: { type: 'LineString', coordinates: [[114, 30], [115, 30], [116, 30]] } }, { published_length: { km: 10, title: 'X', derived: 'yes' } })))], /published_length\.derived is not true or false/],
    ['published length on a point', [features(fc(feature({}, { published_length: { km: 10, title: 'X' } })))], /published_length on a Point/],
    ['published area on a line', [features(fc(feature({ geometry: { type: 'LineString', coordinates: [[114, 30], [115, 30]] } }, { published_area: { km2: 10, title: 'X' } })))], /published_area on a LineString: only zones/],
    ['published area without km2', [features(fc(feature({ geometry: { type: 'Polygon', coordinates: [[[114, 30], [115, 30], [115, 31], [114, 30]]] } }, { published_area: { km: 10, title: 'X' } })))], /published_area\.km2 undefined is not a positive number of square kilometres[\s\S]*published_area has unknown field\(s\) "km"/],
    ['published area parts that are not numbers', [features(fc(feature({ geometry: { type: 'Polygon', coordinates: [[[114, 30], [115, 30], [115, 31], [114, 30]]] } }, { published_area: { km2: 10, title: 'X', parts_km2: ['10'] } })))], /published_area\.parts_km2 \["10"\] is not a list of positive numbers/],
    ['published area parts not one per polygon', [features(fc(feature({ geometry: { type: 'Polygon', coordinates: [[[114, 30], [115, 30], [115, 31], [114, 30]]] } }, { published_area: { km2: 10, title: 'X', parts_km2: [5, 5] } })))], /published_area\.parts_km2 has 2 figure\(s\) for 1 polygon\(s\)/],
    ['published area parts that do not add up to the whole', [features(fc(feature({ geometry: { type: 'MultiPolygon', coordinates: [[[[114, 30], [115, 30], [115, 31], [114, 30]]], [[[116, 30], [117, 30], [117, 31], [116, 30]]]] } }, { published_area: { km2: 100, title: 'X', parts_km2: [80, 30] } })))], /published_area\.parts_km2 add up to 110 km², not the 100 km²/],
    ['reference coordinate not a position', [features(fc(feature({}, { references: [{ title: 'X', coordinate: [30.6, 214.5] }] })))], /references\[0\]\.coordinate \[30\.6,214\.5\] is not a \[lon, lat\] position/],
    ['empty description_zh', [features(fc(feature({}, { description_zh: ' ' })))], /"description_zh" is empty/],
  ])('%s', (_name, files, pattern) => {
    const r = messages({ features: files as SourceFile[] });
    expect(r.atlas).toBeNull();
    expect(r.text).toMatch(pattern);
  });

  test('duplicate ids across files name both files', () => {
    const r = messages({ features: [features(fc(feature()), 'data/features/a.geojson'), features(fc(feature()), 'data/features/b.geojson')] });
    expect(r.text).toMatch(/b\.geojson.*duplicate id "sample-port" \(also in data\/features\/a\.geojson\)/);
  });

  test('reports every problem at once, at the line and column of the bad value', () => {
    const text = fc(feature({}, { kind: 'harbour' }), feature({ id: 'second' }, { mode: 'canal' }));
    const r = messages({ features: [features(text)] });
    expect(r.problems.filter((p) => p.severity === 'error')).toHaveLength(2);
    const lines = text.split('\n');
    const row = lines.findIndex((l) => l.includes('"canal"'));
    expect(r.problems[1]).toMatchObject({ id: 'second', line: row + 1, column: lines[row].indexOf('"canal"') + 1 });
  });

  test('points at the bad position inside a long line', () => {
    const coords = [[114, 30], [115, 30], [116.123456, 30], [117, 30]];
    const text = fc(feature({ id: 'long', geometry: { type: 'LineString', coordinates: coords } }, { kind: 'river-route' }));
    const r = messages({ features: [features(text)] });
    const row = text.split('\n').findIndex((l) => l.includes('116.123456'));
    expect(r.problems[0]).toMatchObject({ id: 'long', line: row, message: expect.stringMatching(/LineString\[2\].*more than 5 decimals/) });
  });

  test.each([
    ['no title', DOC.replace('title: "Sample agreement"\n', ''), /has no `title`/],
    ['no date', DOC.replace('date: "2022-05-12"\n', ''), /has no `date`/],
    ['impossible date', DOC.replace('2022-05-12', '2022-02-30'), /not a real day/],
    ['bad YAML', DOC.replace('parties: ["A Customs", "B Customs"]', 'parties: ["A Customs"'), /front matter/],
    ['id that differs from the file name', DOC.replace('id: sample-doc', 'id: other-doc'), /does not match the file name/],
  ])('document with %s', (_name, text, pattern) => {
    expect(messages({ documents: [doc(text)] }).text).toMatch(pattern);
  });
});

describe('checkDate', () => {
  test.each([
    ['2024', 'year'],
    ['2024-11', 'month'],
    ['2024-02-29', 'day'],
  ])('%s has %s precision', (d, p) => expect(checkDate(d)).toEqual({ precision: p }));
  test.each(['2023-02-29', '2024-13', '24-01-01', 20240101])('%s is rejected', (d) => expect(checkDate(d)).toHaveProperty('error'));
});

describe('document urls', () => {
  test.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://example.org/x', 'not a url'])('rejects %s', (url) => {
    const text = DOC.replace('summary:', `url: ${JSON.stringify(url)}\nsummary:`);
    const r = compileAtlas({ documents: [doc(text)], features: [features(fc(feature()))] });
    expect(r.problems.map(formatProblem).join('\n')).toMatch(/is not an http\(s\) address/);
    expect(r.atlas).toBeNull();
  });
  test('accepts https addresses', () => {
    const text = DOC.replace('summary:', 'url: "https://example.org/news/1.html"\nsummary:');
    const r = compileAtlas({ documents: [doc(text)], features: [features(fc(feature()))] });
    expect(r.atlas?.documents[0].url).toBe('https://example.org/news/1.html');
  });
});
