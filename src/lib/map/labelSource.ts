/**
 * The label pass (view/labelPass.ts) as GeoJSON for MapLibre's label layer:
 * each label a point where it hangs — a point feature's label on the feature,
 * a place name on its dot, anything else on its own spot — with the offset,
 * anchor, size and inks that put it exactly where the SVG map draws it.
 */
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { BASEMAP_COLORS } from '../cartography/palette.ts';
import { COUNTRY_LETTER_SPACING, LABEL_HALO, NAME_HALO, placeDotRadius, RIVER_LETTER_SPACING } from '../cartography/labels.ts';
import type { LabelPass } from '../view/labelPass.ts';
import { projector, unprojector, type FrameView } from '../view/webMercator.ts';
import type { RenderProperties } from './renderData.ts';

/** From an SVG text's baseline to the middle of its line, in ems (where MapLibre's anchors sit). */
const BASELINE_TO_MIDDLE = 0.35;

const ANCHOR = { start: 'left', middle: 'center', end: 'right' } as const;

export interface LabelProperties {
  kind: 'atlas' | 'place' | 'river' | 'country';
  text: string;
  /** The atlas feature labelled, or '' for basemap names. */
  fid: string;
  size: number;
  weight: number;
  anchor: 'left' | 'center' | 'right';
  /** In ems, from the point. */
  offset: [number, number];
  rotate: number;
  spacing: number;
  color: string;
  halo: string;
  haloWidth: number;
  /** A place's dot radius (0 for other labels). */
  dot: number;
  /** Screen position the pass gave the text's anchor, for tests comparing renderers. */
  x: number;
  y: number;
  /** A place's or country's names in both languages and a place's first zoom ('' and -1 for other labels). */
  name: string;
  name_zh: string;
  z: number;
}

export function labelFeatures(pass: LabelPass, view: FrameView, pieces: readonly Feature<Geometry, RenderProperties>[]): FeatureCollection<Point, LabelProperties> {
  const unproject = unprojector(view);
  const pointOf = new Map<string, [number, number]>();
  for (const p of pieces) if (p.geometry.type === 'Point') pointOf.set(p.properties.fid, p.geometry.coordinates as [number, number]);
  const toPixel = projector(view);
  const project = (lngLat: [number, number]) => toPixel(lngLat[0], lngLat[1]);
  const out: Feature<Point, LabelProperties>[] = [];
  const add = (home: [number, number], at: [number, number], p: Omit<LabelProperties, 'offset' | 'x' | 'y' | 'name' | 'name_zh' | 'z'> & Partial<Pick<LabelProperties, 'name' | 'name_zh' | 'z'>>) => {
    const [hx, hy] = project(home);
    const middle = at[1] - BASELINE_TO_MIDDLE * p.size;
    out.push({ type: 'Feature', geometry: { type: 'Point', coordinates: home }, properties: { name: '', name_zh: '', z: -1, ...p, offset: [+((at[0] - hx) / p.size).toFixed(3), +((middle - hy) / p.size).toFixed(3)], x: +at[0].toFixed(1), y: +at[1].toFixed(1) } });
  };
  for (const l of pass.atlas.labels) {
    const home = pointOf.get(l.featureId) ?? unproject(l.x, l.y - BASELINE_TO_MIDDLE * l.size);
    add(home, [l.x, l.y], { kind: 'atlas', text: l.text, fid: l.featureId, size: l.size, weight: l.weight, anchor: ANCHOR[l.anchor], rotate: 0, spacing: 0, color: l.fill, halo: BASEMAP_COLORS.halo, haloWidth: LABEL_HALO, dot: 0 });
  }
  for (const n of pass.names) {
    const base = { text: n.text, fid: '', size: n.size, weight: 400, rotate: 0, halo: BASEMAP_COLORS.land, haloWidth: NAME_HALO, name: n.source?.name ?? '', name_zh: n.source?.name_zh ?? '', z: n.source?.z ?? -1 };
    if (n.kind === 'place') {
      const home = n.dot ? unproject(n.dot[0], n.dot[1]) : unproject(n.x, n.y - BASELINE_TO_MIDDLE * n.size);
      add(home, [n.x, n.y], { ...base, kind: 'place', anchor: ANCHOR[n.anchor], spacing: 0, color: n.tier === 2 ? BASEMAP_COLORS.placeLabel : BASEMAP_COLORS.capitalLabel, dot: n.dot ? placeDotRadius(n.tier ?? 2) : 0 });
    } else if (n.kind === 'river') {
      // The SVG map sets a river's name on its middle, rotated about that point.
      const home = unproject(n.x, n.y);
      out.push({ type: 'Feature', geometry: { type: 'Point', coordinates: home }, properties: { ...base, kind: 'river', anchor: 'center', offset: [0, 0], rotate: +(n.angle ?? 0).toFixed(1), spacing: RIVER_LETTER_SPACING, color: BASEMAP_COLORS.riverLabel, dot: 0, x: +n.x.toFixed(1), y: +n.y.toFixed(1) } });
    } else {
      add(unproject(n.x, n.y - BASELINE_TO_MIDDLE * n.size), [n.x, n.y], { ...base, kind: 'country', anchor: 'center', spacing: n.text.match(/[\u3000-\u9fff]/) ? 0 : COUNTRY_LETTER_SPACING, color: BASEMAP_COLORS.countryLabel, dot: 0 });
    }
  }
  return { type: 'FeatureCollection', features: out };
}
