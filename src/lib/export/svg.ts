/**
 * The figure as SVG markup, for print: the same layout as the PNG, with the
 * map redrawn as vectors (d3-geo, planar Web Mercator fitted to the view) in
 * the map's colours. One `<path class="corridor" data-feature-id>` per
 * corridor in the frame; multi-mode routes add one `leg` path per leg. Pure.
 */
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, Point, Position } from 'geojson';
import type { AtlasFeature } from '../atlas/types.ts';
import { ICON_SIZE, ICONS } from '../map/icons.ts';
import { APPROXIMATE_RING, BASEMAP_COLORS, MODE_COLORS, POINT_KINDS, type PointKind } from '../map/palette.ts';
import { FONT_FAMILY, type FigureLayout } from './layout.ts';
import type { LegendItem } from './legend.ts';
import { framePath, projector, type FrameView } from '../view/webMercator.ts';
import type { ScaleBar } from './scaleBar.ts';

export interface SvgMapInput {
  view: FrameView;
  basemap: { land: FeatureCollection; borders: FeatureCollection; rivers: FeatureCollection; 'country-labels': FeatureCollection };
  /** Features to draw (those the reader has not filtered out). */
  features: readonly AtlasFeature[];
  selectedId: string | null;
  /** Label of each feature, keyed to its footnotes. */
  labels: ReadonlyMap<string, string>;
  scale: ScaleBar;
  /** Label widths (default: an estimate). */
  measure?: LabelMeasure;
}

/** Width of a label in CSS pixels; the browser passes canvas measurement, tests an estimate. */
export type LabelMeasure = (text: string, size: number, weight: number) => number;
const estimate: LabelMeasure = (text, size) => text.length * size * 0.56;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Greedy label placement: the first candidate position that lies inside the
 * frame and overlaps nothing placed so far; else the first inside the frame;
 * else the first candidate moved into the frame — a figure keeps every label
 * (its footnote keys) even where it must crowd, and never cuts one at the edge.
 */
export function placeLabel(placed: Box[], candidates: { x: number; y: number; anchor: 'start' | 'middle' | 'end' }[], width: number, size: number, frame?: Box) {
  const boxOf = (c: (typeof candidates)[number]): Box => {
    const x0 = c.anchor === 'start' ? c.x : c.anchor === 'end' ? c.x - width : c.x - width / 2;
    return { x0: x0 - 2, y0: c.y - size, x1: x0 + width + 2, y1: c.y + size * 0.3 };
  };
  const inside = (b: Box) => !frame || (b.x0 >= frame.x0 && b.x1 <= frame.x1 && b.y0 >= frame.y0 && b.y1 <= frame.y1);
  let choice = candidates.find((c) => inside(boxOf(c)) && !placed.some((b) => overlaps(b, boxOf(c)))) ?? candidates.find((c) => inside(boxOf(c)));
  if (!choice) {
    const c = candidates[0];
    const b = boxOf(c);
    const dx = frame ? Math.max(frame.x0 - b.x0, Math.min(0, frame.x1 - b.x1)) : 0;
    const dy = frame ? Math.max(frame.y0 - b.y0, Math.min(0, frame.y1 - b.y1)) : 0;
    choice = { ...c, x: c.x + dx, y: c.y + dy };
  }
  const box = boxOf(choice);
  placed.push(box);
  return { ...choice, box };
}

export const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
const attr = (o: Record<string, string | number | undefined>) =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

/** Minimum area (km²) of a country labelled at a zoom, as the map style does. */
export function countryLabelMinArea(zoom: number): number {
  return zoom < 3 ? 1_000_000 : zoom < 4 ? 250_000 : zoom < 5 ? 60_000 : zoom < 6 ? 15_000 : 2_000;
}

const isLine = (f: AtlasFeature) => f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString';
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

function text(x: number, y: number, s: string, o: { size: number; weight?: number; fill: string; halo?: boolean; anchor?: string; spacing?: number }): string {
  const halo = o.halo ? ` stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"` : '';
  return `<text${attr({ x: x.toFixed(1), y: y.toFixed(1), 'font-size': o.size, 'font-weight': o.weight ?? 400, fill: o.fill, 'text-anchor': o.anchor, 'letter-spacing': o.spacing })}${halo}>${escapeXml(s)}</text>`;
}

function icon(kind: PointKind, x: number, y: number, size = ICON_SIZE): string {
  const spec = ICONS[kind];
  const k = size / 24;
  return `<g transform="translate(${(x - size / 2).toFixed(1)} ${(y - size / 2).toFixed(1)}) scale(${k.toFixed(4)})"><path d="${spec.shape}" fill="${spec.fill}" stroke="#ffffff" stroke-width="1.6"/>${spec.glyph ? `<path d="${spec.glyph}" fill="#ffffff" fill-rule="evenodd"/>` : ''}</g>`;
}

/** A feature label placed on the map: text, anchor point and the box it covers (all in frame pixels). */
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
}

/** The frame labels must stay inside: the map, less a strip at the bottom for the scale bar. */
export const labelFrame = (view: FrameView): Box => ({ x0: 0, y0: 0, x1: view.width, y1: view.height - 30 });

/** Labels of the points and lines in the frame, each placed clear of the symbols and earlier labels where it can be, and always inside the frame. */
export function mapLabels(input: SvgMapInput): MapLabel[] {
  const { view, features, labels } = input;
  const project = projector(view);
  const measure = input.measure ?? estimate;
  const placed: Box[] = [];
  const frame = labelFrame(view);
  const out: MapLabel[] = [];
  const shownPoints = features
    .filter((f): f is AtlasFeature & { geometry: Point } => f.geometry.type === 'Point')
    .map((f) => ({ f, p: project(f.geometry.coordinates[0], f.geometry.coordinates[1]) }))
    .filter(({ p }) => inFrame(p, view, -12));
  for (const { p } of shownPoints) placed.push({ x0: p[0] - 11, y0: p[1] - 11, x1: p[0] + 11, y1: p[1] + 11 });
  for (const { f, p } of shownPoints) {
    const label = labels.get(f.id) ?? f.properties.name;
    const [x, y] = p;
    const c = placeLabel(placed, [{ x: x + 14, y: y + 4, anchor: 'start' }, { x: x - 14, y: y + 4, anchor: 'end' }, { x, y: y - 15, anchor: 'middle' }, { x, y: y + 23, anchor: 'middle' }], measure(label, 12, 400), 12, frame);
    out.push({ featureId: f.id, text: label, x: c.x, y: c.y, anchor: c.anchor, size: 12, weight: 400, fill: BASEMAP_COLORS.label, box: c.box });
  }
  for (const f of features.filter(isLine)) {
    const label = labels.get(f.id) ?? f.properties.name;
    const spots = [0.5, 0.35, 0.65, 0.2, 0.8].map((t) => lineLabelPoint(f.geometry as LineString | MultiLineString, view, t)).filter((q): q is [number, number] => q !== null);
    if (!spots.length) continue;
    const w = measure(label, 11, 600);
    const clampX = (x: number) => Math.max(w / 2 + 4, Math.min(view.width - w / 2 - 4, x));
    const c = placeLabel(placed, spots.map(([x, y]) => ({ x: clampX(x), y: y - 6, anchor: 'middle' as const })), w, 11, frame);
    out.push({ featureId: f.id, text: label, x: c.x, y: c.y, anchor: c.anchor, size: 11, weight: 600, fill: MODE_COLORS[f.properties.mode], box: c.box });
  }
  return out;
}

export function mapSvg(input: SvgMapInput): string {
  const { view, basemap, features, selectedId, labels } = input;
  const path = framePath(view);
  const project = projector(view);
  const d = (g: Feature | FeatureCollection | Geometry) => path(g as Parameters<typeof path>[0]) ?? '';
  const out: string[] = [];
  out.push(`<rect width="${view.width}" height="${view.height}" fill="${BASEMAP_COLORS.water}"/>`);
  out.push(`<path class="land" d="${d(basemap.land)}" fill="${BASEMAP_COLORS.land}"/>`);
  out.push(`<path class="rivers" d="${d(basemap.rivers)}" fill="none" stroke="${BASEMAP_COLORS.river}" stroke-width="${view.zoom >= 6 ? 1.6 : 0.9}"/>`);
  out.push(`<path class="borders" d="${d(basemap.borders)}" fill="none" stroke="${BASEMAP_COLORS.border}" stroke-width="0.8"/>`);
  const minArea = countryLabelMinArea(view.zoom);
  for (const c of (basemap['country-labels'] as FeatureCollection<Point, { name: string; area_km2: number }>).features) {
    if (c.properties.area_km2 < minArea) continue;
    const p = project(c.geometry.coordinates[0], c.geometry.coordinates[1]);
    const name = c.properties.name.toUpperCase();
    const size = view.zoom >= 5 ? 12 : 10;
    const half = (estimate(name, size, 400) + name.length * 1.2) / 2;
    // Only where the whole name fits in the frame: a basemap label is never cut at the edge.
    if (p[0] - half >= 2 && p[0] + half <= view.width - 2 && p[1] - size >= 2 && p[1] + 4 <= view.height - 30) out.push(text(p[0], p[1], name, { size, fill: BASEMAP_COLORS.countryLabel, anchor: 'middle', spacing: 1.2 }));
  }

  const zones = features.filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon');
  for (const f of zones) {
    const c = MODE_COLORS[f.properties.mode];
    out.push(`<path class="zone"${attr({ 'data-feature-id': f.id })} d="${d(f.geometry)}" fill="${c}" fill-opacity="0.12" stroke="${c}" stroke-dasharray="3 2"/>`);
  }
  for (const f of features.filter(isLine)) {
    const geom = d(f.geometry);
    if (!geom) continue;
    const selected = f.id === selectedId;
    const width = (f.properties.geometry_basis === 'schematic' ? 2 : 2.5) * (selected ? 2 : 1);
    const dash = f.properties.geometry_basis === 'schematic' ? `${+(2.5 * width).toFixed(1)} ${+(1.8 * width).toFixed(1)}` : undefined;
    const legs = f.geometry.type === 'MultiLineString' && f.properties.legs?.length === f.geometry.coordinates.length ? f.properties.legs : null;
    if (selected) out.push(`<path d="${geom}" fill="none" stroke="#ffffff" stroke-width="${width + 5}" stroke-linecap="round" stroke-linejoin="round"/>`);
    out.push(
      `<path class="corridor"${attr({ 'data-feature-id': f.id, d: geom, fill: 'none', stroke: MODE_COLORS[f.properties.mode], 'stroke-width': width, 'stroke-dasharray': dash, 'stroke-linecap': dash ? 'butt' : 'round', 'stroke-linejoin': 'round' })}/>`,
    );
    legs?.forEach((mode, i) => {
      const leg = d({ type: 'LineString', coordinates: (f.geometry as MultiLineString).coordinates[i] });
      if (leg) out.push(`<path class="leg"${attr({ 'data-feature-id': f.id, 'data-leg': i, d: leg, fill: 'none', stroke: MODE_COLORS[mode], 'stroke-width': width, 'stroke-dasharray': dash, 'stroke-linecap': 'round' })}/>`);
    });
  }
  for (const f of features) {
    if (f.geometry.type !== 'Point') continue;
    const p = project(f.geometry.coordinates[0], f.geometry.coordinates[1]);
    if (!inFrame(p, view, -12)) continue;
    const kind = (POINT_KINDS as readonly string[]).includes(f.properties.kind) ? (f.properties.kind as PointKind) : 'venue';
    if (f.id === selectedId) out.push(`<circle cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="15" fill="#facc15" fill-opacity="0.55" stroke="#854d0e" stroke-width="2"/>`);
    else if (f.properties.geometry_basis === 'approximate')
      out.push(`<circle class="approximate" cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="13" fill="${APPROXIMATE_RING.fill}" fill-opacity="0.45" stroke="${APPROXIMATE_RING.stroke}" stroke-width="1.2"/>`);
    out.push(`<g class="point"${attr({ 'data-feature-id': f.id })}>${icon(kind, p[0], p[1])}</g>`);
  }
  const labelsOut = mapLabels(input).map((l) => text(l.x, l.y, l.text, { size: l.size, weight: l.weight, fill: l.fill, halo: true, anchor: l.anchor === 'start' ? undefined : l.anchor }));
  out.push(`<g class="labels">${labelsOut.join('')}</g>`);

  // Scale bar, bottom left.
  const { px, label } = input.scale;
  const y = view.height - 12;
  out.push(`<g class="scale"><rect x="8" y="${y - 18}" width="${(px + 16).toFixed(1)}" height="24" fill="#ffffff" fill-opacity="0.85" rx="2"/><path d="M12 ${y - 5}V${y}H${(12 + px).toFixed(1)}V${y - 5}" fill="none" stroke="#111827" stroke-width="1.5"/>${text(14, y - 7, label, { size: 10.5, fill: '#111827' })}</g>`);
  return out.join('\n');
}

function swatch(item: LegendItem, x: number, y: number): string {
  if (item.kind === 'line') return `<line x1="${x + 2}" y1="${y + 7}" x2="${x + 26}" y2="${y + 7}" stroke="${item.color}" stroke-width="3" stroke-linecap="round"/>`;
  if (item.kind === 'surveyed') return `<line x1="${x + 2}" y1="${y + 7}" x2="${x + 26}" y2="${y + 7}" stroke="#374151" stroke-width="2.5" stroke-linecap="round"/>`;
  if (item.kind === 'approximate')
    return `<circle cx="${x + 14}" cy="${y + 7}" r="7" fill="${APPROXIMATE_RING.fill}" stroke="${APPROXIMATE_RING.stroke}" stroke-width="1.2"/><circle cx="${x + 14}" cy="${y + 7}" r="3" fill="#374151"/>`;
  if (item.kind === 'schematic') return `<line x1="${x + 2}" y1="${y + 7}" x2="${x + 26}" y2="${y + 7}" stroke="#374151" stroke-width="2.5" stroke-dasharray="5 3.6"/>`;
  if (item.kind === 'zone') return `<rect x="${x + 2}" y="${y + 2}" width="24" height="10" fill="${item.color}" fill-opacity="0.15" stroke="${item.color}" stroke-dasharray="3 2"/>`;
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
