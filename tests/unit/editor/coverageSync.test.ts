/**
 * An editor save keeps data/coverage.yaml passing its test (tests/unit/atlas/coverage.test.ts): a new
 * document gets its section, a saved feature is listed under the words it cites, a deleted or renamed one
 * leaves the lists. Run against the shipped table and data (ids picked by rule), plus small cases.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { checkCoverage, type CoverageFeature } from '../../../src/lib/atlas/coverage.ts';
import { parseMarkdown } from '../../../src/lib/atlas/frontMatter.ts';
import { syncCoverage, type CoverageChange } from '../../../src/lib/editor/coverageSync.ts';
import { coverageChange } from '../../../src/lib/editor/saveRequest.ts';
import { readFeatures } from '../../../src/lib/editor/featureFileEdit.ts';

const root = resolve(import.meta.dirname, '../../..', process.env.ATLAS_DATA_ROOT ?? '.');
const table = readFileSync(join(root, 'data/coverage.yaml'), 'utf8');
const documents = readdirSync(join(root, 'data/documents')).map((f) => {
  const m = parseMarkdown(readFileSync(join(root, 'data/documents', f), 'utf8'));
  return { id: String(m.data?.id), body: m.body };
});
const raw = readdirSync(join(root, 'data/features')).flatMap((f) => readFeatures(readFileSync(join(root, 'data/features', f), 'utf8')));
const features: CoverageFeature[] = raw.map((f) => ({ id: f.id, cites: ((f.properties as { citations: { document: string }[] }).citations ?? []).map((c) => c.document) }));
const sync = (change: CoverageChange) => {
  const r = syncCoverage(table, change);
  if (!r.ok) throw new Error(r.message);
  return r.text!;
};
/** Lines of `after` that `before` does not have, and the other way round. */
const diff = (before: string, after: string) => ({
  added: after.split('\n').filter((l) => !before.split('\n').includes(l)),
  removed: before.split('\n').filter((l) => !after.split('\n').includes(l)),
});

describe('syncCoverage on the shipped table', () => {
  test('the shipped table passes, and a save that touches nothing leaves it byte for byte', () => {
    expect(checkCoverage(parse(table), documents, features)).toEqual([]);
    expect(sync({ documents: [], features: [], removed: [] })).toBe(table);
  });

  test('a new document and a feature citing it and an existing document: both listed, the table passes, nothing else changes', () => {
    const other = documents[0];
    const quote = other.body.split(/\n+/).find((p) => p.length > 40)!.slice(0, 30);
    const doc = { id: 'editor-added-document', body: 'On 1 May the two customs opened a fast lane at Example Port.' };
    const feature = { id: 'editor-added-feature', citations: [{ document: doc.id, quote: 'a fast lane at Example Port' }, { document: other.id, quote }] };
    const out = sync({ documents: [doc.id], features: [feature], removed: [] });
    expect(checkCoverage(parse(out), [...documents, doc], [...features, { id: feature.id, cites: [doc.id, other.id] }])).toEqual([]);
    expect(out.startsWith(table.slice(0, table.indexOf('\n\n')))).toBe(true);
    const d = diff(table, out);
    expect(d.removed).toEqual([]);
    expect(d.added).toContain(`${doc.id}:`);
    expect(d.added).toContain('  - phrase: "a fast lane at Example Port"');
    expect(d.added.filter((l) => l.includes(feature.id)).length).toBe(2);
  });

  test('a deleted feature leaves every list; an entry left empty says why; the table passes without it', () => {
    const gone = features.find((f) => f.cites.length > 0)!;
    const out = sync({ documents: [], features: [], removed: [gone.id] });
    expect(out).not.toMatch(new RegExp(`features: \\[[^\\]]*\\b${gone.id}\\b`));
    expect(checkCoverage(parse(out), documents, features.filter((f) => f.id !== gone.id))).toEqual([]);
  });

  test('a renamed feature is listed under its new id only', () => {
    const f = raw.find((x) => (x.properties as { citations: unknown[] }).citations.length > 0)!;
    const edits = [{ kind: 'put-feature' as const, file: 'x.geojson', token: 't', feature: { ...f, id: `${f.id}-renamed` }, replaces: f.id }];
    const out = sync(coverageChange(edits));
    const renamed = features.map((x) => (x.id === f.id ? { ...x, id: `${f.id}-renamed` } : x));
    expect(checkCoverage(parse(out), documents, renamed)).toEqual([]);
  });
});

describe('syncCoverage, small cases', () => {
  test('no table and nothing to list: none written; no table and a new document: one is started', () => {
    expect(syncCoverage(null, { documents: [], features: [], removed: [] })).toEqual({ ok: true, text: null });
    expect(syncCoverage(null, { documents: ['d'], features: [], removed: [] })).toEqual({ ok: true, text: 'd: []\n' });
    // The document's first feature, saved later, turns its empty section into a block list.
    expect(syncCoverage('d: []\n', { documents: [], features: [{ id: 'f', citations: [{ document: 'd', quote: 'Q  q' }] }], removed: [] })).toEqual({ ok: true, text: 'd:\n  - phrase: "Q q"\n    features: [f]\n' });
  });
  test('a feature that stops citing a document leaves its section; a phrase already there gains the feature', () => {
    const t = 'a:\n  - phrase: "Alpha port"\n    features: [x]\n  - phrase: "Beta"\n    not_mapped: "not yet"\nb:\n  - phrase: "Gamma"\n    features: [x, y]\n';
    const r = syncCoverage(t, { documents: [], features: [{ id: 'x', citations: [{ document: 'a', quote: 'Alpha port' }] }, { id: 'z', citations: [{ document: 'a', quote: 'Beta' }] }], removed: [] });
    expect(r).toEqual({ ok: true, text: 'a:\n  - phrase: "Alpha port"\n    features: [x]\n  - phrase: "Beta"\n    features: [z]\nb:\n  - phrase: "Gamma"\n    features: [y]\n' });
  });
  test('a table the editor cannot keep byte for byte, or cannot read, is refused with a message', () => {
    expect(syncCoverage('a:\n  - {phrase: "x",   features: [ y ]}\n', { documents: ['d'], features: [], removed: [] })).toMatchObject({ ok: false, message: expect.stringMatching(/by hand/) });
    expect(syncCoverage('a: [\n', { documents: ['d'], features: [], removed: [] })).toMatchObject({ ok: false, message: expect.stringMatching(/not readable YAML/) });
  });
});
