import { mount } from 'svelte';
import atlas from 'virtual:atlas';
import App from './components/App.svelte';
import { AppState } from './lib/appState.svelte.ts';

const app = new AppState(atlas);
app.applyHash(location.hash);
mount(App, { target: document.getElementById('app')!, props: { app } });
