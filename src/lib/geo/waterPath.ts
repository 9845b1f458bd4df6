/**
 * A path through open water between two points, kept near the middle of the
 * channel. Pure: land polygons come in as an argument.
 *
 * Used for the Yangtze estuary below Zhenjiang, where the Natural Earth river
 * centreline stops and the land polygons take over: the estuary is rasterised
 * on a regular lon/lat grid (even-odd scanline fill of the land rings), a
 * distance-to-land transform is computed, and Dijkstra finds the path whose
 * cost grows near the banks. The result is simplified and rounded.
 */
import { lineString, simplify } from '@turf/turf';
import type { Position } from 'geojson';
import { type LonLat, roundLine } from './coords.ts';
import type { LandIndex } from './landCheck.ts';
import TinyQueue from 'tinyqueue';

export interface WaterGrid {
  west: number;
  south: number;
  step: number;
  cols: number;
  rows: number;
  /** 1 = land, 0 = water; row-major from the south-west corner. */
  land: Uint8Array;
}

/** Rasterise land inside [west, south, east, north] at `step` degrees (cell centres). */
export function rasterizeLand(land: LandIndex, box: [number, number, number, number], step: number): WaterGrid {
  const [west, south, east, north] = box;
  const cols = Math.ceil((east - west) / step);
  const rows = Math.ceil((north - south) / step);
  const grid = new Uint8Array(cols * rows);
  // Collect edges of every ring whose bbox overlaps.
  const edges: [number, number, number, number][] = [];
  for (const { poly, box: b } of land.polygons) {
    if (b[0] > east || b[2] < west || b[1] > north || b[3] < south) continue;
    for (const ring of poly.geometry.coordinates) {
      for (let i = 0; i < ring.length - 1; i++) {
        const [x1, y1] = ring[i];
        const [x2, y2] = ring[i + 1];
        if (Math.max(y1, y2) < south || Math.min(y1, y2) > north) continue;
        edges.push([x1, y1, x2, y2]);
      }
    }
  }
  for (let r = 0; r < rows; r++) {
    const y = south + (r + 0.5) * step;
    const xs: number[] = [];
    for (const [x1, y1, x2, y2] of edges) {
      if (y1 <= y === y2 <= y) continue;
      xs.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const c0 = Math.max(0, Math.ceil((xs[k] - west) / step - 0.5));
      const c1 = Math.min(cols - 1, Math.floor((xs[k + 1] - west) / step - 0.5));
      for (let c = c0; c <= c1; c++) grid[r * cols + c] = 1;
    }
  }
  return { west, south, step, cols, rows, land: grid };
}

/** Chamfer distance (in cells) from every water cell to the nearest land cell. */
function clearance(g: WaterGrid): Float32Array {
  const { cols, rows, land } = g;
  const d = new Float32Array(cols * rows).fill(1e9);
  for (let i = 0; i < d.length; i++) if (land[i]) d[i] = 0;
  const D = Math.SQRT2;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      if (c > 0) d[i] = Math.min(d[i], d[i - 1] + 1);
      if (r > 0) {
        d[i] = Math.min(d[i], d[i - cols] + 1);
        if (c > 0) d[i] = Math.min(d[i], d[i - cols - 1] + D);
        if (c < cols - 1) d[i] = Math.min(d[i], d[i - cols + 1] + D);
      }
    }
  for (let r = rows - 1; r >= 0; r--)
    for (let c = cols - 1; c >= 0; c--) {
      const i = r * cols + c;
      if (c < cols - 1) d[i] = Math.min(d[i], d[i + 1] + 1);
      if (r < rows - 1) {
        d[i] = Math.min(d[i], d[i + cols] + 1);
        if (c < cols - 1) d[i] = Math.min(d[i], d[i + cols + 1] + D);
        if (c > 0) d[i] = Math.min(d[i], d[i + cols - 1] + D);
      }
    }
  return d;
}

function cellOf(g: WaterGrid, p: Position): [number, number] {
  return [
    Math.min(g.cols - 1, Math.max(0, Math.floor((p[0] - g.west) / g.step))),
    Math.min(g.rows - 1, Math.max(0, Math.floor((p[1] - g.south) / g.step))),
  ];
}

/** Nearest water cell to p (breadth-first over rings of cells). */
function nearestWater(g: WaterGrid, p: Position): number {
  const [c0, r0] = cellOf(g, p);
  for (let rad = 0; rad < Math.max(g.cols, g.rows); rad++) {
    let best = -1;
    let bestD = Infinity;
    for (let r = r0 - rad; r <= r0 + rad; r++)
      for (let c = c0 - rad; c <= c0 + rad; c++) {
        if (r < 0 || c < 0 || r >= g.rows || c >= g.cols) continue;
        if (Math.max(Math.abs(r - r0), Math.abs(c - c0)) !== rad) continue;
        const i = r * g.cols + c;
        if (g.land[i]) continue;
        const dd = (r - r0) ** 2 + (c - c0) ** 2;
        if (dd < bestD) {
          bestD = dd;
          best = i;
        }
      }
    if (best >= 0) return best;
  }
  throw new Error('no water in grid');
}

export interface WaterPathOptions {
  /** Weight of the "stay away from the banks" term. */
  centreWeight?: number;
  /** Clearance (cells) beyond which no extra centring is sought. */
  maxClearance?: number;
  simplifyTolerance?: number;
  decimals?: number;
}

/**
 * Path through water from `from` to `to`. The returned line starts exactly at
 * `from` and ends exactly at `to` (they may sit on the bank).
 */
export function waterPath(g: WaterGrid, from: Position, to: Position, options: WaterPathOptions = {}): LonLat[] {
  const { centreWeight = 4, maxClearance = 12, simplifyTolerance = 0.002, decimals = 5 } = options;
  const { cols, rows, land, west, south, step } = g;
  const clr = clearance(g);
  const S = nearestWater(g, from);
  const T = nearestWater(g, to);
  const n = cols * rows;
  const dist = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  dist[S] = 0;
  // [distance when queued, cell]: a cell may be queued again with a shorter distance; stale entries are skipped.
  const heap = new TinyQueue<[number, number]>([[0, S]], (x, y) => x[0] - y[0]);
  const penalty = (i: number) => 1 + centreWeight / Math.min(clr[i], maxClearance);
  while (heap.length) {
    const [, u] = heap.pop()!;
    if (done[u]) continue;
    done[u] = 1;
    if (u === T) break;
    const r = Math.floor(u / cols);
    const c = u % cols;
    for (let dr = -1; dr <= 1; dr++)
      for (let dc = -1; dc <= 1; dc++) {
        if (!dr && !dc) continue;
        const rr = r + dr;
        const cc = c + dc;
        if (rr < 0 || cc < 0 || rr >= rows || cc >= cols) continue;
        const v = rr * cols + cc;
        if (land[v] || done[v]) continue;
        // No corner-cutting between two land cells.
        if (dr && dc && land[r * cols + cc] && land[rr * cols + c]) continue;
        const len = dr && dc ? Math.SQRT2 : 1;
        const nd = dist[u] + len * 0.5 * (penalty(u) + penalty(v));
        if (nd < dist[v]) {
          dist[v] = nd;
          prev[v] = u;
          heap.push([nd, v]);
        }
      }
  }
  if (!Number.isFinite(dist[T])) throw new Error('no water path between the two points');
  const cells: LonLat[] = [];
  for (let u = T; u !== -1; u = prev[u]) {
    const r = Math.floor(u / cols);
    const c = u % cols;
    cells.push([west + (c + 0.5) * step, south + (r + 0.5) * step]);
  }
  cells.reverse();
  const coords: Position[] = [from, ...cells.slice(1, -1), to];
  const simplified =
    simplifyTolerance > 0 && coords.length > 2
      ? simplify(lineString(coords), { tolerance: simplifyTolerance, highQuality: true }).geometry.coordinates
      : coords;
  return roundLine(simplified, decimals);
}
