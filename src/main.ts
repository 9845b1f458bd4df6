import './global.css';
import { mount, unmount } from 'svelte';
import atlasUrl from 'virtual:atlas';
import App from './components/App.svelte';
import EmbedApp from './components/EmbedApp.svelte';
import ErrorScreen from './components/ErrorScreen.svelte';
import { AppState } from './lib/appState.svelte.ts';
import { echo } from './lib/atlas/echo.ts';
import { loadAtlas } from './lib/atlas/loadAtlas.ts';
import { readerLang } from './lib/i18n/langChoice.ts';
import { parseEmbedConfig } from './lib/embed/protocol.ts';
import { FIRST_MAP_ID, FIRST_MAP_OFF, viewOfAttribute } from './lib/view/firstMap.ts';

const target = document.getElementById('app')!;
/**
 * The first map drawn into the page at build time (scripts/first-map-plugin.ts),
 * when its gate let it show: the app starts in its view, under it, and it goes
 * once the app's own map has painted (or the app stopped).
 */
const firstMap = document.getElementById(FIRST_MAP_ID);
const firstMapView = firstMap && !document.documentElement.hasAttribute(FIRST_MAP_OFF) ? viewOfAttribute(firstMap.dataset.view) : null;
const removeFirstMap = () => firstMap?.remove();
if (!firstMapView) removeFirstMap();
else {
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName('map-svg-painted').length === 0) return;
    observer.disconnect();
    removeFirstMap();
  }).observe({ type: 'mark', buffered: true });
}
let app: ReturnType<typeof mount> | null = null;
let crashed = false;

/**
 * Any uncaught error while the atlas starts or runs (a selection, a filter, an
 * effect) replaces the page with the error screen naming it: never a blank or
 * half-working page. Events without an Error object (ResizeObserver notices,
 * cross-origin "Script error.") and aborted fetches are not crashes.
 */
function showCrash(error: unknown): void {
  if (crashed) return;
  crashed = true;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error('Corridor Atlas stopped:', error);
  try {
    if (app) unmount(app);
  } catch {
    // The app is broken already; the error screen replaces whatever is left.
  }
  target.replaceChildren();
  removeFirstMap();
  mount(ErrorScreen, { target, props: { problem: { kind: 'crash', message: echo(message, 500) }, lang: readerLang(location.hash) } });
}
window.addEventListener('error', (e) => {
  if (e.error != null) showCrash(e.error);
});
window.addEventListener('unhandledrejection', (e) => {
  if (!(e.reason instanceof DOMException && e.reason.name === 'AbortError')) showCrash(e.reason);
});

// MapLibre loads (and its workers start) while the atlas is fetched and the SVG map paints; MapStage reports a failure.
import('./lib/map/workers.ts').then((m) => m.startMapWorkers(), () => undefined);
// The atlas is a separate JSON file: a truncated or hand-edited copy on a server shows an error screen, not a blank page.
const loaded = await loadAtlas(new URL(atlasUrl, document.baseURI).href, fetch);
if (loaded.ok) {
  try {
    const state = new AppState(loaded.atlas);
    state.applyHash(location.hash);
    if (firstMapView) state.view = firstMapView;
    const embed = parseEmbedConfig(location.search);
    app = embed.embed ? mount(EmbedApp, { target, props: { app: state, config: embed } }) : mount(App, { target, props: { app: state } });
  } catch (e) {
    showCrash(e);
  }
} else {
  console.warn('Corridor Atlas could not load its data:', loaded.problem);
  removeFirstMap();
  mount(ErrorScreen, { target, props: { problem: loaded.problem, url: loaded.url, lang: readerLang(location.hash) } });
}
