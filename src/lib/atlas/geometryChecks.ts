/** Structural checks of one GeoJSON geometry against DESIGN.md's geometry rules. */
import type { Geometry, Position } from 'geojson';
import { distance } from 'geokdbush';
import { swappedVertices } from './swappedPositions.ts';

export interface GeometryIssue {
  message: string;
  hint?: string;
  /** Where inside `coordinates` the problem is (indexes), so callers can point at the line and column. */
  path?: number[];
}

const MAX_DECIMALS = 5;

function decimals(n: number): number {
  const s = String(n);
  if (s.includes('e')) return Number.POSITIVE_INFINITY;
  const dot = s.indexOf('.');
  return dot === -1 ? 0 : s.length - dot - 1;
}

/** A value as written, but with numbers JSON cannot hold (1e999 parses as Infinity) shown as such, not as null. */
export function showValue(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : v > 0 ? 'Infinity (a number too large, like 1e999)' : v < 0 ? '-Infinity (a number too large, like -1e999)' : 'NaN';
  if (Array.isArray(v)) return `[${v.slice(0, 4).map(showValue).join(',')}${v.length > 4 ? ',…' : ''}]`;
  return (JSON.stringify(v) ?? String(v)).slice(0, 200);
}

function checkPosition(p: unknown, where: string, issues: GeometryIssue[], path: number[] = []): p is Position {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3 || p.some((n) => typeof n !== 'number' || !Number.isFinite(n))) {
    const huge = Array.isArray(p) && p.some((n) => typeof n === 'number' && !Number.isFinite(n));
    issues.push({
      message: `${where}: position ${showValue(p)} is not [lon, lat]`,
      hint: huge ? 'write ordinary numbers: longitude within ±180, latitude within ±90' : 'write each position as [longitude, latitude] numbers',
      path,
    });
    return false;
  }
  const [lon, lat] = p as number[];
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
    const swapped = Math.abs(lon) <= 90 && Math.abs(lat) <= 180;
    issues.push({
      message: `${where}: position [${lon}, ${lat}] is out of range${swapped ? ' — it looks like [lat, lon] swapped' : ''}`,
      hint: swapped ? `GeoJSON is [longitude, latitude]: write [${lat}, ${lon}]` : 'longitude must be within ±180 and latitude within ±90',
      path,
    });
    return false;
  }
  if (decimals(lon) > MAX_DECIMALS || decimals(lat) > MAX_DECIMALS) {
    issues.push({ message: `${where}: position [${lon}, ${lat}] has more than ${MAX_DECIMALS} decimals`, hint: 'round to 5 decimals (about 1 m)', path });
  }
  return true;
}

function checkLine(coords: unknown, where: string, issues: GeometryIssue[], path: number[] = []): void {
  if (!Array.isArray(coords)) {
    issues.push({ message: `${where}: coordinates must be a list of positions`, hint: 'give [[lon, lat], [lon, lat], …]', path });
    return;
  }
  // Check every position (not just up to the first bad one): all problems at once.
  const ok = coords.map((p, i) => checkPosition(p, `${where}[${i}]`, issues, [...path, i])).every(Boolean);
  if (!ok) return;
  if (new Set(coords.map((p) => `${p[0]},${p[1]}`)).size < 2)
    issues.push({ message: `${where}: a line needs at least two distinct positions`, hint: 'add the other end of the line (a line with one place is a Point)', path });
  checkSwappedVertices(coords, where, issues, path);
  checkAntimeridian(coords, where, issues, path);
}

/**
 * A segment whose ends are more than 180° of longitude apart: the map draws it
 * the long way round (across Eurasia), while its length is measured the short
 * way. The atlas does not wrap lines; the author splits them at ±180°.
 */
function checkAntimeridian(coords: Position[], where: string, issues: GeometryIssue[], path: number[]): void {
  for (let i = 1; i < coords.length; i++) {
    const [a, b] = [coords[i - 1], coords[i]];
    if (Math.abs(b[0] - a[0]) > 180) {
      issues.push({
        message: `${where}[${i - 1}]–[${i}]: the segment from [${a[0]}, ${a[1]}] to [${b[0]}, ${b[1]}] crosses the antimeridian (±180° longitude); the map would draw it the long way round the world`,
        hint: 'split the line at ±180° into a MultiLineString (one part ending at 180, the next starting at -180), or keep the route on one side',
        path: [...path, i],
      });
      return;
    }
  }
}

/** In-range [lat, lon] swaps, which only show against the positions beside them (swappedPositions.ts). */
function checkSwappedVertices(coords: Position[], where: string, issues: GeometryIssue[], path: number[]): void {
  for (const i of swappedVertices(coords)) {
    const [lon, lat] = coords[i];
    const near = coords[i - 1] ?? coords[i + 1];
    issues.push({
      message: `${where}[${i}]: position [${lon}, ${lat}] is ${Math.round(distance(lon, lat, near[0], near[1]))} km from the positions beside it — it looks like [lat, lon] swapped`,
      hint: `GeoJSON is [longitude, latitude]: write [${lat}, ${lon}]`,
      path: [...path, i],
    });
  }
}

function checkPolygon(rings: unknown, where: string, issues: GeometryIssue[], path: number[] = []): void {
  if (!Array.isArray(rings) || rings.length === 0) {
    issues.push({ message: `${where}: a polygon needs at least one ring`, hint: 'give [[[lon, lat], …, first position again]]', path });
    return;
  }
  rings.forEach((ring: unknown, r) => {
    const w = `${where} ring ${r}`;
    const at = [...path, r];
    if (!Array.isArray(ring)) {
      issues.push({ message: `${w}: a ring must be a list of positions`, hint: 'give [[lon, lat], …, first position again]', path: at });
      return;
    }
    if (!ring.map((p, i) => checkPosition(p, `${w}[${i}]`, issues, [...at, i])).every(Boolean)) return;
    checkSwappedVertices(ring, w, issues, at);
    checkAntimeridian(ring, w, issues, at);
    if (ring.length < 4) issues.push({ message: `${w}: a ring needs at least 4 positions (first repeated as last)`, hint: 'a triangle is 3 corners plus the first corner again', path: at });
    const a = ring[0];
    const b = ring[ring.length - 1];
    if (a[0] !== b[0] || a[1] !== b[1])
      issues.push({
        message: `${w}: ring is not closed (first ${JSON.stringify(a)} ≠ last ${JSON.stringify(b)})`,
        hint: `repeat the first position at the end of the ring: add ${JSON.stringify(a)}`,
        path: [...at, ring.length - 1],
      });
  });
}

export function validateGeometry(g: Geometry): GeometryIssue[] {
  const issues: GeometryIssue[] = [];
  const c = (g as { coordinates?: unknown }).coordinates;
  switch (g.type) {
    case 'Point':
      checkPosition(c, 'Point', issues, []);
      break;
    case 'MultiPoint':
      if (!Array.isArray(c) || c.length === 0) issues.push({ message: 'MultiPoint has no positions', hint: 'give "coordinates": [[lon, lat], …]' });
      else c.forEach((p, i) => checkPosition(p, `MultiPoint[${i}]`, issues, [i]));
      break;
    case 'LineString':
      checkLine(c, 'LineString', issues);
      break;
    case 'MultiLineString':
      if (!Array.isArray(c) || c.length === 0) issues.push({ message: 'MultiLineString has no parts', hint: 'give "coordinates": [[[lon, lat], [lon, lat]], …]' });
      else c.forEach((l, i) => checkLine(l, `MultiLineString part ${i}`, issues, [i]));
      break;
    case 'Polygon':
      checkPolygon(c, 'Polygon', issues);
      break;
    case 'MultiPolygon':
      if (!Array.isArray(c) || c.length === 0) issues.push({ message: 'MultiPolygon has no polygons', hint: 'give "coordinates": [[[[lon, lat], …, first again]], …]' });
      else c.forEach((poly, i) => checkPolygon(poly, `MultiPolygon[${i}]`, issues, [i]));
      break;
    default:
      issues.push({ message: `unsupported geometry type "${(g as { type?: unknown }).type}"`, hint: 'use Point, MultiPoint, LineString, MultiLineString, Polygon or MultiPolygon' });
  }
  return issues;
}
