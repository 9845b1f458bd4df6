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
  MAX_ZOOM_GAP,
  REFERENCE_STAGE,
  referenceView,
  showsFirstMap,
  viewAttribute,
  viewOfAttribute,
  windowRange,
  type WindowRange,
} from '../../../src/lib/view/firstMap.ts';
import { pixelOf } from '../../../src/lib/view/webMercator.ts';
import { firstView } from '../../../src/lib/view/viewRules.ts';
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

const atlas = compileAtlas(readDataFiles(resolve(import.meta.dirname, '../../..'))).atlas!;
const dataBox = unionBounds(atlas.features.map(featureBounds));
const r = windowRange(dataBox);

/** Runs the gate as the browser would, in a window like `page`; true when it left the drawn map shown. */
function gateShows(page: Page, range: WindowRange, storage: 'works' | 'throws' = 'works'): boolean {
  const attributes = new Set<string>();
  runInNewContext(gateScript(LANG_STORAGE_KEY, range), {
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

const inside: Page = { width: r.minWidth, height: r.minHeight, hash: '', search: '', storedLang: null };
const cases: [string, Page][] = [
  ['an empty link in a window of the range', inside],
  ['a bare "#"', { ...inside, hash: '#' }],
  ['a bare "?"', { ...inside, search: '?' }],
  ['the widest window the atlas allows', { ...inside, width: Math.min(r.fitWidth, r.maxWidth) }],
  ['the highest window the atlas allows', { ...inside, height: Math.min(r.fitHeight, r.maxHeight) }],
  ['a window too large for the atlas, both ways', { ...inside, width: Math.min(r.fitWidth, r.maxWidth) + 1, height: Math.min(r.fitHeight, r.maxHeight) + 1 }],
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
    expect(gateShows(page, r)).toBe(showsFirstMap(page, r));
  });

  it('shows it only for an empty link, without Chinese remembered, in the window range', () => {
    const shown = cases.filter(([, p]) => showsFirstMap(p, r)).map(([name]) => name);
    expect(shown.sort()).toEqual(
      ['a bare "#"', 'a bare "?"', 'an empty link in a window of the range', 'English remembered in this browser', 'the widest window the atlas allows', 'the highest window the atlas allows'].sort(),
    );
  });

  it('still decides when the browser refuses storage (a sandboxed frame): shown as for no choice', () => {
    expect(gateShows(inside, r, 'throws')).toBe(true);
  });

  it('the range holds the reference map at its smallest and stays on the drawn canvas at its largest', () => {
    expect(r.minWidth).toBeGreaterThanOrEqual(REFERENCE_STAGE.width);
    expect(r.minHeight).toBeGreaterThanOrEqual(REFERENCE_STAGE.height);
    expect(r.maxWidth).toBeLessThanOrEqual(CANVAS.width + r.minWidth);
    expect(CANVAS.width).toBeGreaterThan(REFERENCE_STAGE.width);
    expect(CANVAS.height).toBeGreaterThan(REFERENCE_STAGE.height);
  });

  it("in every window that shows it, the app's own fitted view would be at most MAX_ZOOM_GAP closer: the atlas never looks small", () => {
    const zoom = referenceView(dataBox).zoom;
    let shown = 0;
    for (let width = r.minWidth; width <= r.maxWidth; width += 40) {
      for (let height = r.minHeight; height <= r.maxHeight; height += 40) {
        if (!showsFirstMap({ width, height, hash: '', search: '', storedLang: null }, r)) continue;
        shown++;
        // The map area, with the chrome the layout has at its least (the largest map: the closest fit).
        const fitted = firstView(dataBox, width - 280, height - 120).zoom;
        expect(fitted - zoom, `${width}×${height}`).toBeLessThanOrEqual(MAX_ZOOM_GAP + 0.05);
      }
    }
    expect(shown).toBeGreaterThan(0);
  });

  it('an atlas of one point is shown at its zoom whatever the window: every window of the range', () => {
    const point = windowRange([104, 30, 104, 30]);
    expect(point.fitWidth).toBe(point.maxWidth);
    expect(point.fitHeight).toBe(point.maxHeight);
    const empty = windowRange(null);
    expect(empty.fitWidth).toBe(empty.maxWidth);
  });
});

describe('the view it shows', () => {

  it('every feature of the atlas is inside the reference map', () => {
    const boxes = atlas.features.map(featureBounds);
    const view = referenceView(dataBox);
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
    const view = referenceView(dataBox);
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
    const html = withFirstMap(index, '<div class="app"><h2 id="about-title">About</h2><span data-x="id=&quot;a&quot;">x id="b"</span></div>', view, r);
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
    const html = withFirstMap(index, '<p>map</p>', view, r);
    expect(html.indexOf(gateScript(LANG_STORAGE_KEY, r))).toBeGreaterThan(-1);
    expect(html.indexOf(gateScript(LANG_STORAGE_KEY, r))).toBeLessThan(html.indexOf('</head>'));
    expect(html.indexOf(paintedScript())).toBeGreaterThan(html.indexOf('<div id="first-map"'));
  });

  it('refuses a page without an empty #app to draw after', () => {
    expect(() => withFirstMap('<html><head></head><body><main></main></body></html>', '<p>map</p>', view, r)).toThrow(/#app|id="app"/);
  });

  it("the page's policy names its two inline scripts by hash and allows no other inline script", () => {
    const html = withFirstMap(index, '<p>map</p>', view, r);
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
