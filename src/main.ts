import { mount } from 'svelte';
import atlas from 'virtual:atlas';
import App from './components/App.svelte';
import EmbedApp from './components/EmbedApp.svelte';
import { AppState } from './lib/appState.svelte.ts';
import { parseEmbedConfig } from './lib/embed/protocol.ts';

const app = new AppState(atlas);
app.applyHash(location.hash);
const embed = parseEmbedConfig(location.search);
const target = document.getElementById('app')!;
if (embed.embed) mount(EmbedApp, { target, props: { app, config: embed } });
else mount(App, { target, props: { app } });
