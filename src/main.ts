import './global.css';
import { mount, unmount } from 'svelte';
import atlasUrl from 'virtual:atlas';
import App from './components/App.svelte';
import EmbedApp from './components/EmbedApp.svelte';
import ErrorScreen from './components/ErrorScreen.svelte';
import { AppState } from './lib/appState.svelte.ts';
import { echo } from './lib/atlas/echo.ts';
import { loadAtlas } from './lib/atlas/loadAtlas.ts';
import { parseEmbedConfig } from './lib/embed/protocol.ts';

const target = document.getElementById('app')!;
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
  mount(ErrorScreen, {
    target,
    props: { failure: { title: 'Corridor Atlas stopped', summary: 'Corridor Atlas stopped because of an unexpected error.', details: [echo(message, 500)] } },
  });
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
    const embed = parseEmbedConfig(location.search);
    app = embed.embed ? mount(EmbedApp, { target, props: { app: state, config: embed } }) : mount(App, { target, props: { app: state } });
  } catch (e) {
    showCrash(e);
  }
} else {
  console.warn(`Corridor Atlas: ${loaded.summary}`, loaded.details);
  mount(ErrorScreen, { target, props: { failure: loaded } });
}
