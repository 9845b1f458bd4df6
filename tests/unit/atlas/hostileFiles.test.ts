/**
 * Odd and hostile things in data/ that a fixture tree cannot hold in git, made
 * in a temporary copy of a bad-data fixture: symbolic links (dangling, to a
 * folder, out of data/), a folder named like a feature file, a 50 MB feature
 * file and a line of 1,000,000 points. Each is one message naming the file, the
 * other problems are still listed, and nothing takes long (issue 15, items 4, 5, 7).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkData } from '../../../scripts/check-data.ts';
import { LIMITS } from '../../../src/lib/atlas/limits.ts';

const fixtures = resolve(import.meta.dirname, '../../fixtures/bad-data');
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A copy of a fixture: `quote-not-found` has exactly one problem of its own, which must stay listed. */
function copy(name = 'quote-not-found'): string {
  const d = mkdtempSync(join(tmpdir(), 'hostile-files-'));
  dirs.push(d);
  cpSync(join(fixtures, name), d, { recursive: true });
  return d;
}
const OTHER_PROBLEM = /quote not found in document "sample-agreement"/;

function check(root: string) {
  const t = performance.now();
  const r = checkData(root);
  return { ...r, ms: performance.now() - t };
}

describe('hostile files in data/', { timeout: 60_000 }, () => {
  it('a dangling symbolic link is one message, and the other problems are still listed', () => {
    const root = copy();
    symlinkSync(join(root, 'nowhere.geojson'), join(root, 'data/features/gone.geojson'));
    const r = check(root);
    expect(r.exitCode).toBe(1);
    expect(r.output).toMatch(/^error: data\/features\/gone\.geojson: data\/features\/gone\.geojson is a symbolic link to ".*nowhere\.geojson", which does not exist$/m);
    expect(r.output).toMatch(OTHER_PROBLEM);
    expect(r.output).not.toMatch(/\n\s+at /);
  });

  it('a link to a folder and a folder named like a feature file are messages, not crashes', () => {
    const root = copy();
    symlinkSync(join(root, 'data/documents'), join(root, 'data/features/docs.geojson'));
    mkdirSync(join(root, 'data/documents/drafts.md'));
    const r = check(root);
    expect(r.output).toMatch(/data\/features\/docs\.geojson: .* is a symbolic link to ".*", which is not a file/);
    expect(r.output).toMatch(/data\/documents\/drafts\.md: .* is a folder, not a file/);
    expect(r.output).toMatch(OTHER_PROBLEM);
  });

  it('a link out of data/ is refused, so its contents are never published', () => {
    const root = copy();
    const secret = join(root, 'outside.md');
    writeFileSync(secret, '---\nid: secret\ntitle: "x"\ndate: "2020"\npublisher: p\nparties: [a]\n---\nSECRET TEXT\n');
    symlinkSync(secret, join(root, 'data/documents/secret.md'));
    const r = check(root);
    expect(r.exitCode).toBe(1);
    expect(r.output).toMatch(/data\/documents\/secret\.md: .* is a symbolic link to ".*outside\.md", outside data\/ \(its contents would be published in atlas\.json\)/);
    expect(r.output).not.toMatch(/SECRET/);
  });

  it('a link inside data/ to a file inside data/ is read', () => {
    const root = copy('document-cited-by-no-feature');
    rmSync(join(root, 'data/documents/other-agreement.md'));
    symlinkSync(join(root, 'data/features/ports.geojson'), join(root, 'data/features/ports-again.geojson'));
    expect(check(root).output).toMatch(/duplicate id "sample-river-port"/);
  });

  it('a 50 MB feature file is refused by its size at once', () => {
    const root = copy();
    const big = `{"type": "FeatureCollection", "features": [], "padding": "${'x'.repeat(50_000_000)}"}`;
    writeFileSync(join(root, 'data/features/huge.geojson'), big);
    const r = check(root);
    expect(r.output).toMatch(/data\/features\/huge\.geojson: file is 50,000,\d{3} bytes; the limit is 10,000,000/);
    expect(r.output).toMatch(OTHER_PROBLEM);
    expect(r.ms).toBeLessThan(3_000);
  });

  it('a line of 1,000,000 points, or one just over the per-feature limit, is refused with the limit named', () => {
    const root = copy();
    const line = (n: number) =>
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            id: `long-line-${n}`,
            properties: { name: 'Long', kind: 'sea-route', mode: 'sea', description: 'x', geometry_basis: 'schematic', citations: [{ document: 'sample-agreement', quote: 'fast lane' }] },
            geometry: { type: 'LineString', coordinates: Array.from({ length: n }, (_, i) => [100 + (i % 1000) / 1000, 10 + Math.floor(i / 1000) / 1000]) },
          },
        ],
      });
    writeFileSync(join(root, 'data/features/million.geojson'), line(1_000_000));
    writeFileSync(join(root, 'data/features/over.geojson'), line(LIMITS.positionsPerFeature + 1));
    const r = check(root);
    expect(r.output).toMatch(/million\.geojson: file is [\d,]+ bytes; the limit is 10,000,000/);
    expect(r.output).toMatch(/over\.geojson:\d+:\d+ \[long-line-20001\]: geometry has 20,001 positions; the limit is 20,000 per feature/);
    expect(r.output).toMatch(OTHER_PROBLEM);
    expect(r.ms).toBeLessThan(5_000);
  });
});
