import './global.css';
import { mount } from 'svelte';
import atlasUrl from 'virtual:atlas';
import App from './components/App.svelte';
import EmbedApp from './components/EmbedApp.svelte';
import ErrorScreen from './components/ErrorScreen.svelte';
import { AppState } from './lib/appState.svelte.ts';
import { loadAtlas } from './lib/atlas/loadAtlas.ts';
import { parseEmbedConfig } from './lib/embed/protocol.ts';
import { startMapWorkers } from './lib/map/workers.ts';

const target = document.getElementById('app')!;
startMapWorkers();
// The atlas is a separate JSON file: a truncated or hand-edited copy on a server shows an error screen, not a blank page.
const loaded = await loadAtlas(new URL(atlasUrl, document.baseURI).href, fetch);
if (loaded.ok) {
  const app = new AppState(loaded.atlas);
  app.applyHash(location.hash);
  const embed = parseEmbedConfig(location.search);
  if (embed.embed) mount(EmbedApp, { target, props: { app, config: embed } });
  else mount(App, { target, props: { app } });
} else {
  console.warn(`Corridor Atlas: ${loaded.summary}`, loaded.details);
  mount(ErrorScreen, { target, props: { failure: loaded } });
}
