/**
 * The figure as SVG markup, for print: the same layout as the PNG, with the
 * map redrawn as vectors (d3-geo, planar Web Mercator fitted to the view) in
 * the map's colours. One `<path class="corridor" data-feature-id>` per
 * corridor in the frame; multi-mode routes add one `leg` path per leg. Pure.
 */
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, Point } from 'geojson';
import type { AtlasFeature } from '../atlas/types.ts';
import { BORDER_WIDTH, LAKE_SHORE_WIDTH, MAJOR_RIVER_RANK, riverWidth } from '../cartography/basemap.ts';
import { COUNTRY_LETTER_SPACING, FONT_FAMILY, LABEL_HALO, NAME_HALO, placeDotRadius, RIVER_LETTER_SPACING, SCALE_BAR } from '../cartography/labels.ts';
import { lineWidth, LINE_GLOW, svgDash } from '../cartography/lines.ts';
import { BASEMAP_COLORS, HIGHLIGHT, MODE_COLORS, modeColor } from '../cartography/palette.ts';
import { ringShape, swatchShapes, SWATCH_WIDTH, symbolShapes, type Shape } from '../cartography/swatches.ts';
import { POINT_HIGHLIGHT, SYMBOL_HALF, symbolKind } from '../cartography/symbols.ts';
import { isWideZoneIn, zoneFillOpacity, zoneOutlineWidth, ZONE_STYLE } from '../cartography/zones.ts';
import { KEY_SIZE, placeAtlasLabels, takenIndex, type KeyMark, type LabelSubject, type PlacedLabels } from '../view/atlasLabels.ts';
import { FIGURE_INKS, type FigureLayout } from './layout.ts';
import type { LegendItem } from './legend.ts';
import { renderFeatures } from '../map/renderData.ts';
import { placeShownAt } from '../map/basemapPlaces.ts';
import { basemapNames, estimateWidth, type LabelMeasure } from '../view/basemapNames.ts';
import { overlaps, type Box } from '../view/collision.ts';
import { laneOffsetPx, laneSvgPath } from '../view/lanes.ts';
import { framePath, projector, type FrameView } from '../view/webMercator.ts';
import type { ScaleBar } from './scaleBar.ts';

export interface SvgMapInput {
  view: FrameView;
  basemap: { land: FeatureCollection; borders: FeatureCollection; rivers: FeatureCollection; 'country-labels': FeatureCollection; lakes?: FeatureCollection; places?: FeatureCollection };
  /** Features to draw (those the reader has not filtered out; anything outside the frame is clipped away). */
  features: readonly AtlasFeature[];
  selectedId: string | null;
  /** Label of each feature, keyed to its footnotes. */
  labels: ReadonlyMap<string, string>;
  /** The scale bar, or null where one scale does not hold across the frame (scaleRule.ts). */
  scale: ScaleBar | null;
  /** Label widths (default: an estimate). */
  measure?: LabelMeasure;
  /** The features the screen assigns lanes among (default: `features`), so shared corridors sit side by side as on screen. */
  laneFeatures?: readonly AtlasFeature[];
  /** Language of the basemap's names (default English). */
  lang?: 'en' | 'zh';
  /** The atlas's labels, when already placed (the figure places them before its layout, to list its keys). */
  placed?: PlacedLabels;
}

export type { LabelMeasure };
export type { Box };

/** The frame labels must stay inside: the whole map (the scale bar reserves only its own box, `scaleBarBox`). */
export const labelFrame = (view: FrameView): Box => ({ x0: 0, y0: 0, x1: view.width, y1: view.height });

const SCALE_FONT = SCALE_BAR.fontSize;

/** The atlas's point symbols in the frame, as boxes (what labels and the scale bar keep off). */
function symbolBoxes(input: Pick<SvgMapInput, 'view' | 'features'>): Box[] {
  const project = projector(input.view);
  return input.features.flatMap((f) => {
    if (f.geometry.type !== 'Point') return [];
    const [x, y] = project(f.geometry.coordinates[0], f.geometry.coordinates[1]);
    return inFrame([x, y], input.view, -SYMBOL_HALF) ? [{ x0: x - SYMBOL_HALF, y0: y - SYMBOL_HALF, x1: x + SYMBOL_HALF, y1: y + SYMBOL_HALF }] : [];
  });
}

/**
 * The scale bar's white box: wide enough for the bar and its label, in the
 * bottom-left corner of the map, or the bottom-right one when an atlas symbol
 * sits in the first (labels then keep off whichever it takes).
 */
export function scaleBarBox(input: Pick<SvgMapInput, 'view' | 'features' | 'measure'> & { scale: ScaleBar }): Box {
  const { view, scale } = input;
  const width = Math.max(scale.px, (input.measure ?? estimateWidth)(scale.label, SCALE_FONT, 400) + 2) + 16;
  const left: Box = { x0: 8, y0: view.height - 30, x1: 8 + width, y1: view.height - 6 };
  const right: Box = { x0: view.width - 8 - width, y0: left.y0, x1: view.width - 8, y1: left.y1 };
  const symbols = symbolBoxes(input);
  return [left, right].find((b) => !symbols.some((s) => overlaps(s, b))) ?? left;
}


export const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
const attr = (o: Record<string, string | number | undefined>) =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

const inFrame = ([x, y]: [number, number], v: FrameView, m = 0) => x >= m && y >= m && x <= v.width - m && y <= v.height - m;

function text(x: number, y: number, s: string, o: { size: number; weight?: number; fill: string; halo?: boolean | string; anchor?: string; spacing?: number; transform?: string; cls?: string }): string {
  const halo = o.halo ? ` stroke="${typeof o.halo === 'string' ? o.halo : BASEMAP_COLORS.halo}" stroke-width="${2 * (typeof o.halo === 'string' ? NAME_HALO : LABEL_HALO)}" stroke-linejoin="round" paint-order="stroke"` : '';
  return `<text${attr({ class: o.cls, x: x.toFixed(1), y: y.toFixed(1), 'font-size': o.size, 'font-weight': o.weight ?? 400, fill: o.fill, 'text-anchor': o.anchor, 'letter-spacing': o.spacing, transform: o.transform })}${halo}>${escapeXml(s)}</text>`;
}

/** Shapes of the cartography as SVG markup. */
export function shapesSvg(shapes: readonly Shape[]): string {
  return shapes.map((sh) => `<${sh.tag}${attr(sh.attrs)}${sh.children ? `>${shapesSvg(sh.children)}</${sh.tag}>` : '/>'}`).join('');
}

/** The atlas's labels (and key letters) for a figure's map: the one placement pass, clear of the scale bar. */
export function mapLabels(input: Omit<SvgMapInput, 'basemap'> & { basemap?: unknown; keys?: boolean }): PlacedLabels {
  const { view, features, labels } = input;
  const reserved = input.scale ? [scaleBarBox({ ...input, scale: input.scale })] : [];
  const subjects: LabelSubject[] = features.flatMap((f, i) =>
    f.geometry.type === 'Point' || f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString'
      ? [{ id: f.id, text: labels.get(f.id) ?? f.properties.name, geometry: f.geometry, color: MODE_COLORS[f.properties.mode] ?? BASEMAP_COLORS.label, priority: i }]
      : [],
  );
  return placeAtlasLabels({ view, subjects, selectedId: input.selectedId, measure: input.measure ?? estimateWidth, pointColor: BASEMAP_COLORS.label, reserved, leaders: true, keys: input.keys ?? true });
}

/** A key letter at a symbol whose name found no room (the legend lists it). */
function keyMark(k: KeyMark): string {
  return text(k.x, k.y, k.key, { cls: 'key', size: KEY_SIZE, weight: 700, fill: BASEMAP_COLORS.label, halo: true, anchor: k.anchor === 'start' ? undefined : k.anchor });
}

export function mapSvg(input: SvgMapInput): string {
  const { view, basemap, features, selectedId } = input;
  const lang = input.lang ?? 'en';
  const path = framePath(view);
  const project = projector(view);
  const d = (g: Feature | FeatureCollection | Geometry) => path(g as Parameters<typeof path>[0]) ?? '';
  const out: string[] = [];
  out.push(`<rect width="${view.width}" height="${view.height}" fill="${BASEMAP_COLORS.water}"/>`);
  out.push(`<path class="land" d="${d(basemap.land)}" fill="${BASEMAP_COLORS.land}"/>`);
  if (basemap.lakes) {
    const lakes: FeatureCollection = { type: 'FeatureCollection', features: basemap.lakes.features.filter((f) => placeShownAt((f.properties as { z: number }).z, view.zoom)) };
    out.push(`<path class="lakes" d="${d(lakes)}" fill="${BASEMAP_COLORS.water}" stroke="${BASEMAP_COLORS.river}" stroke-width="${LAKE_SHORE_WIDTH}"/>`);
  }
  for (const major of [false, true]) {
    const rivers: FeatureCollection = { type: 'FeatureCollection', features: basemap.rivers.features.filter((f) => (((f.properties as { scalerank?: number }).scalerank ?? 99) <= MAJOR_RIVER_RANK) === major) };
    if (rivers.features.length) out.push(`<path class="rivers" d="${d(rivers)}" fill="none" stroke="${BASEMAP_COLORS.river}" stroke-width="${riverWidth(view.zoom, major)}"/>`);
  }
  out.push(`<path class="borders" d="${d(basemap.borders)}" fill="none" stroke="${BASEMAP_COLORS.border}" stroke-width="${BORDER_WIDTH}"/>`);

  // Under every line and symbol; a zone inside another is drawn over it; one that covers most of the frame is an outline.
  const zones = features.filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon').sort((a, b) => (b.properties.area_km2 ?? 0) - (a.properties.area_km2 ?? 0));
  for (const f of zones) {
    const c = modeColor(f.properties.mode);
    const state = f.id === selectedId ? 'selected' : 'base';
    const wide = isWideZoneIn(f.geometry, project, view.width, view.height);
    out.push(`<path class="zone"${attr({ 'data-feature-id': f.id, 'data-wide': wide ? 'true' : undefined })} d="${d(f.geometry)}" fill="${c}" fill-opacity="${zoneFillOpacity(wide, state)}" fill-rule="evenodd" stroke="${c}" stroke-opacity="${ZONE_STYLE.outlineOpacity}" stroke-width="${zoneOutlineWidth(state)}"/>`);
  }
  // Lines as the screen draws them: one piece per leg, each in its lane beside the routes it shares a corridor with.
  const pieces = renderFeatures(input.laneFeatures ?? features).features.filter((p) => p.geometry.type === 'LineString' || p.geometry.type === 'MultiLineString');
  const piecesOf = new Map<string, typeof pieces>();
  for (const p of pieces) piecesOf.set(p.properties.fid, [...(piecesOf.get(p.properties.fid) ?? []), p]);
  const lineFeatures = features.filter((f) => f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString');
  // The selected line last, so its highlight is not covered.
  lineFeatures.sort((a, b) => Number(a.id === selectedId) - Number(b.id === selectedId));
  for (const f of lineFeatures) {
    if (!d(f.geometry)) continue;
    const selected = f.id === selectedId;
    const schematic = f.properties.geometry_basis === 'schematic';
    const width = lineWidth(schematic, selected ? 'selected' : 'base');
    const dash = svgDash(schematic, width);
    const own = piecesOf.get(f.id) ?? [];
    const geoms = own.map((p) => ({ mode: p.properties.mode, d: laneSvgPath(p.geometry.type === 'LineString' ? [(p.geometry as LineString).coordinates] : (p.geometry as MultiLineString).coordinates, project, laneOffsetPx(p.properties.lane, view.zoom), view) }));
    const all = geoms.map((g) => g.d).join('');
    if (!all) continue;
    if (selected) out.push(`<path class="selected-halo"${attr({ 'data-feature-id': f.id })} d="${all}" fill="none" stroke="${HIGHLIGHT.fill}" stroke-opacity="${HIGHLIGHT.lineOpacity}" stroke-width="${LINE_GLOW.selected}" stroke-linecap="round" stroke-linejoin="round"/>`);
    out.push(
      `<path class="corridor"${attr({ 'data-feature-id': f.id, d: all, fill: 'none', stroke: modeColor(f.properties.mode), 'stroke-width': width, 'stroke-dasharray': dash, 'stroke-linecap': dash ? 'butt' : 'round', 'stroke-linejoin': 'round' })}/>`,
    );
    const legs = f.geometry.type === 'MultiLineString' && f.properties.legs?.length === f.geometry.coordinates.length;
    if (legs) geoms.forEach((g, i) => g.d && out.push(`<path class="leg"${attr({ 'data-feature-id': f.id, 'data-leg': i, d: g.d, fill: 'none', stroke: modeColor(g.mode), 'stroke-width': width, 'stroke-dasharray': dash, 'stroke-linecap': 'round' })}/>`));
  }

  const points = features.filter((f): f is AtlasFeature & { geometry: Point } => f.geometry.type === 'Point');
  for (const f of points) {
    const p = project(f.geometry.coordinates[0], f.geometry.coordinates[1]);
    if (!inFrame(p, view, -SYMBOL_HALF)) continue;
    const [x, y] = [+p[0].toFixed(1), +p[1].toFixed(1)];
    if (f.id === selectedId) out.push(`<circle class="selected-halo" cx="${x}" cy="${y}" r="${POINT_HIGHLIGHT.selectedRadius}" fill="${HIGHLIGHT.fill}" fill-opacity="${HIGHLIGHT.opacity}" stroke="${HIGHLIGHT.stroke}" stroke-width="${POINT_HIGHLIGHT.selectedStroke}"/>`);
    else if (f.properties.geometry_basis === 'approximate') out.push(shapesSvg([{ ...ringShape(x, y), attrs: { class: 'approximate', ...ringShape(x, y).attrs } }]));
    out.push(`<g class="point"${attr({ 'data-feature-id': f.id })}>${shapesSvg(symbolShapes(symbolKind(f.properties.kind), p[0], p[1]))}</g>`);
  }
  const placed = input.placed ?? mapLabels(input);
  const atlasLabels = [
    ...placed.labels.flatMap((l) => [
      ...(l.leader ? [`<line class="leader" x1="${l.leader.x1.toFixed(1)}" y1="${l.leader.y1.toFixed(1)}" x2="${l.leader.x2.toFixed(1)}" y2="${l.leader.y2.toFixed(1)}" stroke="${l.leader.stroke}" stroke-width="0.8"/>`] : []),
      text(l.x, l.y, l.text, { cls: 'atlas-label', size: l.size, weight: l.weight, fill: l.fill, halo: true, anchor: l.anchor === 'start' ? undefined : l.anchor }),
    ]),
    ...placed.keys.map(keyMark),
  ];
  const measure = input.measure ?? estimateWidth;
  // Then the basemap's names, in the room the atlas left (a fresh copy of the index when the labels were placed earlier).
  const names = basemapNames(basemap, view, lang, takenIndex(placed, view), measure);
  const nameOut: string[] = [];
  for (const n of names) {
    if (n.kind === 'place') {
      if (n.dot) nameOut.push(`<circle cx="${n.dot[0].toFixed(1)}" cy="${n.dot[1].toFixed(1)}" r="${placeDotRadius(n.tier ?? 2)}" fill="${BASEMAP_COLORS.placeDot}" stroke="${BASEMAP_COLORS.halo}" stroke-width="0.8"/>`);
      nameOut.push(text(n.x, n.y, n.text, { cls: 'place', size: n.size, fill: n.tier === 2 ? BASEMAP_COLORS.placeLabel : BASEMAP_COLORS.capitalLabel, halo: BASEMAP_COLORS.land, anchor: n.anchor === 'start' ? undefined : n.anchor }));
    } else if (n.kind === 'river') {
      nameOut.push(text(n.x, n.y + n.size * 0.35, n.text, { cls: 'river', size: n.size, fill: BASEMAP_COLORS.riverLabel, halo: BASEMAP_COLORS.land, anchor: 'middle', spacing: +(RIVER_LETTER_SPACING * n.size).toFixed(2), transform: `rotate(${n.angle!.toFixed(1)} ${n.x.toFixed(1)} ${n.y.toFixed(1)})` }));
    } else {
      nameOut.push(text(n.x, n.y, n.text, { cls: 'country', size: n.size, fill: BASEMAP_COLORS.countryLabel, halo: BASEMAP_COLORS.land, anchor: 'middle', spacing: lang === 'zh' ? undefined : +(COUNTRY_LETTER_SPACING * n.size).toFixed(2) }));
    }
  }
  out.push(`<g class="names">${nameOut.join('')}</g>`);
  out.push(`<g class="labels">${atlasLabels.join('')}</g>`);

  // Scale bar, bottom left, in the box the labels kept free; none where one scale does not hold.
  if (input.scale) {
    const { px, label } = input.scale;
    const b = scaleBarBox({ ...input, scale: input.scale });
    const [x, y] = [b.x0 + 4, b.y1 - 6];
    out.push(`<g class="scale"><rect x="${b.x0.toFixed(1)}" y="${b.y0}" width="${(b.x1 - b.x0).toFixed(1)}" height="${b.y1 - b.y0}" fill="${SCALE_BAR.plate}" fill-opacity="${SCALE_BAR.plateOpacity}" rx="2"/><path d="M${x.toFixed(1)} ${y - 5}V${y}H${(x + px).toFixed(1)}V${y - 5}" fill="none" stroke="${SCALE_BAR.ink}" stroke-width="${SCALE_BAR.lineWidth}"/>${text(x + 2, y - 7, label, { size: SCALE_FONT, fill: SCALE_BAR.ink })}</g>`);
  }
  return out.join('\n');
}

function swatch(item: LegendItem, x: number, y: number): string {
  if (item.kind === 'key') return text(x + SWATCH_WIDTH / 2, y + 11, item.key, { size: KEY_SIZE + 1, weight: 700, fill: BASEMAP_COLORS.label, anchor: 'middle' });
  return `<g transform="translate(${x} ${y})">${shapesSvg(swatchShapes(item.kind === 'line' || item.kind === 'zone' ? { kind: item.kind, color: item.color } : item.kind === 'symbol' ? { kind: 'symbol', pointKind: item.pointKind } : { kind: item.kind }))}</g>`;
}

/** The whole figure: layout texts, legend swatches and the vector map in its frame. */
export function figureSvg(layout: FigureLayout, map: SvgMapInput, meta: { title: string; description: string }, scale = 1): string {
  const { width, height } = layout;
  const m = layout.map;
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    // data-frame-height: the figure's own shape; notes that did not fit continue below it (layout.ts).
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width * scale}" height="${height * scale}" viewBox="0 0 ${width} ${height}" data-frame-height="${layout.frameHeight}" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<title>${escapeXml(meta.title)}</title>`,
    `<desc>${escapeXml(meta.description)}</desc>`,
    `<rect width="${width}" height="${height}" fill="${FIGURE_INKS.paper}"/>`,
    `<defs><clipPath id="map-frame"><rect width="${m.width}" height="${m.height}"/></clipPath></defs>`,
    `<g class="map" transform="translate(${m.x} ${m.y})" clip-path="url(#map-frame)">`,
    mapSvg(map),
    `</g>`,
    `<rect x="${m.x + 0.5}" y="${m.y + 0.5}" width="${m.width - 1}" height="${m.height - 1}" fill="none" stroke="${FIGURE_INKS.frame}"/>`,
    ...layout.swatches.map((s) => swatch(s.item, s.x, s.y)),
    ...layout.rules.map((r) => `<line x1="${r.x0}" x2="${r.x1}" y1="${r.y}" y2="${r.y}" stroke="${FIGURE_INKS.rule}"/>`),
    ...layout.texts.map((t) => text(t.x, t.y, t.text, { size: t.font.size, weight: t.font.weight, fill: t.color })),
    `</svg>`,
  ];
  return parts.join('\n');
}
