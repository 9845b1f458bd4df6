import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

const root = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.(ts|svelte)$/.test(e.name) ? [p] : [];
  });
}

test('only src/lib/map/ imports maplibre-gl (the one seam between the app and the map library)', () => {
  const importsMaplibre = /(?:from|import)\s*\(?\s*['"]maplibre-gl(?:\/[^'"]*)?['"]/;
  const offenders = sources(join(root, 'src'))
    .map((f) => relative(root, f))
    .filter((f) => !f.startsWith('src/lib/map/') && importsMaplibre.test(readFileSync(join(root, f), 'utf8')));
  expect(offenders).toEqual([]);
  // The rule can see an import at all: src/lib/map/ has some.
  expect(sources(join(root, 'src/lib/map')).some((f) => importsMaplibre.test(readFileSync(f, 'utf8')))).toBe(true);
});

test('only src/lib/view/webMercator.ts does Web Mercator maths (no second projection to drift)', () => {
  const mercatorMaths = /geoMercator|Math\.log\(\(1 \+ s\) \/ \(1 - s\)\)|Math\.tan\(Math\.PI \/ 4/;
  const files = [...sources(join(root, 'src')), ...sources(join(root, 'tests/e2e')), ...sources(join(root, 'scripts'))].map((f) => relative(root, f));
  expect(files.filter((f) => f !== 'src/lib/view/webMercator.ts' && mercatorMaths.test(readFileSync(join(root, f), 'utf8')))).toEqual([]);
});
