/**
 * The drawn part a published length describes. A figure such as "Kunming–
 * Vientiane, 1,035 km" on a line drawn from Huaihua says nothing about the
 * whole line: it is compared with the stretch between its `from` and `to`
 * positions, each a vertex of the line. Pure.
 */
import type { Geometry, Position } from 'geojson';
import { haversineKm } from '../geo/coords.ts';

/** A part's end must be a vertex of the line: within this distance of one. */
export const PART_END_KM = 1;

export type PartResult = { ok: true; km: number } | { ok: false; message: string };

/** The vertices of a line in drawing order (the parts of a MultiLineString joined end to end). */
function lineVertices(geometry: Geometry): Position[] {
  if (geometry.type === 'LineString') return geometry.coordinates;
  if (geometry.type === 'MultiLineString') return geometry.coordinates.flat();
  return [];
}

function nearestVertex(vertices: Position[], at: Position): { index: number; km: number } {
  let best = { index: -1, km: Number.POSITIVE_INFINITY };
  vertices.forEach((v, index) => {
    const km = haversineKm(v, at);
    if (km < best.km) best = { index, km };
  });
  return best;
}

/** Length along the drawn line from the vertex at `from` to the vertex at `to` (km, great-circle segments). */
export function partLengthKm(geometry: Geometry, from: Position, to: Position): PartResult {
  const vertices = lineVertices(geometry);
  if (vertices.length < 2) return { ok: false, message: 'only a line has a part to measure' };
  const a = nearestVertex(vertices, from);
  const b = nearestVertex(vertices, to);
  for (const [end, hit] of [['from', a], ['to', b]] as const)
    if (hit.km > PART_END_KM) return { ok: false, message: `"${end}" is ${hit.km.toFixed(1)} km from the nearest vertex of the line; it must be one of its vertices (within ${PART_END_KM} km)` };
  if (a.index >= b.index) return { ok: false, message: '"from" must come before "to" along the line' };
  let km = 0;
  for (let i = a.index + 1; i <= b.index; i++) km += haversineKm(vertices[i - 1], vertices[i]);
  return { ok: true, km };
}
