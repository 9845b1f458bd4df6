/**
 * Import a GeoJSON file into the editor (from geojson.io, uMap, QGIS …): a
 * FeatureCollection, a Feature or a bare geometry becomes one feature draft
 * per feature, each to be cited before it can be saved. Its geometry goes
 * through the validator's own geometry checks (geometryChecks.ts), after its
 * positions are rounded to the 5 decimals the atlas keeps. Anything wrong
 * refuses the whole import with every problem named; nothing is saved. Pure.
 */
import type { Geometry } from 'geojson';
import { validateGeometry } from '../atlas/geometryChecks.ts';
import { jsonSyntaxError } from '../atlas/jsonPositions.ts';
import { countPositions, fmt, LIMITS, POSITION_DEPTH } from '../atlas/limits.ts';
import { fileForKind, modeForKind, newFeatureDraft, type EditorFile, type FeatureDraft, type RecipesOnDisk } from './featureDraft.ts';

/** Features one import may bring: each becomes a draft the author cites and saves by hand. */
export const MAX_IMPORT_FEATURES = 50;

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'] as const;

export interface ImportedFeature {
  /** Its name in the file (name, title, Name, NAME …), or '' when it has none. */
  name: string;
  name_zh: string;
  description: string;
  geometry: Geometry;
}

export type GeoJsonImport = { ok: true; features: ImportedFeature[]; notes: string[] } | { ok: false; problems: string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const fail = (...problems: string[]): GeoJsonImport => ({ ok: false, problems });

/** The first of these keys that holds text (uMap and geojson.io write "name", QGIS often "Name" or "NAME"). */
const firstText = (p: Obj, keys: string[]) => keys.map((k) => text(p[k])).find(Boolean) ?? '';

/** Every position rounded to 5 decimals; counts how many changed. */
function rounded(coords: unknown, changed: { n: number }): unknown {
  if (!Array.isArray(coords)) return coords;
  if (coords.every((x) => typeof x === 'number'))
    return coords.map((x: number) => {
      const r = Number.isFinite(x) ? +x.toFixed(5) : x;
      if (r !== x) changed.n++;
      return r;
    });
  return coords.map((c) => rounded(c, changed));
}

/** A geometry read from the file, or why it cannot be imported. */
function readGeometry(g: unknown, where: string, changed: { n: number }): Geometry | string {
  if (g === null || g === undefined) return `${where} has no geometry: draw it in your tool, or leave it out of the file`;
  if (!isObj(g) || typeof g.type !== 'string') return `${where}: "geometry" is not a GeoJSON geometry`;
  if (g.type === 'GeometryCollection') return `${where}: a GeometryCollection is not supported: export each part as a feature of its own`;
  if (!(GEOMETRY_TYPES as readonly string[]).includes(g.type)) return `${where}: unsupported geometry type "${g.type}" (use ${GEOMETRY_TYPES.join(', ')})`;
  return { type: g.type, coordinates: rounded(g.coordinates, changed) } as Geometry;
}

/** Read a pasted or dropped GeoJSON text. */
export function parseGeoJsonImport(source: string): GeoJsonImport {
  const bytes = new TextEncoder().encode(source).length;
  if (bytes > LIMITS.featureFileBytes) return fail(`the file is ${fmt(bytes)} bytes; the limit is ${fmt(LIMITS.featureFileBytes)} bytes`);
  const t = source.replace(/^\uFEFF/, '').trim();
  if (!t) return fail('nothing to import: paste GeoJSON or drop a .geojson file');
  const syntax = jsonSyntaxError(t);
  if (syntax) return fail(`not valid JSON: ${syntax.message} (line ${syntax.line}, column ${syntax.column})`);
  const json: unknown = JSON.parse(t);
  if (!isObj(json) || typeof json.type !== 'string')
    return fail('not GeoJSON: expected a FeatureCollection, a Feature or a geometry (an object with a "type")');

  let raw: { properties: Obj; geometry: unknown; where: string }[];
  if (json.type === 'FeatureCollection') {
    if (!Array.isArray(json.features)) return fail('not GeoJSON: the FeatureCollection has no "features" list');
    raw = json.features.map((f, i) => ({ properties: isObj(f) && isObj(f.properties) ? f.properties : {}, geometry: isObj(f) && f.type === 'Feature' ? f.geometry : 'not-a-feature', where: `feature ${i + 1}` }));
  } else if (json.type === 'Feature') raw = [{ properties: isObj(json.properties) ? json.properties : {}, geometry: json.geometry, where: 'the feature' }];
  else if ((GEOMETRY_TYPES as readonly string[]).includes(json.type) || json.type === 'GeometryCollection') raw = [{ properties: {}, geometry: json, where: 'the geometry' }];
  else return fail(`not GeoJSON: "type" is "${json.type}"; expected FeatureCollection, Feature or a geometry`);

  if (raw.length === 0) return fail('the FeatureCollection has no features');
  if (raw.length > MAX_IMPORT_FEATURES) return fail(`the file has ${fmt(raw.length)} features; one import takes at most ${MAX_IMPORT_FEATURES}: split the file`);

  const problems: string[] = [];
  const features: ImportedFeature[] = [];
  const changed = { n: 0 };
  for (const r of raw) {
    const name = firstText(r.properties, ['name', 'title', 'Name', 'NAME', 'Title']);
    const where = name ? `${r.where} ("${name}")` : r.where;
    if (r.geometry === 'not-a-feature') {
      problems.push(`${where} is not a GeoJSON Feature`);
      continue;
    }
    const g = readGeometry(r.geometry, where, changed);
    if (typeof g === 'string') {
      problems.push(g);
      continue;
    }
    const positions = countPositions((g as { coordinates: unknown }).coordinates, POSITION_DEPTH[g.type as keyof typeof POSITION_DEPTH]);
    if (positions > LIMITS.positionsPerFeature) {
      problems.push(`${where} has ${fmt(positions)} positions; the limit is ${fmt(LIMITS.positionsPerFeature)}`);
      continue;
    }
    // The validator's own checks: range, swapped lat/lon, closed rings, distinct positions …
    for (const issue of validateGeometry(g)) problems.push(`${where}: ${issue.message} — ${issue.hint}`);
    features.push({ name, name_zh: firstText(r.properties, ['name_zh', 'name:zh', 'name-zh']), description: text(r.properties.description), geometry: g });
  }
  if (problems.length) return { ok: false, problems };
  const notes = changed.n ? [`${fmt(changed.n)} coordinates were rounded to 5 decimals (about 1 m), as the atlas keeps them.`] : [];
  return { ok: true, features, notes };
}

/**
 * The draft of an imported feature: its names, description and geometry from
 * the file, no citation yet (the save refuses it until one is added), and
 * no reference (an approximate position needs its note: the author writes
 * where the drawing came from). An area is a zone.
 */
export function draftFromImport(f: ImportedFeature, files: EditorFile[], basis: string, recipes?: RecipesOnDisk): FeatureDraft {
  const draft = newFeatureDraft(null, files, basis, recipes);
  const p = draft.feature.properties as { name: string; name_zh: string; description: string; kind: string; mode: string };
  p.name = f.name;
  p.name_zh = f.name_zh;
  p.description = f.description;
  if (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') {
    p.kind = 'zone';
    draft.file = fileForKind(files, 'zone');
    p.mode = modeForKind(files, 'zone') ?? p.mode;
  }
  draft.feature.geometry = f.geometry;
  return draft;
}
