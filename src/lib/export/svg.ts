/**
 * The figure as SVG markup, for print: the same layout as the PNG, with the
 * map redrawn as vectors (d3-geo, planar Web Mercator fitted to the view) in
 * the map's colours. One `<path class="corridor" data-feature-id>` per
 * corridor in the frame; multi-mode routes add one `leg` path per leg. Pure.
 */
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, Point, Position } from 'geojson';
import type { AtlasFeature } from '../atlas/types.ts';
import { ICON_SIZE, ICONS } from '../map/icons.ts';
import { APPROXIMATE_RING, BASEMAP_COLORS, MODE_COLORS, POINT_KINDS, ZONE_STYLE, type PointKind } from '../map/palette.ts';
import { FONT_FAMILY, type FigureLayout } from './layout.ts';
import type { LegendItem } from './legend.ts';
import { renderFeatures } from '../map/renderData.ts';
import { placeShownAt } from '../map/basemapPlaces.ts';
import { basemapNames, estimateWidth, type LabelMeasure } from '../view/basemapNames.ts';
import { CollisionIndex, overlaps, textBox, type Box } from '../view/collision.ts';
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
}

export type { LabelMeasure };
export type { Box };

/** A feature label placed on the map: text, anchor point, the box it covers (frame pixels) and, when it sits away from its feature, a leader line. */
export interface MapLabel {
  featureId: string;
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  size: number;
  weight: number;
  fill: string;
  box: Box;
  /** From the feature to the label, when the label had to step away. */
  leader?: { x1: number; y1: number; x2: number; y2: number; stroke: string };
}

/** The frame labels must stay inside: the whole map (the scale bar reserves only its own box, `scaleBarBox`). */
export const labelFrame = (view: FrameView): Box => ({ x0: 0, y0: 0, x1: view.width, y1: view.height });

const SCALE_FONT = 10.5;

/** The atlas's point symbols in the frame, as boxes (what labels and the scale bar keep off). */
function symbolBoxes(input: Pick<SvgMapInput, 'view' | 'features'>): Box[] {
  const project = projector(input.view);
  return input.features.flatMap((f) => {
    if (f.geometry.type !== 'Point') return [];
    const [x, y] = project(f.geometry.coordinates[0], f.geometry.coordinates[1]);
    return inFrame([x, y], input.view, -12) ? [{ x0: x - 11, y0: y - 11, x1: x + 11, y1: y + 11 }] : [];
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

/** A box moved the least distance into the frame. */
function intoFrame(b: Box, frame: Box): { dx: number; dy: number } {
  return { dx: Math.max(frame.x0 - b.x0, Math.min(0, frame.x1 - b.x1)), dy: Math.max(frame.y0 - b.y0, Math.min(0, frame.y1 - b.y1)) };
}

export const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
const attr = (o: Record<string, string | number | undefined>) =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

const inFrame = ([x, y]: [number, number], v: FrameView, m = 0) => x >= m && y >= m && x <= v.width - m && y <= v.height - m;

/** Where to put a line's label: `along` (0–1, default halfway) along the longest in-frame run of its vertices (null when none is in the frame). */
export function lineLabelPoint(geometry: LineString | MultiLineString, view: FrameView, along = 0.5): [number, number] | null {
  const project = projector(view);
  const parts: Position[][] = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  let best: [number, number][] = [];
  let bestLength = -1;
  for (const part of parts) {
    let run: [number, number][] = [];
    const runs: [number, number][][] = [];
    for (const [lng, lat] of part) {
      const p = project(lng, lat);
      if (inFrame(p, view, 30)) run.push(p);
      else if (run.length) runs.push(run), (run = []);
    }
    if (run.length) runs.push(run);
    for (const r of runs) {
      const length = r.slice(1).reduce((s, p, i) => s + Math.hypot(p[0] - r[i][0], p[1] - r[i][1]), 0);
      if (length > bestLength) [best, bestLength] = [r, length];
    }
  }
  if (!best.length) return null;
  let left = bestLength * along;
  for (let i = 1; i < best.length; i++) {
    const [a, b] = [best[i - 1], best[i]];
    const step = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (step >= left && step > 0) return [a[0] + ((b[0] - a[0]) * left) / step, a[1] + ((b[1] - a[1]) * left) / step];
    left -= step;
  }
  return best[0];
}

function text(x: number, y: number, s: string, o: { size: number; weight?: number; fill: string; halo?: boolean | string; anchor?: string; spacing?: number; transform?: string; cls?: string }): string {
  const halo = o.halo ? ` stroke="${typeof o.halo === 'string' ? o.halo : '#ffffff'}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"` : '';
  return `<text${attr({ class: o.cls, x: x.toFixed(1), y: y.toFixed(1), 'font-size': o.size, 'font-weight': o.weight ?? 400, fill: o.fill, 'text-anchor': o.anchor, 'letter-spacing': o.spacing, transform: o.transform })}${halo}>${escapeXml(s)}</text>`;
}

function icon(kind: PointKind, x: number, y: number, size = ICON_SIZE): string {
  const spec = ICONS[kind];
  const k = size / 24;
  return `<g transform="translate(${(x - size / 2).toFixed(1)} ${(y - size / 2).toFixed(1)}) scale(${k.toFixed(4)})"><path d="${spec.shape}" fill="${spec.fill}" stroke="#ffffff" stroke-width="1.6"/>${spec.glyph ? `<path d="${spec.glyph}" fill="#ffffff" fill-rule="evenodd"/>` : ''}</g>`;
}

/** The highlight colour of the selected feature, as on screen. */
const SELECTED = '#facc15';

/** Candidate spots for a point's label: beside, above and below the symbol, then further out (drawn with a leader line). */
function pointLabelSpots(x: number, y: number): { x: number; y: number; anchor: 'start' | 'middle' | 'end'; leader: boolean }[] {
  const near = [
    { x: x + 14, y: y + 4, anchor: 'start' as const },
    { x: x - 14, y: y + 4, anchor: 'end' as const },
    { x, y: y - 15, anchor: 'middle' as const },
    { x, y: y + 23, anchor: 'middle' as const },
    { x: x + 12, y: y - 10, anchor: 'start' as const },
    { x: x - 12, y: y - 10, anchor: 'end' as const },
    { x: x + 12, y: y + 18, anchor: 'start' as const },
    { x: x - 12, y: y + 18, anchor: 'end' as const },
  ].map((s) => ({ ...s, leader: false }));
  const far: { x: number; y: number; anchor: 'start' | 'middle' | 'end'; leader: boolean }[] = [];
  for (const r of [36, 56, 80, 110, 140]) {
    for (let k = 0; k < 12; k++) {
      const a = (k * Math.PI) / 6;
      const dx = Math.cos(a) * r;
      const dy = Math.sin(a) * r * 0.8;
      far.push({ x: x + dx, y: y + dy + 4, anchor: Math.abs(dx) < 1 ? 'middle' : dx > 0 ? 'start' : 'end', leader: true });
    }
  }
  return [...near, ...far];
}

/**
 * The atlas's labels on the map, placed in `index` (a fresh one over the
 * label frame by default) before anything else: every point keeps its label
 * (it carries the footnote key), the selected feature's first; each goes to
 * its first free spot beside its symbol or along its line, then further out
 * with a leader line. When nothing is free, a point's label is still placed
 * (moved whole inside the frame) and a line's label is left out.
 */
export function mapLabels(input: SvgMapInput, index = new CollisionIndex(labelFrame(input.view))): MapLabel[] {
  const { view, features, selectedId, labels } = input;
  const project = projector(view);
  const measure = input.measure ?? estimateWidth;
  const frame = labelFrame(view);
  // The scale bar's box is taken first: no label, leader or name is placed on it.
  const reserved = input.scale ? scaleBarBox({ ...input, scale: input.scale }) : null;
  if (reserved) index.insert(reserved);
  const out: MapLabel[] = [];
  const shownPoints = features
    .filter((f): f is AtlasFeature & { geometry: Point } => f.geometry.type === 'Point')
    .map((f) => ({ f, p: project(f.geometry.coordinates[0], f.geometry.coordinates[1]) }))
    .filter(({ p }) => inFrame(p, view, -12));
  for (const { p } of shownPoints) index.insert({ x0: p[0] - 11, y0: p[1] - 11, x1: p[0] + 11, y1: p[1] + 11 });
  const ordered = [...shownPoints].sort((a, b) => Number(b.f.id === selectedId) - Number(a.f.id === selectedId));
  for (const { f, p } of ordered) {
    const label = labels.get(f.id) ?? f.properties.name;
    const weight = f.id === selectedId ? 700 : 400;
    const w = measure(label, 12, weight);
    const spots = pointLabelSpots(p[0], p[1]);
    const i = index.place(spots.map((s) => textBox(s.x, s.y, w, 12, s.anchor)));
    let s = spots[Math.max(i, 0)];
    let box = textBox(s.x, s.y, w, 12, s.anchor);
    if (i < 0) {
      // Nowhere free within reach: beside the symbol, whole inside the frame, and others keep off it.
      const { dx, dy: inFrameDy } = intoFrame(box, frame);
      // Never on the scale bar: step up above it.
      const moved = { x0: box.x0 + dx, y0: box.y0 + inFrameDy, x1: box.x1 + dx, y1: box.y1 + inFrameDy };
      const dy = inFrameDy + (reserved && overlaps(moved, reserved) ? reserved.y0 - moved.y1 : 0);
      s = { ...s, x: s.x + dx, y: s.y + dy };
      box = { x0: box.x0 + dx, y0: box.y0 + dy, x1: box.x1 + dx, y1: box.y1 + dy };
      index.insert(box);
    }
    out.push({ featureId: f.id, text: label, x: s.x, y: s.y, anchor: s.anchor, size: 12, weight, fill: BASEMAP_COLORS.label, box, leader: s.leader ? { x1: p[0], y1: p[1], x2: s.x, y2: s.y - 4, stroke: '#6b7280' } : undefined });
  }
  for (const f of features.filter((x) => x.geometry.type === 'LineString' || x.geometry.type === 'MultiLineString')) {
    const label = labels.get(f.id) ?? f.properties.name;
    // Halfway first, then ever further out along the line, above it and below it.
    const along = [0.5, ...Array.from({ length: 9 }, (_, k) => [0.5 - (k + 1) * 0.05, 0.5 + (k + 1) * 0.05]).flat()];
    const spots = along.map((t) => lineLabelPoint(f.geometry as LineString | MultiLineString, view, t)).filter((q): q is [number, number] => q !== null);
    if (!spots.length) continue;
    const weight = f.id === selectedId ? 700 : 600;
    const w = measure(label, 11, weight);
    const clampX = (x: number) => Math.max(w / 2 + 4, Math.min(view.width - w / 2 - 4, x));
    const near = [[-6, 15], [-20, 29]].flatMap((dys) => spots.flatMap(([x, y]) => dys.map((dy) => ({ x: clampX(x), y: y + dy, from: null as [number, number] | null }))));
    // Crowded: further off the line, with a leader line back to it.
    const far = spots.slice(0, 5).flatMap(([x, y]) => pointLabelSpots(x, y).filter((c) => c.leader).map((c) => ({ x: clampX(c.x), y: c.y, from: [x, y] as [number, number] | null })));
    const cands = [...near, ...far];
    const i = index.place(cands.map((c) => textBox(c.x, c.y, w, 11, 'middle')));
    // No free room: a line's label is left out rather than printed over another (the sources still list the line).
    if (i < 0) continue;
    const c = cands[i];
    const box = textBox(c.x, c.y, w, 11, 'middle');
    const fill = MODE_COLORS[f.properties.mode];
    out.push({ featureId: f.id, text: label, x: c.x, y: c.y, anchor: 'middle', size: 11, weight, fill, box, leader: c.from ? { x1: c.from[0], y1: c.from[1], x2: c.x, y2: c.y - 4, stroke: fill } : undefined });
  }
  return out;
}

export function mapSvg(input: SvgMapInput): string {
  const { view, basemap, features, selectedId, labels } = input;
  const lang = input.lang ?? 'en';
  const path = framePath(view);
  const project = projector(view);
  const d = (g: Feature | FeatureCollection | Geometry) => path(g as Parameters<typeof path>[0]) ?? '';
  const out: string[] = [];
  out.push(`<rect width="${view.width}" height="${view.height}" fill="${BASEMAP_COLORS.water}"/>`);
  out.push(`<path class="land" d="${d(basemap.land)}" fill="${BASEMAP_COLORS.land}"/>`);
  if (basemap.lakes) {
    const lakes: FeatureCollection = { type: 'FeatureCollection', features: basemap.lakes.features.filter((f) => placeShownAt((f.properties as { z: number }).z, view.zoom)) };
    out.push(`<path class="lakes" d="${d(lakes)}" fill="${BASEMAP_COLORS.water}" stroke="${BASEMAP_COLORS.river}" stroke-width="0.5"/>`);
  }
  out.push(`<path class="rivers" d="${d(basemap.rivers)}" fill="none" stroke="${BASEMAP_COLORS.river}" stroke-width="${view.zoom >= 6 ? 1.6 : 0.9}"/>`);
  out.push(`<path class="borders" d="${d(basemap.borders)}" fill="none" stroke="${BASEMAP_COLORS.border}" stroke-width="0.8"/>`);

  // Under every line and symbol; a zone inside another is drawn over it.
  const zones = features.filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon').sort((a, b) => (b.properties.area_km2 ?? 0) - (a.properties.area_km2 ?? 0));
  for (const f of zones) {
    const c = MODE_COLORS[f.properties.mode];
    const selected = f.id === selectedId;
    out.push(`<path class="zone"${attr({ 'data-feature-id': f.id })} d="${d(f.geometry)}" fill="${c}" fill-opacity="${selected ? ZONE_STYLE.selectedFillOpacity : ZONE_STYLE.fillOpacity}" fill-rule="evenodd" stroke="${c}" stroke-opacity="0.8" stroke-width="${selected ? ZONE_STYLE.selectedOutlineWidth : ZONE_STYLE.outlineWidth}"/>`);
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
    const width = (schematic ? 2 : 2.5) * (selected ? 2 : 1);
    const dash = schematic ? `${+(2.5 * width).toFixed(1)} ${+(1.8 * width).toFixed(1)}` : undefined;
    const own = piecesOf.get(f.id) ?? [];
    const geoms = own.map((p) => ({ mode: p.properties.mode, d: laneSvgPath(p.geometry.type === 'LineString' ? [(p.geometry as LineString).coordinates] : (p.geometry as MultiLineString).coordinates, project, laneOffsetPx(p.properties.lane, view.zoom), view) }));
    const all = geoms.map((g) => g.d).join('');
    if (!all) continue;
    if (selected) out.push(`<path class="selected-halo"${attr({ 'data-feature-id': f.id })} d="${all}" fill="none" stroke="${SELECTED}" stroke-opacity="0.9" stroke-width="${width + 8}" stroke-linecap="round" stroke-linejoin="round"/>`);
    out.push(
      `<path class="corridor"${attr({ 'data-feature-id': f.id, d: all, fill: 'none', stroke: MODE_COLORS[f.properties.mode], 'stroke-width': width, 'stroke-dasharray': dash, 'stroke-linecap': dash ? 'butt' : 'round', 'stroke-linejoin': 'round' })}/>`,
    );
    const legs = f.geometry.type === 'MultiLineString' && f.properties.legs?.length === f.geometry.coordinates.length;
    if (legs) geoms.forEach((g, i) => g.d && out.push(`<path class="leg"${attr({ 'data-feature-id': f.id, 'data-leg': i, d: g.d, fill: 'none', stroke: MODE_COLORS[g.mode], 'stroke-width': width, 'stroke-dasharray': dash, 'stroke-linecap': 'round' })}/>`));
  }

  const index = new CollisionIndex(labelFrame(view));
  const points = features.filter((f): f is AtlasFeature & { geometry: Point } => f.geometry.type === 'Point');
  for (const f of points) {
    const p = project(f.geometry.coordinates[0], f.geometry.coordinates[1]);
    if (!inFrame(p, view, -12)) continue;
    const kind = (POINT_KINDS as readonly string[]).includes(f.properties.kind) ? (f.properties.kind as PointKind) : 'venue';
    if (f.id === selectedId) out.push(`<circle class="selected-halo" cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="15" fill="${SELECTED}" fill-opacity="0.55" stroke="#854d0e" stroke-width="2"/>`);
    else if (f.properties.geometry_basis === 'approximate')
      out.push(`<circle class="approximate" cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="13" fill="${APPROXIMATE_RING.fill}" fill-opacity="0.45" stroke="${APPROXIMATE_RING.stroke}" stroke-width="1.2"/>`);
    out.push(`<g class="point"${attr({ 'data-feature-id': f.id })}>${icon(kind, p[0], p[1])}</g>`);
  }
  const atlasLabels = mapLabels(input, index).flatMap((l) => [
    ...(l.leader ? [`<line class="leader" x1="${l.leader.x1.toFixed(1)}" y1="${l.leader.y1.toFixed(1)}" x2="${l.leader.x2.toFixed(1)}" y2="${l.leader.y2.toFixed(1)}" stroke="${l.leader.stroke}" stroke-width="0.8"/>`] : []),
    text(l.x, l.y, l.text, { cls: 'atlas-label', size: l.size, weight: l.weight, fill: l.fill, halo: true, anchor: l.anchor === 'start' ? undefined : l.anchor }),
  ]);
  const measure = input.measure ?? estimateWidth;
  // Then the basemap's names, in the room the atlas left.
  const names = basemapNames(basemap, view, lang, index, measure);
  const nameOut: string[] = [];
  for (const n of names) {
    if (n.kind === 'place') {
      nameOut.push(`<circle cx="${n.dot![0].toFixed(1)}" cy="${n.dot![1].toFixed(1)}" r="${n.tier === 2 ? 2.2 : 3}" fill="${BASEMAP_COLORS.placeDot}" stroke="#ffffff" stroke-width="0.8"/>`);
      nameOut.push(text(n.x, n.y, n.text, { cls: 'place', size: n.size, fill: n.tier === 2 ? BASEMAP_COLORS.placeLabel : BASEMAP_COLORS.capitalLabel, halo: BASEMAP_COLORS.land, anchor: n.anchor === 'start' ? undefined : n.anchor }));
    } else if (n.kind === 'river') {
      nameOut.push(text(n.x, n.y + n.size * 0.35, n.text, { cls: 'river', size: n.size, fill: BASEMAP_COLORS.riverLabel, halo: BASEMAP_COLORS.land, anchor: 'middle', spacing: 0.8, transform: `rotate(${n.angle!.toFixed(1)} ${n.x.toFixed(1)} ${n.y.toFixed(1)})` }));
    } else {
      nameOut.push(text(n.x, n.y, n.text, { cls: 'country', size: n.size, fill: BASEMAP_COLORS.countryLabel, anchor: 'middle', spacing: lang === 'zh' ? undefined : 1.2 }));
    }
  }
  out.push(`<g class="names">${nameOut.join('')}</g>`);
  out.push(`<g class="labels">${atlasLabels.join('')}</g>`);

  // Scale bar, bottom left, in the box the labels kept free; none where one scale does not hold.
  if (input.scale) {
    const { px, label } = input.scale;
    const b = scaleBarBox({ ...input, scale: input.scale });
    const [x, y] = [b.x0 + 4, b.y1 - 6];
    out.push(`<g class="scale"><rect x="${b.x0.toFixed(1)}" y="${b.y0}" width="${(b.x1 - b.x0).toFixed(1)}" height="${b.y1 - b.y0}" fill="#ffffff" fill-opacity="0.85" rx="2"/><path d="M${x.toFixed(1)} ${y - 5}V${y}H${(x + px).toFixed(1)}V${y - 5}" fill="none" stroke="#111827" stroke-width="1.5"/>${text(x + 2, y - 7, label, { size: SCALE_FONT, fill: '#111827' })}</g>`);
  }
  return out.join('\n');
}

function swatch(item: LegendItem, x: number, y: number): string {
  if (item.kind === 'line') return `<line x1="${x + 2}" y1="${y + 7}" x2="${x + 26}" y2="${y + 7}" stroke="${item.color}" stroke-width="3" stroke-linecap="round"/>`;
  if (item.kind === 'surveyed') return `<line x1="${x + 2}" y1="${y + 7}" x2="${x + 26}" y2="${y + 7}" stroke="#374151" stroke-width="2.5" stroke-linecap="round"/>`;
  if (item.kind === 'approximate')
    return `<circle cx="${x + 14}" cy="${y + 7}" r="7" fill="${APPROXIMATE_RING.fill}" stroke="${APPROXIMATE_RING.stroke}" stroke-width="1.2"/><circle cx="${x + 14}" cy="${y + 7}" r="3" fill="#374151"/>`;
  if (item.kind === 'schematic') return `<line x1="${x + 2}" y1="${y + 7}" x2="${x + 26}" y2="${y + 7}" stroke="#374151" stroke-width="2.5" stroke-dasharray="5 3.6"/>`;
  if (item.kind === 'zone') return `<rect x="${x + 2}" y="${y + 2}" width="24" height="10" fill="${item.color}" fill-opacity="${ZONE_STYLE.hoverFillOpacity}" stroke="${item.color}" stroke-width="${ZONE_STYLE.outlineWidth}"/>`;
  return icon(item.pointKind, x + 14, y + 7, 17);
}

/** The whole figure: layout texts, legend swatches and the vector map in its frame. */
export function figureSvg(layout: FigureLayout, map: SvgMapInput, meta: { title: string; description: string }, scale = 1): string {
  const { width, height } = layout;
  const m = layout.map;
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width * scale}" height="${height * scale}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<title>${escapeXml(meta.title)}</title>`,
    `<desc>${escapeXml(meta.description)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<defs><clipPath id="map-frame"><rect width="${m.width}" height="${m.height}"/></clipPath></defs>`,
    `<g class="map" transform="translate(${m.x} ${m.y})" clip-path="url(#map-frame)">`,
    mapSvg(map),
    `</g>`,
    `<rect x="${m.x + 0.5}" y="${m.y + 0.5}" width="${m.width - 1}" height="${m.height - 1}" fill="none" stroke="#9ca3af"/>`,
    ...layout.swatches.map((s) => swatch(s.item, s.x, s.y)),
    ...layout.rules.map((r) => `<line x1="${r.x0}" x2="${r.x1}" y1="${r.y}" y2="${r.y}" stroke="#e5e7eb"/>`),
    ...layout.texts.map((t) => text(t.x, t.y, t.text, { size: t.font.size, weight: t.font.weight, fill: t.color })),
    `</svg>`,
  ];
  return parts.join('\n');
}
