/**
 * Where to click for the click→panel latency: a view and two or more point
 * features in it that stand alone (no other feature or label within reach),
 * so one click opens one panel on every page — no overlap menu.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, Position } from 'geojson';
import type { MapView as View } from '../../src/lib/atlas/urlState.ts';
import { pixelOf as project } from '../../src/lib/view/webMercator.ts';

export interface Target {
  id: string;
  lng: number;
  lat: number;
}

/** Pixels around a target that must be free of other points (their symbols and labels) and of lines. */
const POINT_CLEAR = 120;
const LINE_CLEAR = 40;
/** Targets stay this close to the centre, so they are on screen whether or not the app's panel narrows the map. */
const MAX_DX = 200;
const MAX_DY = 250;

function segmentDistance(p: [number, number], a: [number, number], b: [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = dx || dy ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy))) : 0;
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function rings(f: Feature): Position[][] {
  const g = f.geometry;
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString' || g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  return [];
}

export function clickTargets(dataRoot: string, count = 3): { view: View; targets: Target[] } {
  const dir = join(dataRoot, 'data/features');
  const features: Feature[] = readdirSync(dir)
    .filter((f) => f.endsWith('.geojson'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).features);
  // Where a click lands on a feature: a point, or an inner vertex of a line (real ports sit on their rivers, so lines are needed too).
  const spots = features.flatMap((f) => {
    if (f.geometry.type === 'Point') return [{ f, c: f.geometry.coordinates }];
    if (f.geometry.type === 'LineString') return f.geometry.coordinates.slice(1, -1).map((c) => ({ f, c }));
    return [];
  });
  const boxes = new Map(features.map((f) => {
    const cs = f.geometry.type === 'Point' ? [f.geometry.coordinates] : rings(f).flat();
    return [f, [Math.min(...cs.map((c) => c[0])), Math.min(...cs.map((c) => c[1])), Math.max(...cs.map((c) => c[0])), Math.max(...cs.map((c) => c[1]))]];
  }));
  for (const zoom of [6, 7, 8, 9, 10, 11]) {
    for (const centre of spots.slice(0, 400)) {
      const [lng, lat] = centre.c;
      const view = { zoom, lat, lng };
      // Only features near the view matter (a generous box in degrees; Mercator stretches latitude by < 2 here).
      const reach = ((MAX_DX + POINT_CLEAR) * 360) / (512 * 2 ** zoom) * 2;
      const nearby = features.filter((f) => {
        const [w, s, e, n] = boxes.get(f)!;
        return e >= lng - reach && w <= lng + reach && n >= lat - reach && s <= lat + reach;
      });
      const px = (c: Position): [number, number] => {
        const p = project(view, 0, 0, c[0], c[1]);
        return [p.x, p.y];
      };
      const alone = spots.filter((s) => {
        const me = px(s.c);
        if (Math.abs(me[0]) > MAX_DX || Math.abs(me[1]) > MAX_DY) return false;
        return nearby.every((o) => {
          if (o === s.f) return true;
          if (o.geometry.type === 'Point') {
            const q = px(o.geometry.coordinates);
            return Math.hypot(q[0] - me[0], q[1] - me[1]) > POINT_CLEAR;
          }
          const clear = s.f.geometry.type === 'Point' ? LINE_CLEAR : POINT_CLEAR;
          return rings(o).every((r) => r.every((c, i) => i === 0 || segmentDistance(me, px(r[i - 1]), px(c)) > clear));
        });
      });
      // One spot per feature, and points before lines (lines are thin targets).
      const seen = new Set<Feature>();
      const distinct = alone
        .sort((a, b) => Number(b.f.geometry.type === 'Point') - Number(a.f.geometry.type === 'Point'))
        .filter((s) => !seen.has(s.f) && seen.add(s.f));
      if (distinct.length >= Math.min(count, 2)) {
        const targets = distinct.slice(0, count).map((s) => ({ id: String(s.f.id), lng: s.c[0], lat: s.c[1] }));
        return { view, targets };
      }
    }
  }
  throw new Error(`no view with two isolated point features in ${dataRoot}`);
}
