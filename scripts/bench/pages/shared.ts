/** What both comparison pages share: the view from `#map=z/lat/lng`, colours, and a minimal source panel. */
import { MODE_COLORS } from '../../../src/lib/cartography/palette.ts';

export const FEATURES_URL = new URL('bench-data/features.geojson', document.baseURI).href;

export function viewFromHash(): { zoom: number; lat: number; lng: number } {
  const m = /map=([\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(location.hash);
  return m ? { zoom: +m[1], lat: +m[2], lng: +m[3] } : { zoom: 4, lat: 30.5, lng: 108.5 };
}

export const colour = (mode: string) => MODE_COLORS[mode as keyof typeof MODE_COLORS] ?? '#334155';

/** Show a clicked feature the way the app's panel would: id on the aside, name and description as text. */
export function showFeature(id: string, props: { name?: string; description?: string }): void {
  const aside = document.querySelector('aside')!;
  aside.hidden = false;
  aside.dataset.featureId = id;
  aside.replaceChildren(Object.assign(document.createElement('h2'), { textContent: props.name ?? id }), Object.assign(document.createElement('p'), { textContent: props.description ?? '' }));
}

/** Two frames after the map is complete, as the app marks it: the frame that shows it has been drawn. */
export const firstRendered = () => requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('map-first-idle')));
/** The first frame with the features drawn on the land (labels may still be coming). */
export const firstMeaningful = () => performance.mark('map-first-meaningful');
