/**
 * The one MapLibre map, shared with components that need it (figure export,
 * fallbacks) through a typed Svelte context instead of a global.
 */
import type { Map as MlMap } from 'maplibre-gl';
import { getContext, setContext } from 'svelte';
import type { MapView } from '../atlas/urlState.ts';
import type { FrameView } from '../view/webMercator.ts';

export class MapHandle {
  /** Set by MapView once the map has loaded; null before and after. */
  map = $state.raw<MlMap | null>(null);
  /** The map's size in CSS pixels, reported by whichever renderer draws it (SVG map or MapLibre). */
  size = $state.raw<{ width: number; height: number } | null>(null);

  /** The reader's view in pixels, from the app's view and the map's size: the same for either renderer. */
  frame(view: MapView | null): FrameView | null {
    return view && this.size && this.size.width > 0 && this.size.height > 0 ? { ...view, ...this.size } : null;
  }
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
