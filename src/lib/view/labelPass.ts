/**
 * Every label of an on-screen map, placed once for whichever renderer draws
 * it: the atlas's labels first (view/atlasLabels.ts), then the basemap's
 * names in the room they leave. The SVG map draws the result as text, and
 * MapLibre from a source of the same labels, so the two show the same names
 * in the same places and the handover from one to the other changes nothing.
 * Above LABEL_PASS_LIMIT pieces MapLibre places its own labels (per frame,
 * on its GPU path) and the SVG map batches. Pure.
 */
import type { Feature, Geometry, Point } from 'geojson';
import { BASEMAP_COLORS, modeColor } from '../cartography/palette.ts';
import { LINE_LABEL_MIN_ZOOM, pointLabelsShownAt } from '../cartography/labels.ts';
import type { RenderProperties } from '../map/renderData.ts';
import { placeAtlasLabels, takenIndex, type LabelMeasure, type PlacedLabels } from './atlasLabels.ts';
import { basemapNames, type BasemapNameLayers, type NameLabel } from './basemapNames.ts';
import type { FrameView } from './webMercator.ts';
import type { Box } from './collision.ts';

/** Above this many render pieces, each renderer places labels its own fast way. */
export const LABEL_PASS_LIMIT = 1500;

export interface LabelPass {
  atlas: PlacedLabels;
  names: NameLabel[];
}

const isZone = (g: Geometry) => g.type === 'Polygon' || g.type === 'MultiPolygon';

export function labelPass(input: {
  view: FrameView;
  pieces: readonly Feature<Geometry, RenderProperties>[];
  selectedId: string | null;
  lang: 'en' | 'zh';
  measure: LabelMeasure;
  /** Point features in the whole atlas (the zoom rule for point labels). */
  pointCount: number;
  names: BasemapNameLayers;
  /** Parts of the map a panel covers: no label is placed there. */
  covered?: readonly Box[];
}): LabelPass {
  const { view, lang } = input;
  // One subject per feature (a multi-leg route is several pieces), zones are not labelled.
  const byId = new Map<string, Feature<Geometry, RenderProperties>>();
  for (const p of input.pieces) if (!isZone(p.geometry) && !byId.has(p.properties.fid)) byId.set(p.properties.fid, p);
  const subjects = [...byId.values()].map((p) => ({
    id: p.properties.fid,
    text: lang === 'zh' && p.properties.name_zh ? p.properties.name_zh : p.properties.name,
    geometry: p.geometry as Point,
    color: modeColor(p.properties.mode),
    priority: p.properties.rank,
  }));
  const common = { view, selectedId: input.selectedId, measure: input.measure, pointColor: BASEMAP_COLORS.label };
  // 1. The atlas's symbols and point labels.
  const points = placeAtlasLabels({ ...common, subjects, pointLabels: pointLabelsShownAt(view.zoom, input.pointCount), lineLabels: false, reserved: input.covered });
  // 2. The major cities, so a reader always knows where they are (a line's name can move along its line; a city cannot).
  const index = takenIndex(points, view);
  const cityBoxes: Box[] = [];
  const recording = {
    fits: (b: Box) => index.fits(b),
    insert: (b: Box) => {
      index.insert(b);
      cityBoxes.push(b);
    },
    place(bs: readonly Box[]): number {
      const i = bs.findIndex((b) => index.fits(b));
      if (i >= 0) this.insert(bs[i]);
      return i;
    },
  };
  const cities = basemapNames(input.names, view, lang, recording, input.measure, 'major-places');
  // 3. The atlas's line labels in the room left; 4. the other names.
  const lines = placeAtlasLabels({ ...common, subjects: subjects.filter((s) => s.geometry.type !== 'Point'), pointLabels: false, lineLabels: view.zoom >= LINE_LABEL_MIN_ZOOM, reserved: [...points.taken, ...cityBoxes] });
  const atlas: PlacedLabels = { labels: [...points.labels, ...lines.labels], keys: [], unlabelled: [...points.unlabelled, ...lines.unlabelled], taken: lines.taken };
  return { atlas, names: [...cities, ...basemapNames(input.names, view, lang, takenIndex(atlas, view), input.measure, 'rest')] };
}
