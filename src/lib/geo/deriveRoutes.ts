/**
 * Derive the geometry of route recipes (data/derive/geometry.yaml): pure, no
 * file system. The CLI (scripts/derive-routes.ts) and the in-browser editor
 * both call it; the caller supplies the heavy reference inputs (Natural Earth
 * rivers, world-atlas land) through loaders that are only called when a step
 * needs them.
 *
 *   const ctx = new DeriveContext(spec, points, { rivers: () => …, land: () => … });
 *   const r = deriveRecipe(ctx, 'my-route', recipe);   // { geometry, legs? } or { error }
 *
 * Every id-keyed lookup goes through a Map, so an id such as "constructor" or
 * "__proto__" is just an id.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { ccwRing, densifyGreatCircle, type LonLat, roundLine } from './coords.ts';
import { buildRiverGraph, riverPath, snapToGraph, yangtzeOnly, type RiverGraph } from './riverPath.ts';
import { indexLand } from './landCheck.ts';
import { rasterizeLand, waterPath, type WaterGrid } from './waterPath.ts';

/** A waypoint: a point feature id, a key of `places`, or a literal [lon, lat]. */
export type Ref = string | [number, number];
export type Step =
  | { river: [Ref, Ref] }
  | { estuary: [Ref, Ref] }
  | { sea: Ref[] }
  | { line: Ref[] }
  | { arc: Ref[] };
export const STEP_KINDS = ['river', 'estuary', 'sea', 'line', 'arc'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface Recipe {
  parts?: { leg?: string; steps: Step[] }[];
  polygons?: [number, number][][];
}

export interface Place {
  at: [number, number];
  note?: string;
}

/** data/derive/geometry.yaml, checked: places and recipes keyed by id in Maps. */
export interface GeometrySpec {
  places: Map<string, Place>;
  recipes: Map<string, Recipe>;
}

export interface DerivedGeometry {
  geometry: Geometry;
  /** One mode per part, for multi-part routes; absent for single lines and polygons. */
  legs?: string[];
}

export interface ReferenceLoaders {
  /** Natural Earth reference rivers (data/basemap/ne_10m_rivers_yangtze_mekong.geojson). */
  rivers: () => FeatureCollection<Geometry, Record<string, unknown>>;
  /** world-atlas land-10m as one (Multi)Polygon feature. */
  land: () => Feature<MultiPolygon | Polygon>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLonLat = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number' && Number.isFinite(n)) && Math.abs(v[0]) <= 180 && Math.abs(v[1]) <= 90;

/**
 * Check the parsed YAML of data/derive/geometry.yaml: every problem is a
 * message naming the recipe or place; nothing throws.
 */
export function parseGeometrySpec(raw: unknown): { spec: GeometrySpec; errors: string[] } {
  const errors: string[] = [];
  const places = new Map<string, Place>();
  const recipes = new Map<string, Recipe>();
  if (!isObject(raw)) return { spec: { places, recipes }, errors: ['geometry.yaml must be a mapping with `places` and `features`'] };
  if (raw.places !== undefined && !isObject(raw.places)) errors.push('`places` must be a mapping of name: { at: [lon, lat] }');
  for (const [name, place] of Object.entries(isObject(raw.places) ? raw.places : {})) {
    if (!isObject(place) || !isLonLat(place.at)) errors.push(`place "${name}": needs \`at: [lon, lat]\` (two numbers, longitude first)`);
    else places.set(name, { at: [place.at[0], place.at[1]], note: typeof place.note === 'string' ? place.note : undefined });
  }
  if (raw.features !== undefined && !isObject(raw.features)) errors.push('`features` must be a mapping of feature id: recipe');
  for (const [id, recipe] of Object.entries(isObject(raw.features) ? raw.features : {})) {
    const problem = recipeProblem(recipe);
    if (problem) errors.push(`recipe "${id}": ${problem}`);
    else recipes.set(id, recipe as Recipe);
  }
  return { spec: { places, recipes }, errors };
}

function refProblem(ref: unknown): string | null {
  if (typeof ref === 'string' && ref) return null;
  if (isLonLat(ref)) return null;
  return `waypoint ${JSON.stringify(ref) ?? String(ref)} is neither a name nor [lon, lat]`;
}

/** Why a recipe is malformed, or null. */
export function recipeProblem(recipe: unknown): string | null {
  if (!isObject(recipe)) return 'must be a mapping with `parts` or `polygons`';
  if (recipe.polygons !== undefined) {
    if (!Array.isArray(recipe.polygons) || !recipe.polygons.length) return '`polygons` must be a list of rings';
    for (const ring of recipe.polygons)
      if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isLonLat)) return 'each polygon ring needs at least four [lon, lat] positions';
    return null;
  }
  if (!Array.isArray(recipe.parts) || !recipe.parts.length) return 'has neither `parts` nor `polygons`';
  for (const [i, part] of recipe.parts.entries()) {
    if (!isObject(part) || !Array.isArray(part.steps) || !part.steps.length) return `part ${i} needs a list of \`steps\``;
    if (recipe.parts.length > 1 && typeof part.leg !== 'string') return `part ${i} of a multi-part route needs a \`leg\` (its mode)`;
    for (const step of part.steps) {
      const keys = isObject(step) ? Object.keys(step) : [];
      if (keys.length !== 1 || !STEP_KINDS.includes(keys[0] as StepKind))
        return `step ${JSON.stringify(step)} in part ${i} must be one of ${STEP_KINDS.map((k) => `{${k}: […]}`).join(', ')}`;
      const refs = (step as Record<string, unknown>)[keys[0]];
      if (!Array.isArray(refs) || refs.length < 2) return `step "${keys[0]}" in part ${i} needs at least two waypoints`;
      if ((keys[0] === 'river' || keys[0] === 'estuary') && refs.length !== 2) return `step "${keys[0]}" in part ${i} takes exactly two waypoints [from, to]`;
      for (const r of refs) {
        const p = refProblem(r);
        if (p) return `${p} (part ${i}, step "${keys[0]}")`;
      }
    }
  }
  return null;
}

/** Resolves waypoints and builds the heavy reference structures once, on first use. */
export class DeriveContext {
  private riverGraph?: RiverGraph;
  private estuaryGrid?: WaterGrid;
  constructor(
    readonly spec: GeometrySpec,
    /** Point features by id (a recipe may name them). */
    readonly points: ReadonlyMap<string, LonLat>,
    private readonly loaders: ReferenceLoaders,
  ) {}

  resolve(ref: Ref): LonLat {
    if (Array.isArray(ref)) return [ref[0], ref[1]];
    const p = this.points.get(ref) ?? this.spec.places.get(ref)?.at;
    if (!p) throw new DeriveError(`unknown place or point feature "${ref}" (add it to \`places\` in data/derive/geometry.yaml, or use a point feature's id)`);
    return [p[0], p[1]];
  }

  graph(): RiverGraph {
    return (this.riverGraph ??= buildRiverGraph(this.loaders.rivers(), { filter: yangtzeOnly }));
  }

  grid(): WaterGrid {
    // The Yangtze estuary from Zhenjiang to the sea, at ~400 m cells.
    return (this.estuaryGrid ??= rasterizeLand(indexLand(this.loaders.land()), [119.5, 30.85, 122.7, 32.4], 0.004));
  }
}

/** A recipe that cannot be derived (an unknown waypoint, a malformed step): a message, not a crash. */
export class DeriveError extends Error {}

function runStep(ctx: DeriveContext, step: Step): LonLat[] {
  if ('river' in step) {
    const [a, b] = step.river.map((r) => ctx.resolve(r));
    // The route starts and ends at the ports themselves, which sit on the bank.
    return [a, ...followRiver(ctx, step.river, a, b), b];
  }
  if ('estuary' in step) {
    const [a, b] = step.estuary.map((r) => ctx.resolve(r));
    return waterPath(ctx.grid(), a, b, { simplifyTolerance: 0.002 });
  }
  if ('sea' in step) return densifyGreatCircle(step.sea.map((r) => ctx.resolve(r)), 100);
  if ('arc' in step) return densifyGreatCircle(step.arc.map((r) => ctx.resolve(r)), 50);
  // Stations in order; long legs follow the great circle between them (drawn as curves on the map, like the sea legs).
  if ('line' in step) return densifyGreatCircle(step.line.map((r) => ctx.resolve(r)), 100);
  throw new DeriveError(`unknown step ${JSON.stringify(step)}`);
}

/** The largest distance from a waypoint to the centreline a river step accepts, km. */
export const MAX_RIVER_SNAP_KM = 10;
const refName = (r: Ref) => (Array.isArray(r) ? `[${r.join(', ')}]` : `"${r}"`);

/** The centreline path of a river step; a waypoint off the river network is a DeriveError that names it. */
function followRiver(ctx: DeriveContext, refs: [Ref, Ref], a: LonLat, b: LonLat): LonLat[] {
  const graph = ctx.graph();
  const off = [a, b].map((p, i) => ({ ref: refs[i], km: snapToGraph(graph, p).distKm })).filter((s) => s.km > MAX_RIVER_SNAP_KM);
  if (off.length)
    throw new DeriveError(
      `${off.map((s) => `${refName(s.ref)} is ${Math.round(s.km)} km from the Yangtze centreline`).join(' and ')} (a river step joins two places within ${MAX_RIVER_SNAP_KM} km of it): ${refName(refs[0])} and ${refName(refs[1])} are not on one river network the atlas can follow. Draw the line by hand (schematic) instead.`,
    );
  try {
    return riverPath(graph, a, b, { simplifyTolerance: 0.003, maxSnapKm: MAX_RIVER_SNAP_KM }).coordinates;
  } catch (e) {
    throw new DeriveError(`${refName(refs[0])} and ${refName(refs[1])} are not on one river network (${(e as Error).message})`);
  }
}

/** The geometry one recipe produces. Throws DeriveError with a message naming the fault. */
export function deriveGeometry(ctx: DeriveContext, id: string, recipe: Recipe): DerivedGeometry {
  const malformed = recipeProblem(recipe);
  if (malformed) throw new DeriveError(`recipe "${id}": ${malformed}`);
  if (recipe.polygons) {
    const polys = recipe.polygons.map((ring) => [ccwRing(roundLine(ring))]);
    const geometry: Polygon | MultiPolygon =
      polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
    return { geometry };
  }
  const parts: Position[][] = recipe.parts!.map((part) => {
    const coords: LonLat[] = [];
    for (const step of part.steps) for (const c of runStep(ctx, step)) coords.push(c);
    return roundLine(coords);
  });
  if (parts.length === 1) return { geometry: { type: 'LineString', coordinates: parts[0] } };
  // Consecutive parts share their junction vertex.
  for (let i = 1; i < parts.length; i++) {
    const prevEnd = parts[i - 1][parts[i - 1].length - 1];
    if (parts[i][0][0] !== prevEnd[0] || parts[i][0][1] !== prevEnd[1]) parts[i].unshift(prevEnd);
  }
  return { geometry: { type: 'MultiLineString', coordinates: parts }, legs: recipe.parts!.map((p) => p.leg!) };
}

/** Derive one recipe, catching a DeriveError as a message (the editor's entry point). */
export function tryDeriveGeometry(ctx: DeriveContext, id: string, recipe: Recipe): DerivedGeometry | { error: string } {
  try {
    return deriveGeometry(ctx, id, recipe);
  } catch (e) {
    if (e instanceof DeriveError) return { error: `${id}: ${e.message}` };
    throw e;
  }
}

/** Derive every recipe; problems are collected, never thrown. */
export function deriveAll(ctx: DeriveContext): { derived: Map<string, DerivedGeometry>; errors: string[] } {
  const derived = new Map<string, DerivedGeometry>();
  const errors: string[] = [];
  for (const [id, recipe] of ctx.spec.recipes) {
    const r = tryDeriveGeometry(ctx, id, recipe);
    if ('error' in r) errors.push(r.error);
    else derived.set(id, r);
  }
  return { derived, errors };
}

/** Point features by id, from parsed FeatureCollections (ids that are not strings are skipped). */
export function pointsById(collections: Iterable<FeatureCollection>): Map<string, LonLat> {
  const points = new Map<string, LonLat>();
  for (const fc of collections)
    for (const f of fc.features ?? [])
      if (typeof f?.id === 'string' && f.geometry?.type === 'Point' && isLonLat(f.geometry.coordinates)) points.set(f.id, [f.geometry.coordinates[0], f.geometry.coordinates[1]]);
  return points;
}

/** Canonical text of what a recipe produced (geometry and legs), for the record of last outputs. */
export function canonicalDerived(d: { geometry: unknown; legs?: unknown }): string {
  return JSON.stringify({ geometry: d.geometry ?? null, legs: d.legs ?? null });
}

/** cyrb53: a fast 53-bit string hash (change detection, not security), as 14 hex digits. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
