/**
 * Turn atlas features into the flat GeoJSON the map draws. Multi-leg routes
 * (river then sea, rail then sea) become one line per leg so each leg is
 * coloured by its own mode; every piece carries the atlas feature id as `fid`
 * so hover and selection (feature-state, promoteId) act on the whole feature.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
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
    },
  };
}

export function renderFeatures(features: readonly AtlasFeature[]): FeatureCollection<Geometry, RenderProperties> {
  const out: Feature<Geometry, RenderProperties>[] = [];
  for (const f of features) {
    const g = f.geometry;
    const legs = f.properties.legs;
    if (g.type === 'MultiLineString' && legs && legs.length === g.coordinates.length) {
      g.coordinates.forEach((coords, i) => out.push(piece(f, { type: 'LineString', coordinates: coords }, legs[i])));
    } else {
      out.push(piece(f, g, f.properties.mode));
    }
  }
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
