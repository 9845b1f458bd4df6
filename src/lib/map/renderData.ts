/**
 * Turn atlas features into the flat GeoJSON the map draws. Multi-leg routes
 * (river then sea, rail then sea) become one line per leg so each leg is
 * coloured by its own mode; every piece carries the atlas feature id as `fid`
 * so hover and selection (feature-state, promoteId) act on the whole feature.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { featureLegs, isLineFeature } from '../atlas/filters.ts';
import type { AtlasFeature, Mode } from '../atlas/types.ts';

export interface RenderProperties {
  fid: string;
  name: string;
  name_zh: string;
  kind: string;
  mode: Mode;
  basis: string;
  /** Lower draws labels first (more important). */
  rank: number;
  /** Side-by-side slot for lines that share a corridor (0 = centre, ±1, ±2 …). */
  lane: number;
}

const KIND_RANK: Record<string, number> = {
  'land-port': 1,
  port: 2,
  airport: 3,
  customs: 4,
  'rail-hub': 5,
  venue: 6,
};

function piece(f: AtlasFeature, geometry: Geometry, mode: Mode): Feature<Geometry, RenderProperties> {
  return {
    type: 'Feature',
    geometry,
    properties: {
      fid: f.id,
      name: f.properties.name,
      name_zh: f.properties.name_zh ?? '',
      kind: f.properties.kind,
      mode,
      basis: f.properties.geometry_basis,
      rank: KIND_RANK[f.properties.kind] ?? 9,
      lane: 0,
    },
  };
}

/** Columns and rows stay within ±(180 / 0.05) = ±3600, so both fit in 0…16383 after the bias. */
const CELL_BIAS = 8192;
const CELL_SPAN = 16384;

/**
 * Grid cells (about 5 km) a line passes through, interpolating long segments.
 * A cell is one small integer (column and row packed), which Sets and Maps
 * hash far faster than "x,y" strings: the lane pass runs on every atlas load.
 */
function cellsOf(coords: number[][], cell = 0.05): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < coords.length; i++) {
    const [x1, y1] = coords[i];
    const [x0, y0] = i ? coords[i - 1] : coords[i];
    const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / cell));
    for (let k = 0; k <= steps; k++) {
      const t = k / steps;
      const column = Math.floor((x0 + (x1 - x0) * t) / cell) + CELL_BIAS;
      const row = Math.floor((y0 + (y1 - y0) * t) / cell) + CELL_BIAS;
      out.add(column * CELL_SPAN + row);
    }
  }
  return out;
}

const LANE_ORDER = [0, 1, -1, 2, -2, 3, -3, 4, -4];

/**
 * Give lines that run along the same corridor (sharing a stretch of at least
 * `minShared` cells) different lanes, so they are drawn side by side rather
 * than on top of one another. Longest lines take the centre.
 */
export function assignLanes(pieces: Feature<Geometry, RenderProperties>[], minShared = 6): void {
  const lines = pieces
    .filter((p) => p.geometry.type === 'LineString')
    .map((p) => ({ p, cells: cellsOf((p.geometry as { coordinates: number[][] }).coordinates) }))
    .sort((a, b) => b.cells.size - a.cells.size);
  // Which placed lines pass through each cell: shared stretches are counted through this index,
  // so the work grows with the number of cells, not with the square of the number of lines.
  const byCell = new Map<number, number[]>();
  const placedFid: string[] = [];
  const placedLane: number[] = [];
  const laneOf = new Map<string, number>();
  for (const { p, cells } of lines) {
    const fid = p.properties.fid;
    let lane = laneOf.get(fid);
    if (lane === undefined) {
      const shared = new Map<number, number>();
      for (const c of cells) for (const i of byCell.get(c) ?? []) if (placedFid[i] !== fid) shared.set(i, (shared.get(i) ?? 0) + 1);
      const taken = new Set<number>();
      for (const [i, n] of shared) if (n >= minShared) taken.add(placedLane[i]);
      lane = LANE_ORDER.find((l) => !taken.has(l)) ?? 0;
      laneOf.set(fid, lane);
    }
    p.properties.lane = lane;
    const index = placedFid.push(fid) - 1;
    placedLane.push(lane);
    for (const c of cells) {
      const list = byCell.get(c);
      if (list) list.push(index);
      else byCell.set(c, [index]);
    }
  }
}

/**
 * The pieces to draw. `lineModes` (the legend's line entries; null = all)
 * leaves out lines and legs in other modes: a rail-and-sea route shown for
 * its rail leg draws that leg alone. Points and zones are not chosen by mode.
 */
export function renderFeatures(features: readonly AtlasFeature[], lineModes: ReadonlySet<Mode> | null = null): FeatureCollection<Geometry, RenderProperties> {
  // The SVG map and the WebGL map draw the same selection one after the other: the lane pass runs once.
  const key = lineModes ? [...lineModes].sort().join(',') : '*';
  if (last?.features === features && last.key === key) return last.result;
  const result = computePieces(features, lineModes);
  last = { features, key, result };
  return result;
}
let last: { features: readonly AtlasFeature[]; key: string; result: FeatureCollection<Geometry, RenderProperties> } | null = null;

function computePieces(features: readonly AtlasFeature[], lineModes: ReadonlySet<Mode> | null): FeatureCollection<Geometry, RenderProperties> {
  const out: Feature<Geometry, RenderProperties>[] = [];
  const shown = (mode: Mode) => !lineModes || lineModes.has(mode);
  for (const f of features) {
    const g = f.geometry;
    const legs = featureLegs(f);
    if (g.type === 'MultiLineString' && legs) {
      g.coordinates.forEach((coords, i) => {
        if (shown(legs[i])) out.push(piece(f, { type: 'LineString', coordinates: coords }, legs[i]));
      });
    } else if (!isLineFeature(f) || shown(f.properties.mode)) {
      out.push(piece(f, g, f.properties.mode));
    }
  }
  assignLanes(out);
  return { type: 'FeatureCollection', features: out };
}

/** Bounding box [west, south, east, north] of a feature's geometry. */
export function featureBounds(f: AtlasFeature): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  visit((f.geometry as { coordinates: unknown }).coordinates);
  return [w, s, e, n];
}

/** The box around several boxes. */
export function unionBounds(boxes: [number, number, number, number][]): [number, number, number, number] {
  return boxes.reduce(([w, s, e, n], [w2, s2, e2, n2]) => [Math.min(w, w2), Math.min(s, s2), Math.max(e, e2), Math.max(n, n2)], [Infinity, Infinity, -Infinity, -Infinity]);
}
