/**
 * The runtime check covers every field the app reads (issue 15, item 8) and
 * the limits (item 7): each tampering the app would crash on or show wrongly
 * is named. Which document and feature are tampered with comes from the data.
 */
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileAtlas } from '../../../src/lib/atlas/compile.ts';
import { LIMITS } from '../../../src/lib/atlas/limits.ts';
import { checkAtlas } from '../../../src/lib/atlas/runtimeCheck.ts';
import type { Atlas } from '../../../src/lib/atlas/types.ts';
import { readDataFiles } from '../../../scripts/data-files.ts';

const json = JSON.stringify(compileAtlas(readDataFiles(resolve(import.meta.dirname, '../../..'))).atlas);
const copy = (): Atlas => JSON.parse(json);
type Loose = Record<string, unknown>;
const doc0 = (a: Atlas) => a.documents[0] as unknown as Loose;
const props0 = (a: Atlas) => a.features[0].properties as unknown as Loose;
const withLegs = (a: Atlas) => a.features.find((f) => f.properties.legs?.length)!;

describe('checkAtlas: every field the app reads', () => {
  test.each<[string, (a: Atlas) => void, RegExp]>([
    ['parties: "x"', (a) => (doc0(a).parties = 'x'), /document "[\w-]+" has "parties" that are not a list of names \("x"\)/],
    ['parties: [1]', (a) => (doc0(a).parties = [1]), /"parties" that are not a list of names/],
    ['date: "yesterday"', (a) => (doc0(a).date = 'yesterday'), /has an impossible date "yesterday"/],
    ['date: "2022-02-30"', (a) => (doc0(a).date = '2022-02-30'), /has an impossible date "2022-02-30"/],
    ['a date_precision that does not fit', (a) => (doc0(a).date_precision = 'decade'), /has date_precision "decade", but its date/],
    ['published: 7', (a) => (doc0(a).published = 7), /impossible published date 7/],
    ['a javascript: url', (a) => (doc0(a).url = 'javascript:alert(1)'), /url that is not an http\(s\) address/],
    ['a paragraph past the body', (a) => ((doc0(a).paragraphs as { end: number }[])[0].end = 10 ** 9), /has no paragraph index/],
    ['references: [null]', (a) => (props0(a).references = [null]), /reference 1 has no title/],
    ['a reference url that is not a web address', (a) => (props0(a).references = [{ title: 'x', url: 'data:text/html,x' }]), /reference 1 has a url that is not an http\(s\) address/],
    ['legs: ["teleport", …]', (a) => ((withLegs(a).properties as unknown as Loose).legs = ['teleport', ...withLegs(a).properties.legs!.slice(1)]), /has legs that are not modes \(\["teleport"/],
    ['legs on a Point', (a) => (props0(a).legs = ['sea']), /has 1 legs but/],
    ['a description that is not text', (a) => (props0(a).description = { html: '<b>' }), /has a description that is not text/],
    ['a citation without its quote', (a) => delete (a.features[0].properties.citations[0] as unknown as Loose).quote, /citation 1 has no quote/],
    ['a geometry type named like a built-in property', (a) => ((a.features[0].geometry as unknown as Loose).type = 'constructor'), /has no usable geometry/],
    [
      'a line over the per-feature limit',
      (a) => (a.features[0].geometry = { type: 'LineString', coordinates: Array.from({ length: LIMITS.positionsPerFeature + 1 }, (_, i) => [100 + i / 1e5, 20]) }),
      /has 20,001 positions; this app draws at most 20,000 per feature/,
    ],
  ])('rejects %s', (_name, edit, pattern) => {
    const a = copy();
    edit(a);
    expect(checkAtlas(a).join('\n')).toMatch(pattern);
  });

  test('the real atlas passes', () => expect(checkAtlas(copy())).toEqual([]));
});
