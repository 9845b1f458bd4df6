/**
 * The first map, drawn at build time (scripts/first-map-plugin.ts): the app's
 * own page, rendered with Svelte's server renderer into index.html, so the
 * map is on screen as soon as the page is parsed, before any script runs.
 * The app then starts under it in the same view and replaces it when its own
 * SVG map has painted.
 *
 * A page drawn ahead of time cannot know the reader's screen, so its view is
 * the atlas fitted to a reference map size (REFERENCE_STAGE), drawn over a
 * larger canvas (CANVAS) centred on the map: any map between the two shows
 * exactly that view, unscaled, as long as the atlas fitted to it would not be
 * much closer (MAX_ZOOM_GAP). A smaller or larger screen, a phone layout, a
 * link with its own view, filters or language, a remembered Chinese choice or
 * an embed draws as before, from the app (the gate below decides, before the
 * page paints).
 */
import type { FeatureCollection } from 'geojson';
import type { MapView } from '../atlas/urlState.ts';
import { firstView, FIRST_VIEW_PADDING, FRAME_MAX_ZOOM, type Box } from './viewRules.ts';
import { worldPixel } from './webMercator.ts';

/** The map's size (CSS pixels) the first view is fitted to: the map area of a 1200×700 window in the desktop layout. */
export const REFERENCE_STAGE = { width: 920, height: 560 };
/** The drawn canvas: a map up to this size shows only drawn map (no edge of the drawing). */
export const CANVAS = { width: 1800, height: 1100 };
/** Points of the basemap closer than this (pixels) to the last one drawn are left out of the drawn page. */
export const SEED_MIN_STEP_PX = 1.5;
/**
 * How many zoom levels closer the app's own first view (the atlas fitted to
 * the reader's map) may be than the drawn one: on a larger map the drawn
 * view would leave the atlas small in the middle, so such a window gets the
 * app's view instead.
 */
export const MAX_ZOOM_GAP = 0.35;
/** The desktop layout's chrome around the map: the sidebar's width, and the header and timeline's heights (least, usual, most). */
const CHROME = { width: 280, minHeight: 120, height: 130, maxHeight: 140 };
/** The window the build renders the drawn page in: the reference map with the desktop layout's chrome around it. */
export const REFERENCE_WINDOW = { width: REFERENCE_STAGE.width + CHROME.width, height: REFERENCE_STAGE.height + CHROME.maxHeight };
/** The narrowest window with the desktop layout (App.svelte switches to the phone layout below it). */
const DESKTOP_MIN_WIDTH = 700;

/**
 * The window sizes (CSS pixels) that show the drawn first map: the map area
 * holds the reference map and stays on the canvas, and the window is at most
 * `fitWidth` wide or at most `fitHeight` high (the atlas, fitted, would be at
 * most MAX_ZOOM_GAP closer).
 */
export interface WindowRange {
  minWidth: number;
  minHeight: number;
  maxWidth: number;
  maxHeight: number;
  fitWidth: number;
  fitHeight: number;
}

/** The view the drawn first map shows (and the app then keeps): the atlas's box fitted to the reference map. */
export function referenceView(dataBox: Box | null): MapView {
  return firstView(dataBox, REFERENCE_STAGE.width, REFERENCE_STAGE.height);
}

export function windowRange(dataBox: Box | null): WindowRange {
  const bounds = {
    minWidth: Math.max(DESKTOP_MIN_WIDTH, REFERENCE_STAGE.width + CHROME.width),
    minHeight: REFERENCE_STAGE.height + CHROME.maxHeight,
    maxWidth: CANVAS.width + CHROME.width,
    maxHeight: CANVAS.height + CHROME.minHeight,
  };
  const view = referenceView(dataBox);
  // A view that no map size changes (nothing to fit, or fitted at the closest zoom): any window in the range.
  if (!dataBox || view.zoom >= FRAME_MAX_ZOOM) return { ...bounds, fitWidth: bounds.maxWidth, fitHeight: bounds.maxHeight };
  const [w, s, e, n] = dataBox;
  const [x0, y0] = worldPixel(w, n, 0);
  const [x1, y1] = worldPixel(e, s, 0);
  const k = 2 ** (view.zoom + MAX_ZOOM_GAP);
  return {
    ...bounds,
    fitWidth: Math.floor(CHROME.width + 2 * FIRST_VIEW_PADDING + (x1 - x0) * k),
    fitHeight: Math.floor(CHROME.height + 2 * FIRST_VIEW_PADDING + (y1 - y0) * k),
  };
}

/** Whether a page opened with this window, link and remembered language shows the drawn first map. */
export function showsFirstMap(page: { width: number; height: number; hash: string; search: string; storedLang: string | null }, r: WindowRange): boolean {
  return (
    page.hash.replace(/^#/, '') === '' &&
    page.search.replace(/^\?/, '') === '' &&
    page.storedLang !== 'zh' &&
    page.width >= r.minWidth &&
    page.height >= r.minHeight &&
    page.width <= r.maxWidth &&
    page.height <= r.maxHeight &&
    (page.width <= r.fitWidth || page.height <= r.fitHeight)
  );
}

/** The attribute on <html> that hides the drawn first map (the gate sets it; the page's style reads it). */
export const FIRST_MAP_OFF = 'data-first-map-off';
/** The element that holds the drawn first map. */
export const FIRST_MAP_ID = 'first-map';

/**
 * The gate, an inline script in <head>: runs before the body is parsed, so a
 * page that will not show the drawn map never paints it. Same rule as
 * `showsFirstMap` (tests/unit/firstMap.test.ts runs both).
 */
export function gateScript(storageKey: string, r: WindowRange): string {
  return [
    '(function () {',
    '  var lang = null;',
    `  try { lang = localStorage.getItem(${JSON.stringify(storageKey)}); } catch (e) {}`,
    "  var w = innerWidth, h = innerHeight, hash = location.hash.replace(/^#/, ''), search = location.search.replace(/^\\?/, '');",
    `  if (hash !== '' || search !== '' || lang === 'zh' || w < ${r.minWidth} || h < ${r.minHeight} || w > ${r.maxWidth} || h > ${r.maxHeight} || (w > ${r.fitWidth} && h > ${r.fitHeight})) {`,
    `    document.documentElement.setAttribute(${JSON.stringify(FIRST_MAP_OFF)}, '');`,
    '  }',
    '})();',
  ].join('\n');
}

/**
 * After the drawn map's last element: the frame that first shows it is the
 * benchmark's "first meaningful map". That is the page's first contentful
 * paint when it comes after this point (the whole map was parsed by then);
 * when the browser painted the top of the page earlier, it is the frame
 * after next (the one the map is drawn in, then the one it is on screen).
 */
export function paintedScript(): string {
  return [
    `if (!document.documentElement.hasAttribute(${JSON.stringify(FIRST_MAP_OFF)})) (function () {`,
    '  var parsed = performance.now();',
    "  var name = 'map-first-meaningful';",
    '  var mark = function (t) { if (!performance.getEntriesByName(name).length) performance.mark(name, { startTime: t }); };',
    '  new PerformanceObserver(function (list, observer) {',
    "    var fcp = list.getEntriesByName('first-contentful-paint')[0];",
    '    if (!fcp) return;',
    '    observer.disconnect();',
    '    if (fcp.startTime >= parsed) mark(fcp.startTime);',
    '    else requestAnimationFrame(function () { requestAnimationFrame(function () { mark(performance.now()); }); });',
    "  }).observe({ type: 'paint', buffered: true });",
    '})();',
  ].join('\n');
}

/** The page's style for the drawn map: over the app until the app's map has painted; gone when the gate says so. */
export function firstMapStyle(): string {
  return `#${FIRST_MAP_ID} { position: fixed; inset: 0; z-index: 2147483000; background: #fff; } html[${FIRST_MAP_OFF}] #${FIRST_MAP_ID} { display: none; }`;
}

/** What the server render of the first map needs that a browser would have fetched or measured. */
export interface FirstMapSeed {
  basemap: Record<string, FeatureCollection>;
  /** The canvas the SVG map draws on, centred on the map. */
  canvas: { width: number; height: number };
}

/** Svelte context key under which the server render passes the seed to the SVG map. */
export const FIRST_MAP_SEED = Symbol('first-map-seed');

/** The drawn map's view as its element carries it ("zoom/lat/lng"), or null when the attribute is not one. */
export function viewOfAttribute(value: string | undefined | null): MapView | null {
  const parts = (value ?? '').split('/');
  if (parts.length !== 3 || parts.some((p) => p.trim() === '')) return null;
  const [zoom, lat, lng] = parts.map(Number);
  return [zoom, lat, lng].every(Number.isFinite) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { zoom, lat, lng } : null;
}

/** The attribute value for `view` (what `viewOfAttribute` reads back). */
export const viewAttribute = (view: MapView): string => `${view.zoom}/${view.lat}/${view.lng}`;
