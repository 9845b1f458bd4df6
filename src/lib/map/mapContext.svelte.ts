/**
 * The one MapLibre map, shared with components that need it (figure export,
 * fallbacks) through a typed Svelte context instead of a global.
 */
import type { Map as MlMap } from 'maplibre-gl';
import { getContext, setContext } from 'svelte';

export class MapHandle {
  /** Set by MapView once the map has loaded; null before and after. */
  map = $state.raw<MlMap | null>(null);
}

const KEY = Symbol('corridor-atlas-map');

export function prepareMapContext(): MapHandle {
  return setContext(KEY, new MapHandle());
}

export function getMapContext(): MapHandle {
  const handle = getContext<MapHandle | undefined>(KEY);
  if (!handle) throw new Error('getMapContext() needs prepareMapContext() in an ancestor component (App).');
  return handle;
}
