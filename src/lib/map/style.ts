/**
 * The map style as data: a bundled Natural Earth basemap and the atlas layers.
 * No `glyphs` URL: MapLibre draws labels with local fonts, so nothing is
 * fetched from outside the page's origin.
 */
import type { GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Basemap } from './basemap.ts';
import { byInteraction, colorByMode, hasBasis, isLine, isPoint, isPolygon, labelText } from './expressions.ts';
import { BASEMAP_COLORS } from './palette.ts';

export const ATLAS_SOURCE = 'atlas';
export const FONT_STACK = ['Noto Sans', 'Noto Sans CJK SC', 'sans-serif'];

/** Layers a click or hover can hit, in drawing order. */
export const INTERACTIVE_LAYERS = ['atlas-zones-fill', 'atlas-lines-surveyed', 'atlas-lines-schematic', 'atlas-points'] as const;

export function atlasLayers(lang: 'en' | 'zh' = 'en'): LayerSpecification[] {
  const lineBase = {
    type: 'line' as const,
    source: ATLAS_SOURCE,
    layout: { 'line-join': 'round' as const, 'line-cap': 'round' as const },
  };
  return [
    {
      id: 'atlas-zones-fill',
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
        'line-color': '#ffffff',
        'line-width': byInteraction(0, 7, 9),
        'line-opacity': 0.95,
      },
    },
    {
      ...lineBase,
      id: 'atlas-lines-surveyed',
      filter: ['all', isLine, hasBasis('surveyed')],
      paint: { 'line-color': colorByMode(), 'line-width': byInteraction(2.5, 4, 5) },
    },
    {
      ...lineBase,
      id: 'atlas-lines-schematic',
      filter: ['all', isLine, hasBasis('schematic')],
      layout: { 'line-join': 'round', 'line-cap': 'butt' },
      paint: { 'line-color': colorByMode(), 'line-width': byInteraction(2, 3.5, 4.5), 'line-dasharray': [2.5, 1.8] },
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
      id: 'atlas-points',
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
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.9,
        'text-justify': 'auto',
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

export function buildStyle(basemap: Basemap, atlasData: FeatureCollection, lang: 'en' | 'zh' = 'en') {
  const atlasSource: GeoJSONSourceSpecification = { type: 'geojson', data: atlasData, promoteId: 'fid' };
  return {
    version: 8,
    sources: {
      land: { type: 'geojson', data: basemap.land, maxzoom: 8, tolerance: 0.5 },
      borders: { type: 'geojson', data: basemap.borders, maxzoom: 8 },
      [ATLAS_SOURCE]: atlasSource,
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': BASEMAP_COLORS.water } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': BASEMAP_COLORS.land } },
      { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': BASEMAP_COLORS.border, 'line-width': 0.8 } },
      ...atlasLayers(lang),
    ],
  } satisfies StyleSpecification;
}
