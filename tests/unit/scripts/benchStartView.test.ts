/**
 * The benchmark opens the app from an empty link when its build has a drawn
 * first map, and the comparison pages at that map's view, so that all three
 * draw the same map (issue 23, item 2). Without a drawn map all start alike.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { drawnFirstView, FALLBACK_START, hashOf, startHashes } from '../../../scripts/bench/startView.ts';
import { withFirstMap } from '../../../scripts/first-map-plugin.ts';
import { windowRange } from '../../../src/lib/view/firstMap.ts';

const PAGE = '<!doctype html><html><head><title>t</title></head><body><div id="app"></div><script type="module" src="/a.js"></script></body></html>';
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});
function appDir(html: string | null): string {
  const d = mkdtempSync(join(tmpdir(), 'bench-start-'));
  dirs.push(d);
  if (html !== null) writeFileSync(join(d, 'index.html'), html);
  return d;
}

describe('where the benchmark opens its pages', () => {
  it('reads the drawn map view back from a page the build assembled', () => {
    const view = { zoom: 3.25, lat: 31.5, lng: -70.125 };
    const dir = appDir(withFirstMap(PAGE, '<svg></svg>', view, windowRange([100, 20, 120, 40])));
    expect(drawnFirstView(dir)).toEqual(view);
    expect(startHashes(dir)).toEqual({ app: '', pages: hashOf(view) });
  });

  it('starts every page at the same fixed view when the build drew no first map', () => {
    for (const dir of [appDir(PAGE), appDir(null)]) {
      expect(drawnFirstView(dir)).toBeNull();
      const start = startHashes(dir);
      expect(start.app).toBe(hashOf(FALLBACK_START));
      expect(start.pages).toBe(start.app);
    }
  });
});
