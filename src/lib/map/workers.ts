/**
 * MapLibre's web workers, started as early as possible: main.ts calls this
 * before it even fetches the atlas, so the worker script loads and starts in
 * parallel with the data and the interface instead of after them.
 */
import { prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'virtual:maplibre-worker';

let started = false;

export function startMapWorkers(): void {
  if (started) return;
  started = true;
  setWorkerUrl(workerUrl);
  prewarm();
}
