/**
 * The map style as data: a bundled Natural Earth basemap and the atlas layers.
 * No `glyphs` URL: MapLibre draws labels with local fonts, so nothing is
 * fetched from outside the page's origin.
 */
import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { byInteraction, colorByMode, isSchematic, isLine, isPoint, isPolygon, labelText, laneOffset } from './expressions.ts';
import { APPROXIMATE_RING, BASEMAP_COLORS } from './palette.ts';

export const ATLAS_SOURCE = 'atlas';
export const FONT_STACK = ['Noto Sans', 'Noto Sans CJK SC', 'sans-serif'];

/** Layers whose text follows the reader's language. */
export const LABEL_LAYERS = ['atlas-points', 'atlas-line-labels'] as const;

export const ZONE_FILL_LAYER = 'atlas-zones-fill';
/** The point symbols (ports, airports, hubs …). */
export const POINT_LAYER = 'atlas-points';

/** Layers a click or hover can hit, in drawing order. */
export const INTERACTIVE_LAYERS = [ZONE_FILL_LAYER, 'atlas-lines-surveyed', 'atlas-lines-schematic', POINT_LAYER] as const;

/**
 * Above this many point features, point labels keep one anchor (right of the
 * symbol). Variable anchors place more labels in crowded clusters, but MapLibre
 * re-positions every variable-anchor label on the CPU each frame: at 10,000
 * points that was ~1.8 s of a first render and most of each pan frame.
 */
export const VARIABLE_ANCHOR_LIMIT = 1000;

export function pointLabelPlacement(pointCount: number) {
  return pointCount <= VARIABLE_ANCHOR_LIMIT
    ? { 'text-variable-anchor': ['left', 'right', 'top', 'bottom'] as ('left' | 'right' | 'top' | 'bottom')[], 'text-radial-offset': 0.9, 'text-justify': 'auto' as const }
    : { 'text-anchor': 'left' as const, 'text-offset': [0.9, 0] as [number, number], 'text-justify': 'left' as const };
}

/**
 * Above VARIABLE_ANCHOR_LIMIT points, the atlas's point labels start at this
 * zoom, as on the SVG map: lower down thousands of labels collide into a few
 * readable ones while MapLibre still places every one of them each frame.
 */
export const MANY_POINTS_LABEL_ZOOM = 6;

/** The point label's text: the name in the reader's language; for a large atlas, only from MANY_POINTS_LABEL_ZOOM. */
export function pointLabelText(lang: 'en' | 'zh', pointCount: number): ExpressionSpecification {
  return pointCount <= VARIABLE_ANCHOR_LIMIT ? labelText(lang) : ['step', ['zoom'], '', MANY_POINTS_LABEL_ZOOM, labelText(lang)];
}

export function atlasLayers(lang: 'en' | 'zh' = 'en', pointCount = 0): LayerSpecification[] {
  const lineBase = {
    type: 'line' as const,
    source: ATLAS_SOURCE,
    layout: { 'line-join': 'round' as const, 'line-cap': 'round' as const },
  };
  return [
    {
      id: ZONE_FILL_LAYER,
      type: 'fill',
      source: ATLAS_SOURCE,
      filter: isPolygon,
      paint: { 'fill-color': colorByMode(), 'fill-opacity': byInteraction(0.1, 0.2, 0.26) },
    },
    {
      id: 'atlas-zones-outline',
      type: 'line',
      source: ATLAS_SOURCE,
      filter: isPolygon,
      paint: { 'line-color': colorByMode(), 'line-width': byInteraction(1, 2, 2.5), 'line-dasharray': [3, 2] },
    },
    {
      ...lineBase,
      id: 'atlas-lines-halo',
      filter: isLine,
      paint: {
        'line-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#facc15', '#ffffff'],
        'line-width': byInteraction(0, 8, 13),
        'line-opacity': 0.9,
        'line-blur': 1,
        'line-offset': laneOffset(),
      },
    },
    {
      ...lineBase,
      id: 'atlas-lines-surveyed',
      filter: ['all', isLine, isSchematic(false)],
      paint: { 'line-color': colorByMode(), 'line-width': byInteraction(2.5, 4, 5), 'line-offset': laneOffset() },
    },
    {
      ...lineBase,
      id: 'atlas-lines-schematic',
      filter: ['all', isLine, isSchematic(true)],
      layout: { 'line-join': 'round', 'line-cap': 'butt' },
      paint: { 'line-color': colorByMode(), 'line-width': byInteraction(2, 3.5, 4.5), 'line-dasharray': [2.5, 1.8], 'line-offset': laneOffset() },
    },
    {
      // Approximate points sit inside a soft ring: the place is within about 10 km, not exactly here.
      id: 'atlas-points-approximate',
      type: 'circle',
      source: ATLAS_SOURCE,
      filter: ['all', isPoint, ['==', ['get', 'basis'], 'approximate']],
      paint: {
        'circle-radius': 13,
        'circle-color': APPROXIMATE_RING.fill,
        'circle-opacity': 0.45,
        'circle-stroke-color': APPROXIMATE_RING.stroke,
        'circle-stroke-width': 1.2,
        'circle-stroke-opacity': 0.9,
      },
    },
    {
      id: 'atlas-points-halo',
      type: 'circle',
      source: ATLAS_SOURCE,
      filter: isPoint,
      paint: {
        'circle-radius': byInteraction(0, 13, 15),
        'circle-color': '#facc15',
        'circle-opacity': 0.55,
        'circle-stroke-color': '#854d0e',
        'circle-stroke-width': byInteraction(0, 1, 2),
      },
    },
    {
      id: POINT_LAYER,
      type: 'symbol',
      source: ATLAS_SOURCE,
      filter: isPoint,
      layout: {
        'icon-image': ['concat', 'icon-', ['get', 'kind']],
        'icon-size': 1,
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'text-field': pointLabelText(lang, pointCount),
        'text-font': FONT_STACK,
        'text-size': 12,
        'text-optional': true,
        ...pointLabelPlacement(pointCount),
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: {
        'text-color': BASEMAP_COLORS.label,
        'text-halo-color': BASEMAP_COLORS.halo,
        'text-halo-width': 1.5,
      },
    },
    {
      id: 'atlas-line-labels',
      type: 'symbol',
      source: ATLAS_SOURCE,
      filter: isLine,
      minzoom: 5,
      layout: {
        'symbol-placement': 'line',
        'text-field': labelText(lang),
        'text-font': FONT_STACK,
        'text-size': 11,
        'symbol-spacing': 400,
      },
      paint: { 'text-color': colorByMode(), 'text-halo-color': BASEMAP_COLORS.halo, 'text-halo-width': 1.5 },
    },
  ];
}

/** The bundled basemap layers: absolute same-origin URLs, or the GeoJSON itself (single-file build). */
export interface BasemapUrls {
  land: string | FeatureCollection;
  borders: string | FeatureCollection;
  lakes: string | FeatureCollection;
  rivers: string | FeatureCollection;
  'country-labels': string | FeatureCollection;
  places: string | FeatureCollection;
}

/** The basemap's GeoJSON sources (the app and the benchmark's floor page use the same). */
export function basemapSources(basemap: BasemapUrls): Record<string, GeoJSONSourceSpecification> {
  return {
    land: { type: 'geojson', data: basemap.land, maxzoom: 8, tolerance: 0.5 },
    borders: { type: 'geojson', data: basemap.borders, maxzoom: 8 },
    lakes: { type: 'geojson', data: basemap.lakes, maxzoom: 8, tolerance: 0.5 },
    rivers: { type: 'geojson', data: basemap.rivers, maxzoom: 10 },
    'country-labels': { type: 'geojson', data: basemap['country-labels'] },
    // Every place has its first zoom by 9 (basemapPlaces.ts): deeper tiles would only repeat them.
    places: { type: 'geojson', data: basemap.places, maxzoom: 10 },
  };
}

/** Shown from its first zoom (`z`, see basemapPlaces.ts). Filters see the tile's whole zoom, so `z` 4.6 appears at zoom 5. */
const fromItsZoom: ExpressionSpecification = ['<=', ['get', 'z'], ['zoom']];

export const PLACE_LABELS = 'place-labels';
export const RIVER_LABELS = 'river-labels';
export const COUNTRY_LABELS = 'country-labels';
/** Image name of the place dot (drawn by icons.ts). */
export const PLACE_DOT = 'place-dot';

/** Text of each basemap label layer in a language (Chinese falls back to English where a name has none). */
export function basemapLabelText(lang: 'en' | 'zh'): Record<typeof PLACE_LABELS | typeof RIVER_LABELS | typeof COUNTRY_LABELS, ExpressionSpecification> {
  const either = (en: string, zh: string): ExpressionSpecification => (lang === 'zh' ? ['case', ['!=', ['get', zh], ''], ['get', zh], ['get', en]] : ['get', en]);
  return {
    [PLACE_LABELS]: either('name', 'name_zh'),
    [RIVER_LABELS]: either('label', 'label_zh'),
    [COUNTRY_LABELS]: lang === 'zh' ? either('name', 'name_zh') : ['upcase', ['get', 'name']],
  };
}

/**
 * Place, river and country names. They sit under the atlas's symbols in the
 * layer order, so MapLibre places the atlas's labels first and a basemap name
 * that would collide with one is left out; places beat rivers, countries beat
 * places.
 */
export function basemapLabelLayers(lang: 'en' | 'zh' = 'en'): LayerSpecification[] {
  const text = basemapLabelText(lang);
  return [
    {
      id: RIVER_LABELS,
      type: 'symbol',
      source: 'rivers',
      minzoom: 5,
      filter: ['!=', ['get', 'label'], ''],
      layout: {
        'symbol-placement': 'line',
        'text-field': text[RIVER_LABELS],
        'text-font': FONT_STACK,
        'text-size': ['interpolate', ['linear'], ['zoom'], 5, 11, 10, 13],
        'text-letter-spacing': 0.08,
        'symbol-spacing': 250,
        // The rivers meander: a stricter angle finds no room for a name on them.
        'text-max-angle': 60,
      },
      paint: { 'text-color': BASEMAP_COLORS.riverLabel, 'text-halo-color': BASEMAP_COLORS.land, 'text-halo-width': 1.2 },
    },
    {
      id: PLACE_LABELS,
      type: 'symbol',
      source: 'places',
      filter: fromItsZoom,
      layout: {
        'icon-image': PLACE_DOT,
        'icon-size': ['match', ['get', 'tier'], 0, 1, 1, 0.85, 0.7],
        'text-field': text[PLACE_LABELS],
        'text-font': FONT_STACK,
        'text-size': ['match', ['get', 'tier'], 0, 13, 1, 12, 11],
        'text-anchor': 'left',
        'text-offset': [0.5, 0],
        'text-padding': 3,
        // Dot and name together or not at all: a dot without its name is noise.
        'text-optional': false,
        'icon-optional': false,
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: {
        'text-color': ['match', ['get', 'tier'], 2, BASEMAP_COLORS.placeLabel, BASEMAP_COLORS.capitalLabel],
        'text-halo-color': BASEMAP_COLORS.land,
        'text-halo-width': 1.2,
      },
    },
    {
      id: COUNTRY_LABELS,
      type: 'symbol',
      source: 'country-labels',
      // Big countries first; small ones appear as the reader zooms in.
      filter: ['>=', ['get', 'area_km2'], ['step', ['zoom'], 1000000, 3, 250000, 4, 60000, 5, 15000, 6, 2000]],
      layout: {
        'text-field': text[COUNTRY_LABELS],
        'text-font': FONT_STACK,
        'text-size': ['interpolate', ['linear'], ['zoom'], 2, 10, 6, 13],
        'text-letter-spacing': 0.12,
        'text-max-width': 8,
        'symbol-sort-key': ['-', 0, ['get', 'area_km2']],
      },
      paint: { 'text-color': BASEMAP_COLORS.countryLabel, 'text-halo-color': BASEMAP_COLORS.land, 'text-halo-width': 1.2 },
    },
  ];
}

/** Land, water, rivers and borders: everything of the basemap that is not a label. */
export function basemapLayers(): LayerSpecification[] {
  return [
    { id: 'water', type: 'background', paint: { 'background-color': BASEMAP_COLORS.water } },
    { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': BASEMAP_COLORS.land } },
    { id: 'lakes', type: 'fill', source: 'lakes', filter: fromItsZoom, paint: { 'fill-color': BASEMAP_COLORS.water, 'fill-outline-color': BASEMAP_COLORS.river } },
    {
      id: 'rivers',
      type: 'line',
      source: 'rivers',
      paint: {
        'line-color': BASEMAP_COLORS.river,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, ['case', ['<=', ['get', 'scalerank'], 2], 1, 0.4], 8, ['case', ['<=', ['get', 'scalerank'], 2], 2.5, 1.2]],
      },
    },
    { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': BASEMAP_COLORS.border, 'line-width': 0.8 } },
  ];
}

/**
 * The atlas's symbols as collision boxes only (invisible): placed after the
 * atlas's own labels and before the basemap's names, so a place name never
 * covers an atlas symbol. (The visible symbols ignore placement, so that
 * atlas labels keep their room among atlas symbols as before.)
 */
export function atlasSymbolShields(): LayerSpecification {
  return {
    id: 'atlas-points-shield',
    type: 'symbol',
    source: ATLAS_SOURCE,
    filter: isPoint,
    layout: { 'icon-image': ['concat', 'icon-', ['get', 'kind']], 'icon-allow-overlap': true, 'icon-ignore-placement': false, 'icon-padding': 2 },
    paint: { 'icon-opacity': 0 },
  };
}

/** Atlas geometry, then basemap names, then the atlas's symbols and labels on top (and first to claim room). */
export function styleLayers(lang: 'en' | 'zh', pointCount: number): LayerSpecification[] {
  const atlas = atlasLayers(lang, pointCount);
  const symbolsFrom = atlas.findIndex((l) => l.id === 'atlas-points-halo');
  return [...basemapLayers(), ...atlas.slice(0, symbolsFrom), ...basemapLabelLayers(lang), atlasSymbolShields(), ...atlas.slice(symbolsFrom)];
}

export function buildStyle(basemap: BasemapUrls, atlasData: FeatureCollection, lang: 'en' | 'zh' = 'en', pointCount = 0) {
  const atlasSource: GeoJSONSourceSpecification = { type: 'geojson', data: atlasData, promoteId: 'fid' };
  return {
    version: 8,
    sources: { ...basemapSources(basemap), [ATLAS_SOURCE]: atlasSource },
    layers: styleLayers(lang, pointCount),
  } satisfies StyleSpecification;
}
