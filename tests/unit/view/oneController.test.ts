/**
 * One map, two renderers: MapLibre stays inside its folder, and the rules of
 * the view (framing, reveal, what a click means, the chooser) live in the map
 * controller, not in either renderer.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
const source = files(join(root, 'src'));
const rel = (p: string) => relative(root, p).split('\\').join('/');

test('only src/lib/map/ and MapView.svelte use MapLibre', () => {
  const users = source.filter((p) => /from ['"]maplibre-gl['"]|import\(['"]maplibre-gl['"]\)/.test(readFileSync(p, 'utf8'))).map(rel);
  expect(users.length).toBeGreaterThan(0);
  expect(users.filter((p) => !p.startsWith('src/lib/map/') && p !== 'src/components/MapView.svelte')).toEqual([]);
});

test("the renderers draw and report: the view's rules are the controller's", () => {
  const rules = [/app\.select\(/, /app\.pick\s*=/, /takeFraming/, /revealView/, /frameView/, /(?<![.\w])firstView\(/];
  for (const renderer of ['src/components/MapView.svelte', 'src/components/SvgMap.svelte']) {
    const text = readFileSync(join(root, renderer), 'utf8');
    expect(rules.filter((r) => r.test(text)).map(String), renderer).toEqual([]);
  }
  const controller = readFileSync(join(root, 'src/lib/view/mapController.svelte.ts'), 'utf8');
  for (const r of rules) expect(r.test(controller.replace(/this\.app\./g, 'app.')), String(r)).toBe(true);
});

test('components reach the map through the controller, never through a MapLibre handle', () => {
  const offenders = source.filter((p) => /\.map\?*\.(fitBounds|easeTo|flyTo|jumpTo)\(/.test(readFileSync(p, 'utf8')) && !rel(p).startsWith('src/lib/map/') && rel(p) !== 'src/components/MapView.svelte');
  expect(offenders.map(rel)).toEqual([]);
});
