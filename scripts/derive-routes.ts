/**
 * Rewrite the geometry of every line and polygon feature named in
 * data/derive/geometry.yaml, so that the committed GeoJSON is reproducible:
 *
 *   npx tsx scripts/derive-routes.ts          # rewrite data/features/*.geojson
 *   npx tsx scripts/derive-routes.ts --check  # exit 1 if a file would change
 *
 * Inputs: the recipes (data/derive/geometry.yaml), point features already in
 * data/features/*.geojson, the Natural Earth reference rivers
 * (data/basemap/ne_10m_rivers_yangtze_mekong.geojson)
 * and world-atlas land-10m (estuary channel).
 * The reference rivers are the product's own copy,
 * data/basemap/ne_10m_rivers_yangtze_mekong.geojson (override the folder with $ATLAS_REFERENCE_DIR). Properties are left untouched,
 * except `legs`, which is set from the recipe for multi-part routes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import * as topojson from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { ccwRing, densifyGreatCircle, type LonLat, roundLine } from '../src/lib/geo/coords.ts';
import { buildRiverGraph, riverPath, yangtzeOnly } from '../src/lib/geo/riverPath.ts';
import { indexLand } from '../src/lib/geo/landCheck.ts';
import { rasterizeLand, waterPath, type WaterGrid } from '../src/lib/geo/waterPath.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const featuresDir = path.join(root, 'data/features');
const referenceDir = process.env.ATLAS_REFERENCE_DIR ?? path.join(root, 'data/basemap');
const check = process.argv.includes('--check');

type Ref = string | [number, number];
type Step =
  | { river: [Ref, Ref] }
  | { estuary: [Ref, Ref] }
  | { sea: Ref[] }
  | { line: Ref[] }
  | { arc: Ref[] };
interface Recipe {
  parts?: { leg?: string; steps: Step[] }[];
  polygons?: [number, number][][];
}
interface Spec {
  places: Record<string, { at: [number, number]; published?: [number, number]; note?: string }>;
  features: Record<string, Recipe>;
}

const spec = parse(fs.readFileSync(path.join(root, 'data/derive/geometry.yaml'), 'utf8')) as Spec;

// Load every feature file; collect point features for reference by id.
const files = fs.readdirSync(featuresDir).filter((f) => f.endsWith('.geojson')).sort();
const collections = new Map<string, FeatureCollection>();
const points = new Map<string, LonLat>();
for (const f of files) {
  const fc = JSON.parse(fs.readFileSync(path.join(featuresDir, f), 'utf8')) as FeatureCollection;
  collections.set(f, fc);
  for (const feat of fc.features) {
    if (feat.geometry?.type === 'Point') points.set(String(feat.id), feat.geometry.coordinates as LonLat);
  }
}

function resolve(ref: Ref): LonLat {
  if (Array.isArray(ref)) return ref;
  const p = points.get(ref) ?? spec.places[ref]?.at;
  if (!p) throw new Error(`unknown place or point feature "${ref}"`);
  return [p[0], p[1]];
}

// Lazily built heavy inputs.
let riverGraph: ReturnType<typeof buildRiverGraph> | undefined;
function graph() {
  if (!riverGraph) {
    const ref = JSON.parse(fs.readFileSync(path.join(referenceDir, 'ne_10m_rivers_yangtze_mekong.geojson'), 'utf8'));
    riverGraph = buildRiverGraph(ref, { filter: yangtzeOnly });
  }
  return riverGraph;
}
let estuaryGrid: WaterGrid | undefined;
function grid() {
  if (!estuaryGrid) {
    const topo = JSON.parse(
      fs.readFileSync(path.join(root, 'node_modules/world-atlas/land-10m.json'), 'utf8'),
    ) as Topology;
    const land = topojson.feature(topo, topo.objects.land) as unknown as Feature<MultiPolygon>;
    // The Yangtze estuary from Zhenjiang to the sea, at ~400 m cells.
    estuaryGrid = rasterizeLand(indexLand(land), [119.5, 30.85, 122.7, 32.4], 0.004);
  }
  return estuaryGrid;
}

function runStep(step: Step): LonLat[] {
  if ('river' in step) {
    const [a, b] = step.river.map(resolve);
    // The route starts and ends at the ports themselves, which sit on the bank.
    return [a, ...riverPath(graph(), a, b, { simplifyTolerance: 0.003 }).coordinates, b];
  }
  if ('estuary' in step) {
    const [a, b] = step.estuary.map(resolve);
    return waterPath(grid(), a, b, { simplifyTolerance: 0.002 });
  }
  if ('sea' in step) return densifyGreatCircle(step.sea.map(resolve), 100);
  if ('arc' in step) return densifyGreatCircle(step.arc.map(resolve), 50);
  // Stations in order; long legs follow the great circle between them (drawn as curves on the map, like the sea legs).
  if ('line' in step) return densifyGreatCircle(step.line.map(resolve), 100);
  throw new Error(`unknown step ${JSON.stringify(step)}`);
}

function buildGeometry(id: string, recipe: Recipe): { geometry: Geometry; legs?: string[] } {
  if (recipe.polygons) {
    const polys = recipe.polygons.map((ring) => [ccwRing(roundLine(ring))]);
    const geometry: Polygon | MultiPolygon =
      polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
    return { geometry };
  }
  if (!recipe.parts?.length) throw new Error(`${id}: recipe has neither parts nor polygons`);
  const parts: Position[][] = recipe.parts.map((part) => {
    const coords: LonLat[] = [];
    for (const step of part.steps) {
      for (const c of runStep(step)) coords.push(c);
    }
    return roundLine(coords);
  });
  if (parts.length === 1) return { geometry: { type: 'LineString', coordinates: parts[0] } };
  // Consecutive parts share their junction vertex.
  for (let i = 1; i < parts.length; i++) {
    const prevEnd = parts[i - 1][parts[i - 1].length - 1];
    if (parts[i][0][0] !== prevEnd[0] || parts[i][0][1] !== prevEnd[1]) parts[i].unshift(prevEnd);
  }
  return {
    geometry: { type: 'MultiLineString', coordinates: parts },
    legs: recipe.parts.map((p, i) => {
      if (!p.leg) throw new Error(`${id}: part ${i} of a multi-part route needs a leg`);
      return p.leg;
    }),
  };
}

/** Two-space JSON with each [lon, lat] pair kept on one line. */
export function formatCollection(fc: FeatureCollection): string {
  return (
    JSON.stringify(fc, null, 2).replace(/\[\s+(-?[\d.e+-]+),\s+(-?[\d.e+-]+)\s+\]/g, '[$1, $2]') + '\n'
  );
}

const seen = new Set<string>();
let changed = 0;
for (const [file, fc] of collections) {
  for (const feat of fc.features) {
    const id = String(feat.id);
    const recipe = spec.features[id];
    if (!recipe) continue;
    seen.add(id);
    const { geometry, legs } = buildGeometry(id, recipe);
    feat.geometry = geometry;
    const props = (feat.properties ??= {});
    if (legs) props.legs = legs;
    else delete props.legs;
  }
  const out = formatCollection(fc);
  const target = path.join(featuresDir, file);
  if (fs.readFileSync(target, 'utf8') !== out) {
    changed++;
    if (check) console.error(`${file}: derived geometry differs from the committed file`);
    else fs.writeFileSync(target, out);
  }
}
const missing = Object.keys(spec.features).filter((id) => !seen.has(id));
if (missing.length) {
  console.error(`recipes without a feature: ${missing.join(', ')}`);
  process.exit(1);
}
if (check && changed) process.exit(1);
console.log(`${check ? 'checked' : 'derived'} ${seen.size} features in ${files.length} files${changed && !check ? ` (${changed} files rewritten)` : ''}`);
