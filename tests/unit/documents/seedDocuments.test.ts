/**
 * Documents that came from the seed texts (front matter `seed: <file in ../shared/seeds>`) must be those texts,
 * verbatim and complete; only lines listed in `removed_chrome`, each with a reason, may be left out. Documents
 * without `seed` (a user's own articles) are not compared.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/lib/atlas/frontMatter.ts';
import { compareWithSeed, seedLines } from './seedComparison.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The data tree under test: $ATLAS_DATA_ROOT (as for the build and the CLI), else the project's own. */
const docsDir = path.join(path.resolve(process.env.ATLAS_DATA_ROOT ?? root), 'data/documents');
const seedsDir = path.resolve(root, '../shared/seeds');
const haveSeeds = fs.existsSync(seedsDir);

const documents = fs
  .readdirSync(docsDir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((file) => {
    const parsed = parseMarkdown(fs.readFileSync(path.join(docsDir, file), 'utf8'));
    return { file, meta: parsed.data ?? {}, body: parsed.body };
  });
const seeded = documents.filter((d) => d.meta.seed !== undefined);

describe('compareWithSeed', () => {
  const seed = 'Site menu\n\nHeadline\n\n  First paragraph.\n\nSecond   paragraph.\n\nThird paragraph.\n\nCopyright line\n';
  const chrome = [
    { line: 'Site menu', why: 'menu' },
    { line: 'Headline', why: 'the title' },
    { line: 'Copyright line', why: 'copyright' },
  ];
  const full = 'First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n';

  it('accepts the seed minus its listed chrome, whitespace folded', () => {
    expect(seedLines(seed)).toHaveLength(6);
    expect(compareWithSeed(full, seed, chrome)).toEqual([]);
  });
  it('reports a paragraph missing from the body, at the end or in the middle', () => {
    expect(compareWithSeed('First paragraph.\n\nSecond paragraph.\n', seed, chrome).join('\n')).toMatch(
      /seed paragraph missing from the body.*"Third paragraph\."/,
    );
    expect(compareWithSeed('First paragraph.\n\nThird paragraph.\n', seed, chrome).join('\n')).toMatch(/missing.*"Second paragraph\."/);
  });
  it('reports page chrome left out without being listed', () => {
    expect(compareWithSeed(full, seed, chrome.slice(1)).join('\n')).toMatch(/missing.*"Site menu"/);
    expect(compareWithSeed(full, seed, undefined)).toHaveLength(3);
  });
  it('reports changed wording and a changed order', () => {
    expect(compareWithSeed(full.replace('Third', 'third'), seed, chrome).join('\n')).toMatch(/not a line of the seed.*"third paragraph\."/);
    expect(compareWithSeed('Second paragraph.\n\nFirst paragraph.\n\nThird paragraph.\n', seed, chrome).join('\n')).toMatch(/out of the seed's order/);
  });
  it('requires a reason for each chrome line and rejects stale or contradictory entries', () => {
    expect(compareWithSeed(full, seed, [...chrome.slice(1), { line: 'Site menu' }]).join('\n')).toMatch(/removed_chrome\[2\] needs .*why/);
    expect(compareWithSeed(full, seed, [...chrome, { line: 'Not on the page', why: 'menu' }]).join('\n')).toMatch(/not in the seed/);
    expect(compareWithSeed(full, seed, [...chrome, { line: 'First paragraph.', why: 'menu' }]).join('\n')).toMatch(/also in the body/);
    expect(compareWithSeed(full, seed, 'Site menu')).toContain('removed_chrome must be a list of {line, why}');
  });
});

describe.skipIf(!haveSeeds)('documents taken from ../shared/seeds', () => {
  const seedFiles = haveSeeds ? fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort() : [];

  it('name their seed by a file name in ../shared/seeds', () => {
    for (const { file, meta } of seeded) {
      expect(typeof meta.seed === 'string' && /^[^/\\]+$/.test(meta.seed), `${file}: seed must be a file name`).toBe(true);
      expect(seedFiles, `${file}: seed "${String(meta.seed)}" not found in ../shared/seeds`).toContain(meta.seed);
    }
  });

  it('each seed text is the source of exactly one document', () => {
    for (const seedFile of seedFiles) {
      const users = seeded.filter((d) => d.meta.seed === seedFile).map((d) => d.file);
      expect(users, `${seedFile}: documents with seed: ${seedFile}`).toHaveLength(1);
    }
  });

  it.each(seeded.map((d) => [d.file, d] as const))('%s is its seed verbatim and complete, minus listed page chrome', (_, d) => {
    const seed = fs.readFileSync(path.join(seedsDir, String(d.meta.seed)), 'utf8');
    expect(compareWithSeed(d.body, seed, d.meta.removed_chrome)).toEqual([]);
  });
});
