/**
 * The server side of main.ts: the app's page for a reader with an empty link,
 * rendered at build time with Svelte's server renderer (scripts/first-map-plugin.ts
 * loads this module through Vite and writes the result into index.html). The
 * same components and the same state as in the browser; only what a browser
 * would fetch (the basemap) comes in the seed, and the view is the reference
 * view (lib/view/firstMap.ts).
 */
import { render } from 'svelte/server';
import App from './components/App.svelte';
import { AppState } from './lib/appState.svelte.ts';
import type { Atlas } from './lib/atlas/types.ts';
import { featureBounds, unionBounds } from './lib/map/renderData.ts';
import { CANVAS, FIRST_MAP_SEED, referenceView, windowRange, type FirstMapSeed, type WindowRange } from './lib/view/firstMap.ts';
import type { MapView } from './lib/atlas/urlState.ts';

/** The page's body, the view it shows, and the windows it may show in. */
export function renderFirstMap(atlas: Atlas, basemap: FirstMapSeed['basemap']): { html: string; view: MapView; range: WindowRange } {
  const app = new AppState(atlas);
  const box = atlas.features.length ? unionBounds(atlas.features.map(featureBounds)) : null;
  const view = referenceView(box);
  app.view = view;
  const seed: FirstMapSeed = { basemap, canvas: CANVAS };
  const { body } = render(App, { props: { app }, context: new Map([[FIRST_MAP_SEED, seed]]) });
  return { html: body, view, range: windowRange(box) };
}
