/** The compiled atlas, read on the Node side so tests can aim at real features. */
import { resolve } from 'node:path';
import { pointToLineDistance } from '@turf/turf';
import type { LineString, MultiLineString, Position } from 'geojson';
import { compileAtlas } from '../../src/lib/atlas/compile.ts';
import type { Atlas, AtlasFeature } from '../../src/lib/atlas/types.ts';
import { readDataFiles } from '../../scripts/data-files.ts';

let cached: Atlas | null = null;

export function loadAtlas(): Atlas {
  if (cached) return cached;
  const r = compileAtlas(readDataFiles(resolve(import.meta.dirname, '../..')));
  if (!r.atlas) throw new Error('data/ does not compile: run npm run check');
  return (cached = r.atlas);
}

export function feature(id: string): AtlasFeature {
  const f = loadAtlas().features.find((x) => x.id === id);
  if (!f) throw new Error(`no feature ${id} in data/`);
  return f;
}

function lines(f: AtlasFeature): Position[][] {
  const g = f.geometry;
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

/**
 * A vertex of `f` that lies at least `clearKm` from every other line and point
 * of the atlas, so a click there hits `f` alone. Null when there is none.
 */
export function isolatedVertex(f: AtlasFeature, clearKm: number): Position | null {
  const others = loadAtlas().features.filter((o) => o.id !== f.id);
  for (const line of lines(f)) {
    for (let i = Math.floor(line.length / 2), step = 0; step < line.length; step++) {
      const v = line[(i + step) % line.length];
      const clear = others.every((o) => {
        if (o.geometry.type === 'Point') {
          const [x, y] = o.geometry.coordinates;
          return Math.hypot((x - v[0]) * Math.cos((y * Math.PI) / 180), y - v[1]) * 111 > clearKm;
        }
        if (o.geometry.type === 'LineString' || o.geometry.type === 'MultiLineString') {
          return lines(o).every((l) => pointToLineDistance(v, { type: 'LineString', coordinates: l } as LineString) > clearKm);
        }
        return true;
      });
      if (clear) return v;
    }
  }
  return null;
}

export type { MultiLineString };
