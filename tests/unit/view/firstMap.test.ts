/**
 * The first map drawn into index.html at build time (issue 23, item 2): which
 * pages show it (the rule, and the inline gate that applies it before the page
 * paints, must agree), the view it shows (the atlas fits the reference map),
 * the view the app reads back from it, and the page it is written into.
 */
import { runInNewContext } from 'node:vm';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileAtlas } from '../../../src/lib/atlas/compile.ts';
import { featureBounds, unionBounds } from '../../../src/lib/map/renderData.ts';
import {
  CANVAS,
  FIRST_MAP_OFF,
  gateScript,
  paintedScript,
  REFERENCE_STAGE,
  referenceView,
  showsFirstMap,
  viewAttribute,
  viewOfAttribute,
  WINDOW_RANGE,
} from '../../../src/lib/view/firstMap.ts';
import { pixelOf } from '../../../src/lib/view/webMercator.ts';
import { LANG_STORAGE_KEY } from '../../../src/lib/i18n/langChoice.ts';
import { readDataFiles } from '../../../scripts/data-files.ts';
import { withFirstMap } from '../../../scripts/first-map-plugin.ts';
import { inlineScriptHashes, pagePolicy, policyOfPage } from '../../../scripts/csp-plugin.ts';

interface Page {
  width: number;
  height: number;
  hash: string;
  search: string;
  storedLang: string | null;
}

/** Runs the gate as the browser would, in a window like `page`; true when it left the drawn map shown. */
function gateShows(page: Page, storage: 'works' | 'throws' = 'works'): boolean {
  const attributes = new Set<string>();
  runInNewContext(gateScript(LANG_STORAGE_KEY), {
    innerWidth: page.width,
    innerHeight: page.height,
    location: { hash: page.hash, search: page.search },
    localStorage: {
      getItem: (key: string) => {
        if (storage === 'throws') throw new Error('SecurityError');
        return key === LANG_STORAGE_KEY ? page.storedLang : null;
      },
    },
    document: { documentElement: { setAttribute: (name: string) => attributes.add(name) } },
  });
  return !attributes.has(FIRST_MAP_OFF);
}

const r = WINDOW_RANGE;
const inside: Page = { width: Math.round((r.minWidth + r.maxWidth) / 2), height: Math.round((r.minHeight + r.maxHeight) / 2), hash: '', search: '', storedLang: null };
const cases: [string, Page][] = [
  ['an empty link in a window of the range', inside],
  ['a bare "#"', { ...inside, hash: '#' }],
  ['a bare "?"', { ...inside, search: '?' }],
  ['the smallest window of the range', { ...inside, width: r.minWidth, height: r.minHeight }],
  ['the largest window of the range', { ...inside, width: r.maxWidth, height: r.maxHeight }],
  ['a link with its own view', { ...inside, hash: '#map=5/30/110' }],
  ['a link with a selection', { ...inside, hash: '#f=anything' }],
  ['a link with a language', { ...inside, hash: '#lang=zh' }],
  ['an embed', { ...inside, search: '?embed=1' }],
  ['Chinese remembered in this browser', { ...inside, storedLang: 'zh' }],
  ['English remembered in this browser', { ...inside, storedLang: 'en' }],
  ['a window one pixel too narrow', { ...inside, width: r.minWidth - 1 }],
  ['a window one pixel too low', { ...inside, height: r.minHeight - 1 }],
  ['a window one pixel too wide', { ...inside, width: r.maxWidth + 1 }],
  ['a window one pixel too high', { ...inside, height: r.maxHeight + 1 }],
  ['a phone', { ...inside, width: 390, height: 844 }],
];

describe('which pages show the drawn first map', () => {
  it.each(cases)('the gate in the page and the rule agree: %s', (_name, page) => {
    expect(gateShows(page)).toBe(showsFirstMap(page));
  });

  it('shows it only for an empty link, without Chinese remembered, in the window range', () => {
    const shown = cases.filter(([, p]) => showsFirstMap(p)).map(([name]) => name);
    expect(shown.sort()).toEqual(['a bare "#"', 'a bare "?"', 'an empty link in a window of the range', 'English remembered in this browser', 'the largest window of the range', 'the smallest window of the range'].sort());
  });

  it('still decides when the browser refuses storage (a sandboxed frame): shown as for no choice', () => {
    expect(gateShows(inside, 'throws')).toBe(true);
  });

  it('the range holds the reference map at its smallest and stays on the drawn canvas at its largest', () => {
    expect(r.minWidth).toBeGreaterThanOrEqual(REFERENCE_STAGE.width);
    expect(r.minHeight).toBeGreaterThanOrEqual(REFERENCE_STAGE.height);
    expect(r.maxWidth).toBeLessThanOrEqual(CANVAS.width + r.minWidth);
    expect(CANVAS.width).toBeGreaterThan(REFERENCE_STAGE.width);
    expect(CANVAS.height).toBeGreaterThan(REFERENCE_STAGE.height);
  });
});

describe('the view it shows', () => {
  const atlas = compileAtlas(readDataFiles(resolve(import.meta.dirname, '../../..'))).atlas!;

  it('every feature of the atlas is inside the reference map', () => {
    const boxes = atlas.features.map(featureBounds);
    const view = referenceView(unionBounds(boxes));
    for (const [w, s, e, n] of boxes) {
      for (const [lng, lat] of [
        [w, s],
        [e, n],
      ]) {
        const p = pixelOf(view, REFERENCE_STAGE.width, REFERENCE_STAGE.height, lng, lat);
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.x).toBeLessThanOrEqual(REFERENCE_STAGE.width);
        expect(p.y).toBeGreaterThanOrEqual(0);
        expect(p.y).toBeLessThanOrEqual(REFERENCE_STAGE.height);
      }
    }
  });

  it('the app reads back exactly the view the page was drawn in', () => {
    const view = referenceView(unionBounds(atlas.features.map(featureBounds)));
    expect(viewOfAttribute(viewAttribute(view))).toEqual(view);
  });

  it.each(['', '3/30', '3/30/110/1', 'a/30/110', '3//110', '3/95/110', '3/30/190', 'NaN/30/110'])('a view attribute that is not one is refused: %j', (value) => {
    expect(viewOfAttribute(value)).toBeNull();
  });
});

describe('the page it is written into', () => {
  const index = '<!doctype html><html><head><title>t</title></head><body><div id="app"></div><script type="module" src="./main.js"></script></body></html>';
  const view = { zoom: 2.5, lat: 30, lng: 100 };

  it('comes after #app, carries its view, and renames the ids the live app also has', () => {
    const html = withFirstMap(index, '<div class="app"><h2 id="about-title">About</h2><span data-x="id=&quot;a&quot;">x id="b"</span></div>', view);
    const drawn = /<div id="first-map"[^>]*>([\s\S]*?)<\/div>\s*<script>/.exec(html);
    expect(drawn).not.toBeNull();
    expect(html.indexOf('<div id="app"></div>')).toBeLessThan(html.indexOf('<div id="first-map"'));
    expect(viewOfAttribute(/data-view="([^"]*)"/.exec(html)![1])).toEqual(view);
    expect(drawn![1].match(/<[a-z][^>]*>/g)!.filter((tag) => /\sid="/.test(tag))).toEqual([]);
    expect(drawn![1]).toContain('data-id="about-title"');
    // Text is not an attribute: left as it is.
    expect(drawn![1]).toContain('x id="b"');
    expect(html).toMatch(/<div id="first-map" inert aria-hidden="true"/);
  });

  it('puts the gate in <head>, before the body can paint', () => {
    const html = withFirstMap(index, '<p>map</p>', view);
    expect(html.indexOf(gateScript(LANG_STORAGE_KEY))).toBeGreaterThan(-1);
    expect(html.indexOf(gateScript(LANG_STORAGE_KEY))).toBeLessThan(html.indexOf('</head>'));
    expect(html.indexOf(paintedScript())).toBeGreaterThan(html.indexOf('<div id="first-map"'));
  });

  it('refuses a page without an empty #app to draw after', () => {
    expect(() => withFirstMap('<html><head></head><body><main></main></body></html>', '<p>map</p>', view)).toThrow(/#app|id="app"/);
  });

  it("the page's policy names its two inline scripts by hash and allows no other inline script", () => {
    const html = withFirstMap(index, '<p>map</p>', view);
    const policy = pagePolicy(html);
    const scriptSrc = /script-src ([^;]*)/.exec(policy)![1].trim().split(/\s+/);
    expect(inlineScriptHashes(html)).toHaveLength(2);
    expect(scriptSrc.sort()).toEqual(["'self'", ...inlineScriptHashes(html)].sort());
    expect(scriptSrc).not.toContain("'unsafe-inline'");
  });

  it('a server reads back the policy the page carries, entities decoded', () => {
    const policy = "default-src 'self'; script-src 'self' 'sha256-abc+/='";
    const html = `<head><meta http-equiv="Content-Security-Policy" content="${policy.replace(/'/g, '&#39;')}"></head>`;
    expect(policyOfPage(html)).toBe(policy);
    expect(policyOfPage('<head></head>')).toBeNull();
  });
});
