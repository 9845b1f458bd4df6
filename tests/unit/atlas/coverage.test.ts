/**
 * The coverage table, data/coverage.yaml: each mappable thing a document names is on the map or listed as not
 * mapped with a reason. First the rules on small tables, then the shipped table against the shipped data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { FeatureCollection } from 'geojson';
import { checkCoverage, type CoverageFeature } from '../../../src/lib/atlas/coverage.ts';
import { parseMarkdown } from '../../../src/lib/atlas/frontMatter.ts';

describe('checkCoverage rules', () => {
  const documents = [
    { id: 'doc-a', body: 'Customs of Alpha and Beta signed an agreement.\n\nTrains will run from   Alpha to Gamma.' },
    { id: 'doc-b', body: 'Delta Port opens.' },
  ];
  const features: CoverageFeature[] = [
    { id: 'alpha-customs', cites: ['doc-a'] },
    { id: 'alpha-gamma-rail', cites: ['doc-a'] },
    { id: 'delta-port', cites: ['doc-b'] },
  ];
  const good = {
    'doc-a': [
      { phrase: 'Customs of Alpha', features: ['alpha-customs'] },
      { phrase: 'Beta', not_mapped: 'the text names no office in Beta' },
      { phrase: 'Trains will run from Alpha to Gamma', features: ['alpha-gamma-rail'] },
    ],
    'doc-b': [{ phrase: 'Delta Port', features: ['delta-port'] }],
  };
  const withA = (entries: unknown[]) => ({ ...good, 'doc-a': entries });

  it('accepts a complete table (phrases match with whitespace folded)', () => {
    expect(checkCoverage(good, documents, features)).toEqual([]);
  });
  it('fails when a feature citing a document is missing from its section', () => {
    const problems = checkCoverage(withA(good['doc-a'].filter((e) => e.features?.[0] !== 'alpha-gamma-rail')), documents, features);
    expect(problems).toEqual([expect.stringMatching(/doc-a: feature "alpha-gamma-rail" cites the document but no coverage entry lists it/)]);
  });
  it('fails when a document has no section, or a section names no document', () => {
    expect(checkCoverage({ 'doc-a': good['doc-a'] }, documents, features)).toContainEqual(expect.stringMatching(/^doc-b: the document has no section/));
    expect(checkCoverage({ ...good, 'doc-z': [] }, documents, features)).toContainEqual(expect.stringMatching(/^doc-z: no such document/));
  });
  it('fails on a phrase that is not in the document', () => {
    expect(checkCoverage(withA([...good['doc-a'], { phrase: 'Customs of Omega', not_mapped: 'x' }]), documents, features)).toContainEqual(
      expect.stringMatching(/"Customs of Omega": the phrase is not in the document/),
    );
  });
  it('fails on an unknown feature, and on a feature that does not cite the document', () => {
    const problems = checkCoverage(withA([...good['doc-a'], { phrase: 'Beta signed', features: ['beta-customs', 'delta-port'] }]), documents, features);
    expect(problems).toContainEqual(expect.stringMatching(/no feature "beta-customs"/));
    expect(problems).toContainEqual(expect.stringMatching(/feature "delta-port" does not cite "doc-a"/));
  });
  it('needs exactly one of features / not_mapped, a reason that says something, and no duplicate phrase', () => {
    const rows = [
      { phrase: 'Beta' },
      { phrase: 'agreement', features: ['alpha-customs'], not_mapped: 'both' },
      { phrase: 'Gamma', not_mapped: ' ' },
      { phrase: 'Alpha', features: [] },
      { phrase: 'Beta', not_mapped: 'again' },
      { features: ['alpha-customs'] },
    ];
    const problems = checkCoverage(withA([...good['doc-a'].slice(0, 1), ...good['doc-a'].slice(2), ...rows]), documents, features).join('\n');
    expect(problems).toMatch(/"Beta": give either "features" .* not neither/);
    expect(problems).toMatch(/"agreement": give either .* not both/);
    expect(problems).toMatch(/"Gamma": "not_mapped" must say why/);
    expect(problems).toMatch(/"Alpha": "features" must be a non-empty list/);
    expect(problems).toMatch(/"Beta": listed twice/);
    expect(problems).toMatch(/doc-a\[\d\]: no "phrase"/);
  });
  it('rejects a table that is not a map of lists', () => {
    expect(checkCoverage([], documents, features)).toEqual(['the coverage table must map each document id to a list of entries']);
    expect(checkCoverage({ ...good, 'doc-b': 'Delta Port' }, documents, features)).toContainEqual(expect.stringMatching(/doc-b: the section must be a list/));
  });
});

describe('data/coverage.yaml', () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  const docsDir = path.join(root, 'data/documents');
  const featuresDir = path.join(root, 'data/features');
  const documents = fs
    .readdirSync(docsDir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const parsed = parseMarkdown(fs.readFileSync(path.join(docsDir, f), 'utf8'));
      return { id: String(parsed.data?.id), body: parsed.body };
    });
  const features: CoverageFeature[] = fs
    .readdirSync(featuresDir)
    .filter((f) => f.endsWith('.geojson'))
    .flatMap((f) => (JSON.parse(fs.readFileSync(path.join(featuresDir, f), 'utf8')) as FeatureCollection).features)
    .map((f) => ({
      id: String(f.id),
      cites: ((f.properties?.citations ?? []) as { document: string }[]).map((c) => c.document),
    }));

  it('lists every mappable thing each document names: on the map, or not mapped with a reason', () => {
    const table = parse(fs.readFileSync(path.join(root, 'data/coverage.yaml'), 'utf8')) as unknown;
    expect(checkCoverage(table, documents, features)).toEqual([]);
  });
});
