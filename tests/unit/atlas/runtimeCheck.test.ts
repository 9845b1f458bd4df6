import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileAtlas } from '../../../src/lib/atlas/compile.ts';
import { loadAtlas } from '../../../src/lib/atlas/loadAtlas.ts';
import { checkAtlas } from '../../../src/lib/atlas/runtimeCheck.ts';
import { errorScreenText } from '../../../src/lib/i18n/errorScreen.ts';
import type { Atlas } from '../../../src/lib/atlas/types.ts';
import { readDataFiles } from '../../../scripts/data-files.ts';

const atlas = compileAtlas(readDataFiles(resolve(import.meta.dirname, '../../..'))).atlas!;
const json = JSON.stringify(atlas);
const copy = (): Atlas => JSON.parse(json);

describe('checkAtlas', () => {
  test('accepts the compiled atlas', () => {
    expect(checkAtlas(copy())).toEqual([]);
  });

  test.each<[string, (a: Atlas) => unknown, RegExp]>([
    ['not an object', () => 'atlas', /not a JSON object/],
    ['no features', (a) => ({ ...a, features: [] }), /no "features" list/],
    ['a quote edited so its selector no longer matches', (a) => ((a.features[0].properties.citations[0].selector.start += 3), a), /feature "[\w-]+": citation 1 no longer matches document/],
    ['a document body edited', (a) => ((a.documents[0].body = 'x' + a.documents[0].body), a), /no longer matches document/],
    ['a citation to a removed document', (a) => (a.documents.splice(0, 1), a), /names unknown document/],
    ['a duplicate feature', (a) => (a.features.push(a.features[0]), a), /appears twice/],
    ['a coordinate replaced by a string', (a) => (((a.features[0].geometry as { coordinates: unknown }).coordinates = ['x', 1]), a), /broken Point coordinates/],
    ['an unknown kind', (a) => ((a.features[0].properties.kind = 'harbour' as never), a), /unknown kind "harbour"/],
    ['an unknown geometry basis', (a) => ((a.features[0].properties.geometry_basis = 'guessed' as never), a), /unknown geometry_basis "guessed"/],
    ['an unknown citation support', (a) => ((a.features[0].properties.citations[0].support = 'implied' as never), a), /citation 1 has unknown support "implied"/],
    ['an inferred citation without reasoning', (a) => ((a.features[0].properties.citations[0] = { ...a.features[0].properties.citations[0], support: 'inferred', reasoning: undefined }), a), /citation 1 is inferred but gives no reasoning/],
    ['a broken reference coordinate', (a) => ((a.features[0].properties.references = [{ title: 'X', coordinate: [500, 1] }]), a), /reference 1 has a broken coordinate/],
    ['a published length without km', (a) => ((a.features[0].properties.published_length = { title: 'X' } as never), a), /broken published_length/],
    ['a published length whose part is not a number', (a) => ((a.features[0].properties.published_length = { km: 10, title: 'X', from: [1, 2], to: [3, 4], part_km: 'long' } as never), a), /published_length has a broken part/],
    ['a published area without km2', (a) => ((a.features[0].properties.published_area = { title: 'X' } as never), a), /broken published_area/],
    ['published area parts that are not numbers', (a) => ((a.features[0].properties.published_area = { km2: 10, title: 'X', parts_km2: ['5'] } as never), a), /published_area has broken parts_km2/],
    ['an area that is not a number', (a) => ((a.features[0].properties.area_km2 = 'big' as never), a), /broken area_km2/],
  ])('rejects %s', (_name, edit, pattern) => {
    const problems = checkAtlas(edit(copy()));
    expect(problems.join('\n')).toMatch(pattern);
  });

  test('lists at most 20 problems', () => {
    const a = copy();
    for (const f of a.features) f.properties.kind = 'x' as never;
    expect(checkAtlas(a)).toHaveLength(20);
  });

  test('does not modify its input', () => {
    const a = copy();
    checkAtlas(a);
    expect(a).toEqual(copy());
  });
});

describe('loadAtlas', () => {
  const respond = (body: string, status = 200) => (async () => new Response(body, { status })) as typeof fetch;
  /** What the error screen says for a failed load, in English. */
  const shown = (r: Awaited<ReturnType<typeof loadAtlas>>) => {
    if (r.ok) throw new Error('expected a failure');
    const t = errorScreenText(r.problem, 'en');
    return { summary: t.summary, details: t.details.map((d) => d.text), url: r.url };
  };

  test('loads a good atlas', async () => {
    const r = await loadAtlas('atlas.json', respond(json));
    expect(r.ok).toBe(true);
  });

  test('a truncated file is a readable failure, not an exception', async () => {
    const r = await loadAtlas('atlas.json', respond(json.slice(0, 5000)));
    expect(r).toMatchObject({ ok: false, problem: { kind: 'notJson', length: 5000 }, url: 'atlas.json' });
    expect(shown(r).summary).toMatch(/not valid JSON — it may be truncated/);
    expect(shown(r).details.join(' ')).toMatch(/5,000 characters long/);
  });

  test('an HTTP error names the status', async () => {
    const r = await loadAtlas('atlas.json', respond('Not Found', 404));
    expect(r).toMatchObject({ ok: false, problem: { kind: 'http', status: 404 } });
    expect(shown(r).summary).toMatch(/could not be downloaded/);
    expect(shown(r).details).toEqual([expect.stringMatching(/404/)]);
  });

  test('a network failure is a readable failure', async () => {
    const r = await loadAtlas('atlas.json', (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    expect(shown(r).details).toEqual(['Failed to fetch']);
  });

  test('a hand-edited atlas names the feature', async () => {
    const a = copy();
    a.features[3].properties.citations[0].selector.exact = 'something else';
    const r = await loadAtlas('atlas.json', respond(JSON.stringify(a)));
    expect(shown(r).summary).toMatch(/edited by hand/);
    expect(shown(r).details.join()).toContain(`feature "${a.features[3].id}"`);
  });
});
