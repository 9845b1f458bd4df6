/**
 * The map style as data: a bundled Natural Earth basemap and the atlas layers.
 * No `glyphs` URL: MapLibre draws labels with local fonts, so nothing is
 * fetched from outside the page's origin.
 */
import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { byInteraction, colorByMode, isSchematic, isLine, isPoint, isPolygon, labelText, laneOffset } from './expressions.ts';
import { BASEMAP_COLORS, HIGHLIGHT } from '../cartography/palette.ts';
import { APPROXIMATE_RING, POINT_HIGHLIGHT } from '../cartography/symbols.ts';
import { LINE_GLOW, SCHEMATIC_DASH, SCHEMATIC_LINE, SURVEYED_LINE } from '../cartography/lines.ts';
import { WIDE_ZONE_STYLE, ZONE_STYLE } from '../cartography/zones.ts';
import { BORDER_WIDTH, MAJOR_RIVER_RANK, RIVER_WIDTH } from '../cartography/basemap.ts';
import {
  COUNTRY_LABEL_SIZE,
  COUNTRY_LETTER_SPACING,
  COUNTRY_MIN_AREA,
  FONT_STACK,
  LABEL_HALO,
  LINE_LABEL,
  LINE_LABEL_MIN_ZOOM,
  MANY_POINTS_LABEL_ZOOM,
  NAME_HALO,
  placeDotRadius,
  placeTextSize,
  POINT_LABEL,
  POINT_LABEL_GAP,
  RIVER_LABEL_MIN_ZOOM,
  RIVER_LABEL_SIZE,
  RIVER_LETTER_SPACING,
  VARIABLE_ANCHOR_LIMIT,
  type SizeStops,
} from '../cartography/labels.ts';

export { FONT_STACK, MANY_POINTS_LABEL_ZOOM, VARIABLE_ANCHOR_LIMIT };

export const ATLAS_SOURCE = 'atlas';

/** Layers whose text follows the reader's language. */
export const LABEL_LAYERS = ['atlas-points', 'atlas-line-labels'] as const;

export const ZONE_FILL_LAYER = 'atlas-zones-fill';
/** The point symbols (ports, airports, hubs …). */
export const POINT_LAYER = 'atlas-points';

/** Layers a click or hover can hit, in drawing order. */
export const INTERACTIVE_LAYERS = [ZONE_FILL_LAYER, 'atlas-lines-surveyed', 'atlas-lines-schematic', POINT_LAYER] as const;

/**
 * Above VARIABLE_ANCHOR_LIMIT points, point labels keep one anchor (right of
 * the symbol). Variable anchors place more labels in crowded clusters, but
 * MapLibre re-positions every variable-anchor label on the CPU each frame: at
 * 10,000 points that was ~1.8 s of a first render and most of each pan frame.
 */
export function pointLabelPlacement(pointCount: number) {
  return pointCount <= VARIABLE_ANCHOR_LIMIT
    ? { 'text-variable-anchor': ['left', 'right', 'top', 'bottom'] as ('left' | 'right' | 'top' | 'bottom')[], 'text-radial-offset': LABEL_OFFSET_EMS, 'text-justify': 'auto' as const }
    : { 'text-anchor': 'left' as const, 'text-offset': [LABEL_OFFSET_EMS, 0] as [number, number], 'text-justify': 'left' as const };
}

/** The gap between a point and its label, in ems of the label's size. */
const LABEL_OFFSET_EMS = +(POINT_LABEL_GAP / POINT_LABEL.size).toFixed(2);

/** Linear size stops as a MapLibre expression. */
const sizeByZoom = (stops: SizeStops): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], ...stops.flat()] as unknown as ExpressionSpecification;

/** The fill of a zone: fainter where the zone covers most of the view (feature-state `wide`, set by the map). */
function zoneFillOpacity(): ExpressionSpecification {
  return ['case', ['boolean', ['feature-state', 'wide'], false], byInteraction(WIDE_ZONE_STYLE.fillOpacity, WIDE_ZONE_STYLE.hoverFillOpacity, WIDE_ZONE_STYLE.selectedFillOpacity), byInteraction(ZONE_STYLE.fillOpacity, ZONE_STYLE.hoverFillOpacity, ZONE_STYLE.selectedFillOpacity)];
}

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
      paint: { 'fill-color': colorByMode(), 'fill-opacity': zoneFillOpacity() },
    },
    {
      // A zone is an area, not a link: a thin solid outline (dashes mean a schematic line).
      id: 'atlas-zones-outline',
      type: 'line',
      source: ATLAS_SOURCE,
      filter: isPolygon,
      paint: { 'line-color': colorByMode(), 'line-width': byInteraction(ZONE_STYLE.outlineWidth, ZONE_STYLE.selectedOutlineWidth, ZONE_STYLE.selectedOutlineWidth), 'line-opacity': ZONE_STYLE.outlineOpacity },
    },
    {
      ...lineBase,
      id: 'atlas-lines-halo',
      filter: isLine,
      paint: {
        'line-color': ['case', ['boolean', ['feature-state', 'selected'], false], HIGHLIGHT.fill, LINE_GLOW.restColor],
        'line-width': byInteraction(0, LINE_GLOW.hovered, LINE_GLOW.selected),
        'line-opacity': HIGHLIGHT.lineOpacity,
        'line-blur': LINE_GLOW.blur,
        'line-offset': laneOffset(),
      },
    },
    {
      ...lineBase,
      id: 'atlas-lines-surveyed',
      filter: ['all', isLine, isSchematic(false)],
      paint: { 'line-color': colorByMode(), 'line-width': byInteraction(SURVEYED_LINE.base, SURVEYED_LINE.hovered, SURVEYED_LINE.selected), 'line-offset': laneOffset() },
    },
    {
      ...lineBase,
      id: 'atlas-lines-schematic',
      filter: ['all', isLine, isSchematic(true)],
      layout: { 'line-join': 'round', 'line-cap': 'butt' },
      paint: { 'line-color': colorByMode(), 'line-width': byInteraction(SCHEMATIC_LINE.base, SCHEMATIC_LINE.hovered, SCHEMATIC_LINE.selected), 'line-dasharray': [...SCHEMATIC_DASH], 'line-offset': laneOffset() },
    },
    {
      // Approximate points sit inside a soft ring: the place is within about 10 km, not exactly here.
      id: 'atlas-points-approximate',
      type: 'circle',
      source: ATLAS_SOURCE,
      filter: ['all', isPoint, ['==', ['get', 'basis'], 'approximate']],
      paint: {
        'circle-radius': APPROXIMATE_RING.radius,
        'circle-color': APPROXIMATE_RING.fill,
        'circle-opacity': APPROXIMATE_RING.fillOpacity,
        'circle-stroke-color': APPROXIMATE_RING.stroke,
        'circle-stroke-width': APPROXIMATE_RING.strokeWidth,
        'circle-stroke-opacity': APPROXIMATE_RING.strokeOpacity,
      },
    },
    {
      id: 'atlas-points-halo',
      type: 'circle',
      source: ATLAS_SOURCE,
      filter: isPoint,
      paint: {
        'circle-radius': byInteraction(0, POINT_HIGHLIGHT.hoveredRadius, POINT_HIGHLIGHT.selectedRadius),
        'circle-color': HIGHLIGHT.fill,
        'circle-opacity': HIGHLIGHT.opacity,
        'circle-stroke-color': HIGHLIGHT.stroke,
        'circle-stroke-width': byInteraction(0, POINT_HIGHLIGHT.hoveredStroke, POINT_HIGHLIGHT.selectedStroke),
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
        'text-size': POINT_LABEL.size,
        'text-optional': true,
        ...pointLabelPlacement(pointCount),
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: {
        'text-color': BASEMAP_COLORS.label,
        'text-halo-color': BASEMAP_COLORS.halo,
        'text-halo-width': LABEL_HALO,
      },
    },
    {
      id: 'atlas-line-labels',
      type: 'symbol',
      source: ATLAS_SOURCE,
      filter: isLine,
      minzoom: LINE_LABEL_MIN_ZOOM,
      layout: {
        'symbol-placement': 'line',
        'text-field': labelText(lang),
        'text-font': FONT_STACK,
        'text-size': LINE_LABEL.size,
        'symbol-spacing': 400,
      },
      paint: { 'text-color': colorByMode(), 'text-halo-color': BASEMAP_COLORS.halo, 'text-halo-width': LABEL_HALO },
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
    // Chinese only: a town with no Chinese name is left unnamed on the Chinese map (as in basemapNames).
    [PLACE_LABELS]: lang === 'zh' ? ['get', 'name_zh'] : ['get', 'name'],
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
      minzoom: RIVER_LABEL_MIN_ZOOM,
      filter: ['!=', ['get', 'label'], ''],
      layout: {
        'symbol-placement': 'line',
        'text-field': text[RIVER_LABELS],
        'text-font': FONT_STACK,
        'text-size': sizeByZoom(RIVER_LABEL_SIZE),
        'text-letter-spacing': RIVER_LETTER_SPACING,
        'symbol-spacing': 250,
        // The rivers meander: a stricter angle finds no room for a name on them.
        'text-max-angle': 60,
      },
      paint: { 'text-color': BASEMAP_COLORS.riverLabel, 'text-halo-color': BASEMAP_COLORS.land, 'text-halo-width': NAME_HALO },
    },
    {
      id: PLACE_LABELS,
      type: 'symbol',
      source: 'places',
      filter: fromItsZoom,
      layout: {
        'icon-image': PLACE_DOT,
        'icon-size': ['match', ['get', 'tier'], 0, 1, 1, placeDotRadius(1) / placeDotRadius(0), placeDotRadius(2) / placeDotRadius(0)],
        'text-field': text[PLACE_LABELS],
        'text-font': FONT_STACK,
        'text-size': ['match', ['get', 'tier'], 0, placeTextSize(0), 1, placeTextSize(1), placeTextSize(2)],
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
        'text-halo-width': NAME_HALO,
      },
    },
    {
      id: COUNTRY_LABELS,
      type: 'symbol',
      source: 'country-labels',
      // Big countries first; small ones appear as the reader zooms in.
      filter: ['>=', ['get', 'area_km2'], ['step', ['zoom'], COUNTRY_MIN_AREA[0][1], ...COUNTRY_MIN_AREA.slice(1).flat()]] as unknown as ExpressionSpecification,
      layout: {
        'text-field': text[COUNTRY_LABELS],
        'text-font': FONT_STACK,
        'text-size': sizeByZoom(COUNTRY_LABEL_SIZE),
        'text-letter-spacing': COUNTRY_LETTER_SPACING,
        'text-max-width': 8,
        'symbol-sort-key': ['-', 0, ['get', 'area_km2']],
      },
      paint: { 'text-color': BASEMAP_COLORS.countryLabel, 'text-halo-color': BASEMAP_COLORS.land, 'text-halo-width': NAME_HALO },
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
        'line-width': ['interpolate', ['linear'], ['zoom'], ...RIVER_WIDTH.flatMap(([z, major, minor]) => [z, ['case', ['<=', ['get', 'scalerank'], MAJOR_RIVER_RANK], major, minor]])] as unknown as ExpressionSpecification,
      },
    },
    { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': BASEMAP_COLORS.border, 'line-width': BORDER_WIDTH } },
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

/** The source of labels placed by the one label pass (view/labelPass.ts), shared with the SVG map. */
export const LABEL_SOURCE = 'map-labels';
export const LABEL_LAYER = 'map-labels';
export const LABEL_DOT_LAYER = 'map-label-dots';
/** Where bold labels take their face (MapLibre's local glyphs read the weight from the font name). */
export const FONT_STACK_BOLD = FONT_STACK.map((f) => (f === 'sans-serif' ? f : `${f} Bold`));

/**
 * Labels exactly where the label pass put them: no collision of MapLibre's
 * own (the pass already kept them apart), no wrapping, no fading. Place dots
 * under them; every property comes with the label (labelSource.ts).
 */
export function labelPassLayers(): LayerSpecification[] {
  return [
    {
      id: LABEL_DOT_LAYER,
      type: 'circle',
      source: LABEL_SOURCE,
      filter: ['>', ['get', 'dot'], 0],
      paint: { 'circle-radius': ['get', 'dot'], 'circle-color': BASEMAP_COLORS.placeDot, 'circle-stroke-color': BASEMAP_COLORS.halo, 'circle-stroke-width': 0.8 },
    },
    {
      id: LABEL_LAYER,
      type: 'symbol',
      source: LABEL_SOURCE,
      layout: {
        'text-field': ['get', 'text'],
        'text-font': ['case', ['>=', ['get', 'weight'], 600], ['literal', FONT_STACK_BOLD], ['literal', FONT_STACK]],
        'text-size': ['get', 'size'],
        'text-anchor': ['get', 'anchor'],
        'text-offset': ['get', 'offset'],
        'text-rotate': ['get', 'rotate'],
        'text-letter-spacing': ['get', 'spacing'],
        'text-max-width': 1000,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
        'text-rotation-alignment': 'viewport',
        'text-pitch-alignment': 'viewport',
        'text-padding': 0,
      },
      paint: { 'text-color': ['get', 'color'], 'text-halo-color': ['get', 'halo'], 'text-halo-width': ['get', 'haloWidth'] },
    },
  ];
}

/** The layers MapLibre places labels in itself: hidden when the label pass draws every label. */
const SELF_PLACED_LABELS = new Set([RIVER_LABELS, PLACE_LABELS, COUNTRY_LABELS, 'atlas-line-labels', 'atlas-points-shield']);

/**
 * The style. With `labelPass`, every label comes from the one label pass (the
 * SVG map's, so the handover changes nothing): MapLibre's own label layers
 * are hidden and the point symbols carry no text.
 */
export function buildStyle(basemap: BasemapUrls, atlasData: FeatureCollection, lang: 'en' | 'zh' = 'en', pointCount = 0, labelPass = false) {
  const atlasSource: GeoJSONSourceSpecification = { type: 'geojson', data: atlasData, promoteId: 'fid' };
  const labels: GeoJSONSourceSpecification = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
  const layers = styleLayers(lang, pointCount).map((l): LayerSpecification => {
    if (!labelPass) return l;
    if (SELF_PLACED_LABELS.has(l.id)) return { ...l, layout: { ...(l.layout ?? {}), visibility: 'none' } } as LayerSpecification;
    if (l.id === POINT_LAYER && l.type === 'symbol') return { ...l, layout: { ...l.layout, 'text-field': '' } };
    return l;
  });
  return {
    version: 8,
    sources: { ...basemapSources(basemap), [ATLAS_SOURCE]: atlasSource, ...(labelPass ? { [LABEL_SOURCE]: labels } : {}) },
    layers: labelPass ? [...layers, ...labelPassLayers()] : layers,
  } satisfies StyleSpecification;
}
