/**
 * Where the benchmark's pages start. The app opens from an empty link, as a
 * new reader's does, so it shows the first map drawn into its index.html when
 * the window is one that shows it. The comparison pages open at the view that
 * drawn map carries, so all three draw the same map. A build without a drawn
 * map starts all three at FALLBACK_START, the app included.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MapView } from '../../src/lib/atlas/urlState.ts';
import { FIRST_MAP_ID, viewOfAttribute } from '../../src/lib/view/firstMap.ts';

export const FALLBACK_START: MapView = { zoom: 4, lat: 30.5, lng: 108.5 };

export const hashOf = (v: MapView) => `#map=${v.zoom}/${v.lat}/${v.lng}`;

/** The view of the drawn first map in the app's built index.html, or null when it has none. */
export function drawnFirstView(appDir: string): MapView | null {
  const file = resolve(appDir, 'index.html');
  if (!existsSync(file)) return null;
  const tag = readFileSync(file, 'utf8').match(new RegExp(`<div id="${FIRST_MAP_ID}"[^>]*>`))?.[0];
  return viewOfAttribute(tag?.match(/data-view="([^"]*)"/)?.[1]);
}

/** The hash each kind of page is opened with: the app's empty when it has a drawn first map. */
export function startHashes(appDir: string): { app: string; pages: string } {
  const drawn = drawnFirstView(appDir);
  return drawn ? { app: '', pages: hashOf(drawn) } : { app: hashOf(FALLBACK_START), pages: hashOf(FALLBACK_START) };
}
