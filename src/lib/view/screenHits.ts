/**
 * What is drawn near a screen position, for a map drawn without one element
 * per feature (the SVG map of a large atlas draws each style as one path).
 * Answers the `query` that `resolveHit` (src/lib/map/hitTest.ts) asks, so a
 * click means the same on this map as on the WebGL map. Pure.
 */
import type { Geometry, Position } from 'geojson';
import type { Hit } from '../map/hitTest.ts';
import { offsetLine } from './lanes.ts';

type XY = [number, number];

/** One feature piece as drawn, in screen pixels (later pieces are drawn above earlier ones). */
export type ScreenPiece =
  | { id: string; layer: 'point'; at: XY; radius: number }
  | { id: string; layer: 'line'; lines: XY[][]; halfWidth: number }
  | { id: string; layer: 'zone'; rings: XY[][]; area?: number };

/** Squared distance from p to the segment a–b. */
function segmentDistance2(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2)) : 0;
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return x * x + y * y;
}

/** Even–odd rule over all rings: holes count out. */
function inside(p: XY, rings: XY[][]): boolean {
  let odd = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

/** Pieces drawn within `radius` pixels of (x, y), topmost first: points, then lines, then zones. */
export function queryScreen(pieces: readonly ScreenPiece[], x: number, y: number, radius: number): Hit[] {
  const p: XY = [x, y];
  const points: Hit[] = [];
  const lines: Hit[] = [];
  const zones: Hit[] = [];
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i];
    if (piece.layer === 'point') {
      const reach = piece.radius + radius;
      const dx = piece.at[0] - x;
      const dy = piece.at[1] - y;
      if (dx * dx + dy * dy <= reach * reach) points.push({ id: piece.id, layer: 'point', at: { x: piece.at[0], y: piece.at[1] } });
    } else if (piece.layer === 'line') {
      const reach = (piece.halfWidth + radius) ** 2;
      if (piece.lines.some((line) => line.some((a, k) => k > 0 && segmentDistance2(p, line[k - 1], a) <= reach))) lines.push({ id: piece.id, layer: 'line' });
    } else if (inside(p, piece.rings)) {
      zones.push({ id: piece.id, layer: 'zone', area: piece.area });
    }
  }
  return [...points, ...lines, ...zones];
}

/**
 * The pieces as `queryScreen` reads them: projected to the screen, in drawing
 * order (zones, lines, points). A line in a lane of a shared corridor is moved
 * sideways by `laneOffset(lane)` pixels, where the map draws it.
 */
export function screenPiecesOf(
  pieces: readonly { geometry: Geometry; properties: { fid: string; lane?: number; area?: number } }[],
  project: (lng: number, lat: number) => [number, number],
  sizes: { pointRadius: number; lineHalfWidth: number; laneOffset?: (lane: number) => number },
): ScreenPiece[] {
  const ring = (coords: Position[]) => coords.map(([lng, lat]) => project(lng, lat));
  const lane = (coords: Position[], n: number | undefined) => (n && sizes.laneOffset ? offsetLine(ring(coords), sizes.laneOffset(n)) : ring(coords));
  const zones: ScreenPiece[] = [];
  const lines: ScreenPiece[] = [];
  const points: ScreenPiece[] = [];
  for (const { geometry: g, properties } of pieces) {
    const id = properties.fid;
    if (g.type === 'Point') points.push({ id, layer: 'point', at: project(g.coordinates[0], g.coordinates[1]), radius: sizes.pointRadius });
    else if (g.type === 'LineString') lines.push({ id, layer: 'line', lines: [lane(g.coordinates, properties.lane)], halfWidth: sizes.lineHalfWidth });
    else if (g.type === 'MultiLineString') lines.push({ id, layer: 'line', lines: g.coordinates.map((c) => lane(c, properties.lane)), halfWidth: sizes.lineHalfWidth });
    else if (g.type === 'Polygon') zones.push({ id, layer: 'zone', rings: g.coordinates.map(ring), area: properties.area });
    else if (g.type === 'MultiPolygon') zones.push({ id, layer: 'zone', rings: g.coordinates.flat().map(ring), area: properties.area });
  }
  return [...zones, ...lines, ...points];
}

/** An SVG path drawing a circle of radius r at (x, y): many circles become one path element. */
export const circlePath = (x: number, y: number, r: number) => `M${(x - r).toFixed(1)},${y.toFixed(1)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
