/**
 * Where the MapLibre map is made: `new Map(…)`, its controls and symbol
 * images. With the rest of `src/lib/map/`, the only code that imports
 * `maplibre-gl`; components get an `AtlasMap` and call functions from here.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { AttributionControl, GPUInitializationError, Map as MlMap, NavigationControl, ScaleControl, type GeoJSONSource, type StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { MapView } from '../atlas/urlState.ts';
import { MAX_ZOOM, MIN_ZOOM } from '../view/viewRules.ts';
import { labelText } from './expressions.ts';
import { iconImage, placeDotImage } from './icons.ts';
import { scaleBarMeaningful } from './scaleRule.ts';
import { POINT_KINDS } from '../cartography/symbols.ts';
import { ATLAS_SOURCE, basemapLabelText, LABEL_LAYERS, LABEL_SOURCE, PLACE_DOT, POINT_LAYER, pointLabelText } from './style.ts';

/** The map as the rest of the app knows it. */
export type AtlasMap = MlMap;

export const MAP_ATTRIBUTION = 'Basemap: Natural Earth (public domain) · Texts: see each source';

/** The map could not start; `noWebGL` when the browser gave MapLibre no WebGL2 context. */
export class MapStartError extends Error {
  constructor(
    message: string,
    readonly noWebGL: boolean,
  ) {
    super(message);
  }
}

/**
 * A MapLibre map in `container` showing `view`, with zoom buttons, a scale, the
 * attribution and the point symbols. Throws MapStartError when it cannot start.
 * MapLibre's own context creation is the WebGL check: a separate probe context
 * costs ~300 ms in software GL.
 */
export function createAtlasMap(container: HTMLElement, style: StyleSpecification, view: MapView): AtlasMap {
  let map: MlMap;
  try {
    map = new MlMap({
      container,
      style,
      center: [view.lng, view.lat],
      zoom: view.zoom,
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
      // Room for figures at 3× on wide screens (the default 4096 would lower the export's pixel ratio).
      maxCanvasSize: [8192, 8192],
      dragRotate: false,
      pitchWithRotate: false,
    });
  } catch (e) {
    throw new MapStartError(`The map could not start: ${(e as Error).message}`, e instanceof GPUInitializationError);
  }
  // The browser tests' hook (queryRenderedFeatures, layers): on the element, not a global.
  (container as HTMLElement & { atlasMap?: MlMap }).atlasMap = map;
  map.touchZoomRotate.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  // A scale bar only where one scale holds across the view (scaleRule.ts): no "1000 km" at world zoom.
  const showScale = () => {
    const bar = container.querySelector<HTMLElement>('.maplibregl-ctrl-scale');
    const b = map.getBounds();
    if (bar) bar.style.display = scaleBarMeaningful(b.getSouth(), b.getNorth()) ? '' : 'none';
  };
  map.on('move', showScale);
  map.on('resize', showScale);
  map.once('load', showScale);
  attributions.set(map, addAttribution(map, MAP_ATTRIBUTION));
  addMapImages(map);
  return map;
}

/** The atlas's point symbols and the basemap's place dot, drawn on a canvas (no sprite sheet to fetch). */
export function addMapImages(map: MlMap): void {
  const ratio = Math.max(1, Math.ceil(window.devicePixelRatio || 1));
  for (const kind of POINT_KINDS) map.addImage(`icon-${kind}`, iconImage(kind, ratio), { pixelRatio: ratio });
  map.addImage(PLACE_DOT, placeDotImage(ratio), { pixelRatio: ratio });
}

/** Every label in the reader's language: the atlas's names and the basemap's place, river and country names. */
export function setMapLabelLanguage(map: AtlasMap, lang: 'en' | 'zh', pointCount: number): void {
  for (const id of LABEL_LAYERS) if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', id === POINT_LAYER ? pointLabelText(lang, pointCount) : labelText(lang));
  for (const [id, text] of Object.entries(basemapLabelText(lang))) if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', text);
}

const attributions = new WeakMap<AtlasMap, AttributionControl>();

/**
 * The attribution, folded to an (i) button on maps narrower than 640 px
 * (MapLibre's default), so it never runs under the scale bar. MapLibre shows a
 * folded attribution open until the first drag, over whatever the reader taps
 * first on a phone: it starts folded here.
 */
function addAttribution(map: MlMap, text: string): AttributionControl {
  const control = new AttributionControl({ customAttribution: text });
  map.addControl(control, 'bottom-right');
  map.getContainer().querySelector('.maplibregl-ctrl-attrib.maplibregl-compact')?.classList.remove('maplibregl-compact-show');
  return control;
}

/** The map's own words in the reader's language: the attribution line, the zoom and attribution buttons' names, the canvas's name. */
export interface MapWords {
  mapAttribution: string;
  zoomIn: string;
  zoomOut: string;
  toggleAttribution: string;
  mapCanvas: string;
}

/**
 * Put the map's controls into the reader's language. MapLibre fixes its UI
 * strings when a control is added, so the attribution control is replaced
 * with one carrying the new text, and the zoom buttons are renamed in place.
 */
export function setMapLanguage(map: AtlasMap, words: MapWords): void {
  const old = attributions.get(map);
  if (old && old.options.customAttribution !== words.mapAttribution) {
    map.removeControl(old);
    attributions.set(map, addAttribution(map, words.mapAttribution));
  }
  for (const [selector, name] of [
    ['.maplibregl-ctrl-zoom-in', words.zoomIn],
    ['.maplibregl-ctrl-zoom-out', words.zoomOut],
    ['.maplibregl-ctrl-attrib-button', words.toggleAttribution],
  ] as const) {
    const button = map.getContainer().querySelector<HTMLButtonElement>(selector);
    if (!button) continue;
    button.title = name;
    button.setAttribute('aria-label', name);
  }
  map.getCanvas().setAttribute('aria-label', words.mapCanvas);
}

/** Replace what the atlas source holds (feature-state survives: ids are stable). */
export function setAtlasData(map: AtlasMap, data: FeatureCollection): void {
  (map.getSource(ATLAS_SOURCE) as GeoJSONSource | undefined)?.setData(data);
}

/** Replace the labels placed by the label pass (labelSource.ts). */
export function setLabelData(map: AtlasMap, data: FeatureCollection): void {
  (map.getSource(LABEL_SOURCE) as GeoJSONSource | undefined)?.setData(data);
}

/**
 * Call `done` once, on the first frame that shows the atlas's features on the
 * land (labels may still be placing): the benchmark's "first meaningful map".
 */
export function onFirstMeaningfulPaint(map: AtlasMap, done: () => void, sources: readonly string[] = [ATLAS_SOURCE, 'land']): void {
  const check = () => {
    if (!sources.every((id) => map.getSource(id) && map.isSourceLoaded(id))) return;
    map.off('render', check);
    done();
  };
  map.on('render', check);
}
