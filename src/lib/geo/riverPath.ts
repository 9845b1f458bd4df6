/**
 * River path extraction from a river-centreline FeatureCollection
 * (e.g. Natural Earth 10m "rivers and lake centerlines").
 *
 * Pure: no I/O. Given the reference lines and two [lon, lat] points, it snaps
 * each point to the nearest point of the selected river system, builds a graph
 * of the line network (shared vertices join, small gaps between part ends are
 * bridged) and returns the shortest path between the two snapped points,
 * simplified and rounded for storage.
 */
import { lineString, simplify } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { haversineKm, roundPosition, type LonLat } from './coords.ts';
import TinyQueue from 'tinyqueue';

export type { LonLat } from './coords.ts';

export interface RiverGraphOptions {
  /** Keep only features for which this returns true (default: every feature). */
  filter?: (f: Feature<Geometry, Record<string, unknown>>) => boolean;
  /** Join a part's end to the nearest vertex of another part within this distance (km). */
  joinToleranceKm?: number;
}

export interface RiverPathOptions {
  /** turf simplify tolerance in degrees; 0 disables simplification. */
  simplifyTolerance?: number;
  /** Decimal places of the returned coordinates. */
  decimals?: number;
  /** Fail if a point lies farther than this from the river (km). */
  maxSnapKm?: number;
}

export interface RiverPathResult {
  coordinates: LonLat[];
  /** Distance from each input point to its snapped position, km. */
  snapKm: [number, number];
  /** Length of the unsimplified path, km. */
  lengthKm: number;
}

interface Edge {
  to: number;
  w: number;
}

export interface RiverGraph {
  nodes: LonLat[];
  adj: Edge[][];
  /** Segments as [nodeA, nodeB] pairs, for snapping. */
  segments: [number, number][];
}

function keyOf(p: Position): string {
  return `${p[0].toFixed(6)},${p[1].toFixed(6)}`;
}

function linesOf(g: Geometry): Position[][] {
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

/** Build an undirected weighted graph (weights in km) from the selected lines. */
export function buildRiverGraph(
  fc: FeatureCollection<Geometry, Record<string, unknown>>,
  options: RiverGraphOptions = {},
): RiverGraph {
  const { filter = () => true, joinToleranceKm = 2 } = options;
  const nodes: LonLat[] = [];
  const adj: Edge[][] = [];
  const segments: [number, number][] = [];
  const index = new Map<string, number>();
  const partsNodes: number[][] = [];

  const nodeFor = (p: Position): number => {
    const k = keyOf(p);
    let i = index.get(k);
    if (i === undefined) {
      i = nodes.length;
      nodes.push([p[0], p[1]]);
      adj.push([]);
      index.set(k, i);
    }
    return i;
  };
  const link = (a: number, b: number) => {
    if (a === b) return;
    const w = haversineKm(nodes[a], nodes[b]);
    adj[a].push({ to: b, w });
    adj[b].push({ to: a, w });
  };

  for (const f of fc.features) {
    if (!f.geometry || !filter(f)) continue;
    for (const line of linesOf(f.geometry)) {
      const ids = line.map(nodeFor);
      partsNodes.push(ids);
      for (let i = 1; i < ids.length; i++) {
        if (ids[i] === ids[i - 1]) continue;
        link(ids[i - 1], ids[i]);
        segments.push([ids[i - 1], ids[i]]);
      }
    }
  }

  // Bridge small gaps: each part end joins the nearest vertex of any other part.
  partsNodes.forEach((ids, pi) => {
    for (const end of [ids[0], ids[ids.length - 1]]) {
      let best = -1;
      let bestD = Infinity;
      partsNodes.forEach((other, oi) => {
        if (oi === pi) return;
        for (const n of other) {
          if (n === end) {
            bestD = 0;
            best = -1;
            return;
          }
          const d = haversineKm(nodes[end], nodes[n]);
          if (d < bestD) {
            bestD = d;
            best = n;
          }
        }
      });
      if (best >= 0 && bestD > 0 && bestD <= joinToleranceKm) link(end, best);
    }
  });

  return { nodes, adj, segments };
}

interface Snap {
  seg: [number, number];
  point: LonLat;
  distKm: number;
}

/** Nearest point of any graph segment to p (local equirectangular projection). */
export function snapToGraph(graph: RiverGraph, p: LonLat): Snap {
  let best: Snap | null = null;
  const kx = Math.cos((p[1] * Math.PI) / 180);
  for (const seg of graph.segments) {
    const a = graph.nodes[seg[0]];
    const b = graph.nodes[seg[1]];
    const ax = (a[0] - p[0]) * kx;
    const ay = a[1] - p[1];
    const bx = (b[0] - p[0]) * kx;
    const by = b[1] - p[1];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let t = len2 === 0 ? 0 : -(ax * dx + ay * dy) / len2;
    t = Math.max(0, Math.min(1, t));
    const q: LonLat = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    const d = haversineKm(p, q);
    if (!best || d < best.distKm) best = { seg, point: q, distKm: d };
  }
  if (!best) throw new Error('river graph is empty');
  return best;
}

/** Dijkstra over the graph with two virtual nodes inserted at the snap points. */
function shortestPath(graph: RiverGraph, from: Snap, to: Snap): LonLat[] {
  const n = graph.nodes.length;
  const S = n;
  const T = n + 1;
  const nodes = [...graph.nodes, from.point, to.point];
  const extra = new Map<number, Edge[]>();
  const addExtra = (a: number, b: number) => {
    const w = haversineKm(nodes[a], nodes[b]);
    if (!extra.has(a)) extra.set(a, []);
    if (!extra.has(b)) extra.set(b, []);
    extra.get(a)!.push({ to: b, w });
    extra.get(b)!.push({ to: a, w });
  };
  addExtra(S, from.seg[0]);
  addExtra(S, from.seg[1]);
  addExtra(T, to.seg[0]);
  addExtra(T, to.seg[1]);
  const sameSeg =
    (from.seg[0] === to.seg[0] && from.seg[1] === to.seg[1]) ||
    (from.seg[0] === to.seg[1] && from.seg[1] === to.seg[0]);
  if (sameSeg) addExtra(S, T);

  const dist = new Float64Array(n + 2).fill(Infinity);
  const prev = new Int32Array(n + 2).fill(-1);
  const done = new Uint8Array(n + 2);
  dist[S] = 0;
  const heap = new TinyQueue<[number, number]>([[0, S]], (x, y) => x[0] - y[0]);
  while (heap.length) {
    const [d, u] = heap.pop()!;
    if (done[u]) continue;
    done[u] = 1;
    if (u === T) break;
    const edges = [...(u < n ? graph.adj[u] : []), ...(extra.get(u) ?? [])];
    for (const e of edges) {
      const nd = d + e.w;
      if (nd < dist[e.to]) {
        dist[e.to] = nd;
        prev[e.to] = u;
        heap.push([nd, e.to]);
      }
    }
  }
  if (!Number.isFinite(dist[T])) throw new Error('no river path between the two points');
  const out: LonLat[] = [];
  for (let u = T; u !== -1; u = prev[u]) out.push(nodes[u]);
  return out.reverse();
}

/** Length of a polyline in km (haversine). */
export function polylineKm(coords: LonLat[]): number {
  let s = 0;
  for (let i = 1; i < coords.length; i++) s += haversineKm(coords[i - 1], coords[i]);
  return s;
}

/**
 * Path along the river network from `from` to `to` (both [lon, lat]).
 * The result starts at the snapped `from` and ends at the snapped `to`.
 */
export function riverPath(
  graph: RiverGraph,
  from: LonLat,
  to: LonLat,
  options: RiverPathOptions = {},
): RiverPathResult {
  const { simplifyTolerance = 0.003, decimals = 5, maxSnapKm = 10 } = options;
  const a = snapToGraph(graph, from);
  const b = snapToGraph(graph, to);
  for (const [p, s] of [
    [from, a],
    [to, b],
  ] as const) {
    if (s.distKm > maxSnapKm) {
      throw new Error(`point [${p}] is ${s.distKm.toFixed(1)} km from the river (max ${maxSnapKm})`);
    }
  }
  const raw = shortestPath(graph, a, b);
  const lengthKm = polylineKm(raw);
  let coords: LonLat[] = raw;
  if (simplifyTolerance > 0 && raw.length > 2) {
    const simplified = simplify(lineString(raw), { tolerance: simplifyTolerance, highQuality: true });
    coords = simplified.geometry.coordinates as LonLat[];
  }
  const rounded: LonLat[] = [];
  for (const c of coords) {
    const r = roundPosition(c, decimals);
    const last = rounded[rounded.length - 1];
    if (!last || last[0] !== r[0] || last[1] !== r[1]) rounded.push(r);
  }
  return { coordinates: rounded, snapKm: [a.distKm, b.distKm], lengthKm };
}

/** Filter for the Yangtze main stem in Natural Earth (name_en "Yangtze"). */
export const yangtzeOnly = (f: Feature<Geometry, Record<string, unknown>>): boolean =>
  f.properties?.name_en === 'Yangtze' && f.properties?.featurecla === 'River';
