/**
 * Every class of bad input gets its own clear message and a non-zero exit from
 * `npm run check`'s data validator, run on the fixture trees in
 * tests/fixtures/bad-data/ (regenerate them with make-fixtures.ts). Every case
 * goes through `checkData` (what the CLI prints and its exit code); a few also
 * through the real CLI process, to show the two are the same.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { CASES } from '../../fixtures/bad-data/make-fixtures.ts';
import { checkData } from '../../../scripts/check-data.ts';

const root = resolve(import.meta.dirname, '../../..');
const fixtures = resolve(root, 'tests/fixtures/bad-data');
const run = promisify(execFile);

/** What the CLI must print for each case: `file:line:col [id]: message` and the fix. */
const EXPECTED: Record<string, RegExp[]> = {
  'unreadable-json': [/^error: data\/features\/ports\.geojson:10:9: not readable JSON \(a comma is missing before this point\)$/m, /fix: fix the JSON syntax/],
  'not-a-feature-collection': [/ports\.geojson:1:1: not a GeoJSON FeatureCollection \(found "type": "Feature"\)/, /fix: the file must be \{"type": "FeatureCollection"/],
  'feature-without-id': [/ports\.geojson:4:5 \[features\[0\]\]: features\[0\] has no string "id"$/m, /fix: add a top-level "id"/],
  'feature-with-number-id': [/ports\.geojson:6:13 \[features\[0\]\]: features\[0\] has no string "id" \(found 42\)/],
  'duplicate-id-across-files': [/terminals\.geojson:6:13 \[sample-river-port\]: duplicate id "sample-river-port" \(also in data\/features\/ports\.geojson\)/, /fix: ids must be unique/],
  'unknown-kind': [/ports\.geojson:9:17 \[sample-river-port\]: unknown kind "harbour"/, /fix: use one of: port, airport, land-port/],
  'unknown-mode': [/ports\.geojson:10:17 \[sample-river-port\]: unknown mode "canal"/, /fix: use one of: rail, river, sea/],
  'coordinates-out-of-range': [/ports\.geojson:28:24 \[sample-river-port\]: Point: position \[214\.55, -30\.63\] is out of range$/m, /fix: longitude must be within ±180/],
  'too-many-decimals': [/\[sample-river-port\]: Point: position \[114\.551234, 30\.63\] has more than 5 decimals/, /fix: round to 5 decimals/],
  'swapped-lat-lon': [/\[sample-river-port\]: Point: position \[30\.63, 114\.55\] is out of range — it looks like \[lat, lon\] swapped/, /fix: GeoJSON is \[longitude, latitude\]: write \[114\.55, 30\.63\]/],
  'swapped-lat-lon-in-range-point': [
    /ports\.geojson:\d+:\d+ \[sample-river-port\]: Point: position \[51\.7592, 19\.456\] is \d{4} km from any other feature, but \[19\.456, 51\.7592\] is 0 km from one — it looks like \[lat, lon\] swapped/,
    /fix: GeoJSON is \[longitude, latitude\]: write \[19\.456, 51\.7592\]/,
  ],
  'swapped-lat-lon-in-range-vertex': [
    /routes\.geojson:\d+:\d+ \[sample-route\]: LineString\[1\]: position \[51\.7592, 19\.456\] is \d{4} km from the positions beside it — it looks like \[lat, lon\] swapped/,
    /fix: GeoJSON is \[longitude, latitude\]: write \[19\.456, 51\.7592\]/,
  ],
  'line-one-distinct-position': [/routes\.geojson:28:24 \[sample-route\]: LineString: a line needs at least two distinct positions/],
  'polygon-ring-not-closed': [/zones\.geojson:42:13 \[sample-zone\]: Polygon ring 0: ring is not closed \(first \[114,30\] ≠ last \[114,31\]\)/, /fix: repeat the first position at the end of the ring: add \[114,30\]/],
  'no-citations': [/ports\.geojson:13:22 \[sample-river-port\]: feature has no citations/, /npm run cite/],
  'unknown-document': [/\[sample-river-port\]: citations\[0\] names unknown document "sample-agreemnet"/, /fix: use one of: sample-agreement/],
  'quote-not-found': [/ports\.geojson:16:22 \[sample-river-port\]: quote not found in document "sample-agreement": "open a fast lane at the sea port"/, /npm run cite -- sample-agreement/],
  'quote-ambiguous': [/\[sample-river-port\]: quote occurs 2 times in document "sample-agreement": "The two customs will"/, /fix: add "prefix"/],
  'document-without-title': [/sample-agreement\.md:1 \[sample-agreement\]: document has no `title`/],
  'yaml-tab-on-line-11': [/^error: data\/documents\/sample-agreement\.md:11 \[sample-agreement\]: front matter: Tabs are not allowed as indentation$/m, /fix: indent with spaces, not tabs: replace the tab on line 11/],
  'yaml-no-opening-fence': [/sample-agreement\.md:1 \[sample-agreement\]: front matter: no YAML front matter: the file does not start with a line "---"/, /fix: make the first line of the file "---"/],
  'yaml-no-closing-fence': [/sample-agreement\.md:1 \[sample-agreement\]: front matter: the front matter opened by "---" on line 1 is never closed/, /fix: add a line "---" after the last field/],
  'yaml-alias-bomb': [/sample-agreement\.md:\d+ \[sample-agreement\]: front matter: YAML aliases \(\*name\) expand to more than 100 copies/, /fix: write the values out/],
  'document-broken-cited-by-four': [/sample-agreement\.md:1 \[sample-agreement\]: document has no `title`/],
  'json-nested-5000-deep': [/^error: data\/features\/deep\.geojson:1:\d+: JSON nested more than 32 levels deep \(5,002 levels\)$/m, /ports\.geojson:\d+:\d+ \[sample-river-port\]: unknown kind "harbour"/],
  'json-duplicate-key': [/ports\.geojson:10:9: key "kind" appears twice in one object; only the second would count/, /fix: remove one of the two "kind" entries/],
  'line-crosses-antimeridian': [/\[sample-route\]: LineString\[1\]–\[2\]: the segment from \[179\.9, 61\.2\] to \[-179\.9, 62\.3\] crosses the antimeridian/, /fix: split the line at ±180°/],
  'coordinate-1e999': [/\[sample-river-port\]: Point: position \[Infinity \(a number too large, like 1e999\),30\.63\] is not \[lon, lat\]/],
  'document-without-date': [/sample-agreement\.md:1 \[sample-agreement\]: document has no `date`/],
  'document-impossible-date': [/sample-agreement\.md:4 \[sample-agreement\]: date "2022-02-30" is not a real day \(2022-02 has 28 days\)/],
  'not-utf8': [/sample-agreement\.md:15:1: file is not valid UTF-8/, /fix: save the file as UTF-8/],
  'unknown-geometry-basis': [/\[sample-river-port\]: geometry_basis "exact" is not one of surveyed, approximate, schematic$/m, /fix: use "surveyed" \(checked against a published source/],
  'surveyed-without-source': [/ports\.geojson:\d+:\d+ \[sample-river-port\]: geometry_basis "surveyed" but no reference names a published source/, /fix: add "references": \[\{"title": "<the published source>", "url": "https:\/\/…"\}\] .* or mark the feature "approximate"/],
  'approximate-without-note': [/ports\.geojson:\d+:\d+ \[sample-river-port\]: geometry_basis "approximate" but no reference has a "note" saying how the position was placed/, /fix: add a reference with a "note" that says where the position comes from/],
  'surveyed-point-without-coordinate': [/\[sample-river-port\]: a "surveyed" Point needs the position its source publishes: no reference has a "coordinate"/, /fix: add "coordinate": \[lon, lat\]/],
  'surveyed-point-far-from-reference': [/\[sample-river-port\]: a "surveyed" Point must lie within 2 km of its reference coordinate; it is 4\.8 km away/, /fix: move the point to the published position/],
  'reference-with-build-note': [/\[sample-river-port\]: references\[0\] reads like a build note \("from memory"\): references are shown to readers/, /fix: name the published source and link it; put how the geometry was made .* in data\/derive\/notes\.yaml/],
  'inferred-without-reasoning': [/\[sample-river-port\]: citations\[0\] has support "inferred" but no "reasoning"/, /fix: add "reasoning": one sentence/],
  'reasoning-on-explicit-citation': [/\[sample-river-port\]: citations\[0\] has a "reasoning" but its support is explicit/, /fix: if the quote does not name what the feature shows, add "support": "inferred"/],
  'reference-url-not-web': [/\[sample-river-port\]: references\[0\]\.url "javascript:alert\('x'\)" is not an http\(s\) address/, /fix: link the source with an address starting with https:\/\//],
  'unknown-support': [/\[sample-river-port\]: citations\[0\]\.support "implied" is not one of explicit, inferred/, /fix: use "explicit"/],
  'published-length-malformed': [/\[sample-route\]: published_length\.km "1,035" is not a positive number of kilometres/, /published_length has no "title" naming its source/, /published_length has unknown field\(s\) "source"/],
  'rfc7946-bare-geometry': [/not a GeoJSON FeatureCollection \(found "type": "Polygon"\)/, /ports\.geojson:3:19: RFC 7946: Expected to find an array of positions here\./],
  'rfc7946-features-not-a-list': [/found "features" that is not a list/, /ports\.geojson:3:15: RFC 7946: This must be an array\./],
  'rfc7946-coordinate-is-a-string': [/Point: position \["114\.55","30\.63"\] is not \[lon, lat\]/],
  'rfc7946-position-too-short': [/MultiPolygon\[0\] ring 0\[0\]: position 1 is not \[lon, lat\]/],
  'rfc7946-multipoint-without-coordinates': [/MultiPoint has no positions/],
  'rfc7946-unknown-geometry-type': [/unsupported geometry type "Circle"/],
  'rfc7946-properties-as-list': [/ports\.geojson:7:21 \[sample-river-port\]: feature has no "properties" object/],
  'rfc7946-bbox-wrong-length': [/ports\.geojson:33:15 \[sample-river-port\]: RFC 7946: A bbox must have 4 or 6 positions/],
  'rfc7946-feature-without-geometry-member': [/ports\.geojson:4:5 \[sample-river-port\]: feature has no geometry/],
  'rfc7946-line-with-one-position': [/\[sample-route\]: LineString: a line needs at least two distinct positions/],
};

/** Cases that are warnings only: the CLI prints them and exits 0. */
const WARNINGS: Record<string, RegExp> = {
  'document-cited-by-no-feature': /^warning: data\/documents\/other-agreement\.md \[other-agreement\]: document "other-agreement" is cited by no feature\n {4}fix: cite it from a feature, or remove it$/m,
};

interface Run {
  code: number;
  stdout: string;
}
const results = new Map<string, Run>();
for (const name of Object.keys(CASES)) {
  const r = checkData(resolve(fixtures, name));
  results.set(name, { code: r.exitCode, stdout: r.output + '\n' });
}

/** Run the real CLI: `node tsx scripts/check-data.ts <dir>`. */
async function cli(dir?: string): Promise<Run> {
  const args = [resolve(root, 'node_modules/tsx/dist/cli.mjs'), resolve(root, 'scripts/check-data.ts'), ...(dir ? [dir] : [])];
  try {
    const r = await run(process.execPath, args, { cwd: root });
    return { code: 0, stdout: r.stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, stdout: err.stdout };
  }
}

describe('npm run check on bad data', () => {
  test('every fixture directory is a case with expectations, and the fixtures are up to date', () => {
    const dirs = readdirSync(fixtures, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(dirs.sort()).toEqual(Object.keys(CASES).sort());
    expect(Object.keys({ ...EXPECTED, ...WARNINGS }).sort()).toEqual(Object.keys(CASES).sort());
    for (const name of dirs) expect(existsSync(resolve(fixtures, name, 'data'))).toBe(true);
  });

  test.each(Object.entries(EXPECTED))('%s: exit 1 and its own message', (name, patterns) => {
    const r = results.get(name)!;
    expect(r.code, r.stdout).toBe(1);
    for (const p of patterns) expect(r.stdout).toMatch(p);
    expect(r.stdout).toMatch(/^\d+ error\(s\), \d+ warning\(s\)$/m);
    // Every error line says where it is and is followed by a fix.
    for (const line of r.stdout.split('\n').filter((l) => l.startsWith('error: '))) expect(line).toMatch(/^error: data\/(documents|features)\/[\w.-]+(:\d+(:\d+)?)?( \[[^ ]+\])?: \S/);
  });

  test('one broken document gives one error, however many features cite it', () => {
    const r = results.get('document-broken-cited-by-four')!;
    expect(r.stdout).toMatch(/^1 error\(s\), 0 warning\(s\)$/m);
    expect(r.stdout).not.toMatch(/errors of its own/);
  });

  test('a feature file that is not readable JSON does not make its documents "cited by no feature"', () => {
    for (const name of ['unreadable-json', 'json-nested-5000-deep']) expect(results.get(name)!.stdout).not.toMatch(/cited by no feature/);
  });

  test('no message shows a number JSON cannot hold as null', () => {
    expect(results.get('coordinate-1e999')!.stdout).not.toMatch(/null/);
  });

  test.each(Object.entries(WARNINGS))('%s: a warning, exit 0', (name, pattern) => {
    const r = results.get(name)!;
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(pattern);
    expect(r.stdout).toMatch(/data OK/);
  });

  test.each(['unreadable-json', 'quote-not-found', 'document-cited-by-no-feature'])(
    'the real CLI process prints the same for %s and exits with the same status',
    async (name) => {
      const r = await cli(resolve(fixtures, name));
      expect(r).toEqual(results.get(name));
    },
    30_000,
  );

  test('the shipped data/ passes', async () => {
    const r = await cli();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^data OK: \d+ documents, \d+ features, \d+ citations anchored\.$/m);
  }, 30_000);
});
