/**
 * The map style as data: a bundled Natural Earth basemap and the atlas layers.
 * No `glyphs` URL: MapLibre draws labels with local fonts, so nothing is
 * fetched from outside the page's origin.
 */
import type { GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
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
        'text-field': labelText(lang),
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
  rivers: string | FeatureCollection;
  'country-labels': string | FeatureCollection;
}

export function basemapLayers(): LayerSpecification[] {
  return [
    { id: 'water', type: 'background', paint: { 'background-color': BASEMAP_COLORS.water } },
    { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': BASEMAP_COLORS.land } },
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
    {
      id: 'country-labels',
      type: 'symbol',
      source: 'country-labels',
      // Big countries first; small ones appear as the reader zooms in.
      filter: ['>=', ['get', 'area_km2'], ['step', ['zoom'], 1000000, 3, 250000, 4, 60000, 5, 15000, 6, 2000]],
      layout: {
        'text-field': ['upcase', ['get', 'name']],
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

export function buildStyle(basemap: BasemapUrls, atlasData: FeatureCollection, lang: 'en' | 'zh' = 'en', pointCount = 0) {
  const atlasSource: GeoJSONSourceSpecification = { type: 'geojson', data: atlasData, promoteId: 'fid' };
  return {
    version: 8,
    sources: {
      land: { type: 'geojson', data: basemap.land, maxzoom: 8, tolerance: 0.5 },
      borders: { type: 'geojson', data: basemap.borders, maxzoom: 8 },
      rivers: { type: 'geojson', data: basemap.rivers, maxzoom: 10 },
      'country-labels': { type: 'geojson', data: basemap['country-labels'] },
      [ATLAS_SOURCE]: atlasSource,
    },
    layers: [...basemapLayers(), ...atlasLayers(lang, pointCount)],
  } satisfies StyleSpecification;
}
