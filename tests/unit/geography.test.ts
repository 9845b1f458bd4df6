/**
 * Checks on the atlas data itself (data/documents, data/features): citations
 * resolve, ids are sound, coordinates are stored as the design asks, sea legs
 * stay off land, and point features sit where the places really are.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as topojson from 'topojson-client';
import { coordAll } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { haversineKm, ringSignedArea } from '../../src/lib/geo/coords.ts';
import { indexLand, isOnLand, landHits, waterPoints } from '../../src/lib/geo/landCheck.ts';
import { crossesGate, straitMentions, type StraitGate } from '../../src/lib/geo/straitGates.ts';
import { indexPolygons, insideLengths } from '../../src/lib/geo/insideLength.ts';
import { buildRiverGraph, snapToGraph, yangtzeOnly } from '../../src/lib/geo/riverPath.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The data tree under test: $ATLAS_DATA_ROOT (as for the build and the CLI), else the project's own. */
const dataRoot = path.resolve(process.env.ATLAS_DATA_ROOT ?? root);
const docsDir = path.join(dataRoot, 'data/documents');
const featuresDir = path.join(dataRoot, 'data/features');

// ---------------------------------------------------------------- loading
interface Doc {
  file: string;
  meta: Record<string, unknown>;
  body: string;
}
function loadDocs(): Map<string, Doc> {
  const out = new Map<string, Doc>();
  for (const file of fs.readdirSync(docsDir).filter((f) => f.endsWith('.md'))) {
    const text = fs.readFileSync(path.join(docsDir, file), 'utf8');
    const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
    if (!m) throw new Error(`${file}: no front matter`);
    const meta = parse(m[1]) as Record<string, unknown>;
    out.set(String(meta.id), { file, meta, body: m[2] });
  }
  return out;
}
type AtlasFeature = Feature & { id: string; properties: Record<string, any> };
function loadFeatures(): { file: string; feature: AtlasFeature }[] {
  const out: { file: string; feature: AtlasFeature }[] = [];
  for (const file of fs.readdirSync(featuresDir).filter((f) => f.endsWith('.geojson')).sort()) {
    const fc = JSON.parse(fs.readFileSync(path.join(featuresDir, file), 'utf8')) as FeatureCollection;
    expect(fc.type).toBe('FeatureCollection');
    for (const feature of fc.features) out.push({ file, feature: feature as AtlasFeature });
  }
  return out;
}
const docs = loadDocs();
const features = loadFeatures();

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
function occurrences(hay: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) at.push(i);
  return at;
}

// ---------------------------------------------------------------- documents
describe('documents', () => {
  it('have the required front matter (however many documents there are)', () => {
    expect(docs.size).toBeGreaterThan(0);
    for (const [id, { file, meta, body }] of docs) {
      expect(file).toBe(`${id}.md`);
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const key of ['title', 'date', 'publisher', 'language', 'summary']) {
        expect(typeof meta[key], `${id}.${key}`).toBe('string');
      }
      // Optional fields, when given, are text.
      for (const key of ['date_precision', 'date_basis', 'published']) if (meta[key] !== undefined) expect(typeof meta[key], `${id}.${key}`).toBe('string');
      if (meta.parties !== undefined) expect(Array.isArray(meta.parties) && (meta.parties as unknown[]).length > 0, `${id}.parties`).toBe(true);
      // date_precision may be left out: the date's own form says it.
      const precision = { year: /^\d{4}$/, month: /^\d{4}-\d{2}$/, day: /^\d{4}-\d{2}-\d{2}$/ }[
        (meta.date_precision ?? (String(meta.date).length === 4 ? 'year' : String(meta.date).length === 7 ? 'month' : 'day')) as 'year' | 'month' | 'day'
      ];
      expect(precision, `${id}.date_precision`).toBeDefined();
      expect(meta.date as string).toMatch(precision!);
      if (meta.published !== undefined) expect(meta.published as string).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      // The seed reports are long articles; a user's own document may be a short notice.
      if (meta.seed !== undefined) expect(body.trim().length).toBeGreaterThan(200);
      expect(body).not.toMatch(/责编|一审|二审|三审|来源:|我要问|ICP|Copyright/);
    }
  });

  it('says how each date was found in plain words, for readers (no build words such as "page stamp")', () => {
    // date_basis is optional (a user's document may state its date plainly); when given, readers see it.
    for (const [id, { meta }] of docs) {
      if (meta.date_basis === undefined) continue;
      expect(meta.date_basis as string, `${id}.date_basis`).not.toMatch(/\bstamp\b|^Text:|Updated:|breadcrumb|~/i);
    }
  });
  // The seed comparison (body verbatim and complete) is in tests/unit/documents/seedDocuments.test.ts.
});

// ---------------------------------------------------------------- features
describe('features', () => {
  it('zones are areas: every feature of kind zone is a Polygon or MultiPolygon (drawn filled, with an area, never a length)', () => {
    for (const { file, feature } of features) {
      if (feature.properties.kind !== 'zone' || feature.geometry === null) continue;
      expect(['Polygon', 'MultiPolygon'], `${file}: zone "${feature.id}" is a ${feature.geometry.type}; give it a \`polygons\` recipe`).toContain(feature.geometry.type);
    }
  });

  it('have unique kebab-case ids and the required properties', () => {
    const seen = new Set<string>();
    const kinds = new Set([
      'port', 'airport', 'land-port', 'rail-hub', 'customs', 'venue', 'zone', 'rail-corridor', 'river-route',
      'river-sea-route', 'sea-route', 'land-sea-corridor', 'cooperation-link',
    ]);
    const modes = new Set(['rail', 'river', 'sea', 'air', 'road', 'multimodal', 'administrative']);
    for (const { file, feature } of features) {
      const id = feature.id;
      expect(typeof id, `${file}: feature without string id`).toBe('string');
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(seen.has(id), `duplicate id ${id}`).toBe(false);
      seen.add(id);
      const p = feature.properties;
      expect(typeof p.name, `${id}.name`).toBe('string');
      expect(kinds.has(p.kind), `${id}.kind ${p.kind}`).toBe(true);
      expect(modes.has(p.mode), `${id}.mode ${p.mode}`).toBe(true);
      expect(['surveyed', 'approximate', 'schematic']).toContain(p.geometry_basis);
      expect(typeof p.description).toBe('string');
      expect(Array.isArray(p.citations) && p.citations.length > 0, `${id}: no citations`).toBe(true);
      expect(Array.isArray(p.references) && p.references.length > 0, `${id}: no references`).toBe(true);
      expect(feature.geometry, `${id}: no geometry`).toBeTruthy();
      if (feature.geometry!.type === 'MultiLineString') {
        expect(p.legs, `${id}: legs`).toHaveLength(feature.geometry!.coordinates.length);
        for (const leg of p.legs) expect(modes.has(leg)).toBe(true);
      } else {
        expect(p.legs, `${id}: legs only on MultiLineString routes`).toBeUndefined();
      }
    }
  });

  it('cite passages that occur in the document body exactly once (after the prefix, if any)', () => {
    for (const { feature } of features) {
      for (const c of feature.properties.citations) {
        const doc = docs.get(c.document);
        expect(doc, `${feature.id}: unknown document ${c.document}`).toBeDefined();
        const body = fold(doc!.body);
        const quote = fold(c.quote);
        const hits = c.prefix
          ? occurrences(body, fold(`${c.prefix} ${c.quote}`)).concat(occurrences(body, fold(c.prefix) + quote))
          : occurrences(body, quote);
        expect(hits.length, `${feature.id} → ${c.document}: "${c.quote.slice(0, 70)}" found ${hits.length}×`).toBe(1);
      }
    }
  });

  it('store [lon, lat] with at most 5 decimals and in range', () => {
    for (const { feature } of features) {
      for (const [lon, lat, ...rest] of feature.geometry ? coordAll(feature.geometry) : []) {
        expect(rest, `${feature.id}: 2D positions only`).toHaveLength(0);
        expect(lon).toBeGreaterThanOrEqual(-180);
        expect(lon).toBeLessThanOrEqual(180);
        expect(lat).toBeGreaterThanOrEqual(-90);
        expect(lat).toBeLessThanOrEqual(90);
        for (const v of [lon, lat]) {
          expect(Math.round(v * 1e5) / 1e5, `${feature.id}: ${v} has more than 5 decimals`).toBe(v);
        }
      }
    }
  });

  it('close polygon rings and wind exterior rings counter-clockwise (RFC 7946)', () => {
    for (const { feature } of features) {
      const g = feature.geometry!;
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
      for (const rings of polys) {
        rings.forEach((ring, i) => {
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          expect(ring.length).toBeGreaterThanOrEqual(4);
          if (i === 0) expect(ringSignedArea(ring), `${feature.id}: exterior ring is clockwise`).toBeGreaterThan(0);
          else expect(ringSignedArea(ring)).toBeLessThan(0);
        });
      }
    }
  });
});

// ---------------------------------------------------------------- sea legs
describe('sea legs', () => {
  const topo = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules/world-atlas/land-50m.json'), 'utf8'),
  ) as Topology;
  const land = indexLand(topojson.feature(topo, topo.objects.land) as unknown as Feature<MultiPolygon>);

  const seaLegs: { id: string; coords: Position[] }[] = [];
  for (const { feature } of features) {
    const g = feature.geometry!;
    if (feature.properties.kind === 'sea-route') {
      if (g.type === 'LineString') seaLegs.push({ id: feature.id, coords: g.coordinates });
      if (g.type === 'MultiLineString') g.coordinates.forEach((c) => seaLegs.push({ id: feature.id, coords: c }));
    } else if (g.type === 'MultiLineString') {
      g.coordinates.forEach((c, i) => {
        if (feature.properties.legs[i] === 'sea') seaLegs.push({ id: `${feature.id}[${i}]`, coords: c });
      });
    }
  }

  it('exist for every river–sea route and the land–sea corridor', () => {
    expect(seaLegs.length).toBeGreaterThanOrEqual(4);
  });

  it.each(seaLegs.map((l) => [l.id, l] as const))('%s stays off land-50m (10 km allowed at each end)', (_id, leg) => {
    const hits = landHits(leg.coords, land, 10);
    expect(hits.map((h) => h.at.map((v) => v.toFixed(3)).join(','))).toEqual([]);
  });

  it('are densified: no sea segment longer than 150 km', () => {
    for (const leg of seaLegs) {
      for (let i = 1; i < leg.coords.length; i++) {
        expect(haversineKm(leg.coords[i - 1], leg.coords[i]), `${leg.id} segment ${i}`).toBeLessThan(150);
      }
    }
  });
});

// ---------------------------------------------------------------- straits
/**
 * Issue 11: a description that names a strait must be drawn through it. The
 * gazetteer (data/derive/straits.yaml) gives each strait's names and a gate
 * across it from shore to shore; the feature's line must cross the gate.
 */
describe('straits named in descriptions', () => {
  const gazetteer = (parse(fs.readFileSync(path.join(root, 'data/derive/straits.yaml'), 'utf8')) as { straits: StraitGate[] }).straits;
  const topo = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/world-atlas/land-10m.json'), 'utf8')) as Topology;
  const land10 = indexLand(topojson.feature(topo, topo.objects.land) as unknown as Feature<MultiPolygon>);
  const lineParts = (f: AtlasFeature): Position[][] =>
    f.geometry!.type === 'LineString' ? [f.geometry!.coordinates as Position[]] : f.geometry!.type === 'MultiLineString' ? (f.geometry!.coordinates as Position[][]) : [];
  const descriptions = (f: AtlasFeature) => [f.properties.description, f.properties.description_zh].filter((d): d is string => typeof d === 'string');

  it('every gazetteer gate has a source and runs from shore to shore (both ends on land-10m, 5 km allowed)', () => {
    expect(gazetteer.length).toBeGreaterThan(0);
    for (const s of gazetteer) {
      expect(s.names.length, s.names.join()).toBeGreaterThan(0);
      expect(s.source, s.names[0]).toMatch(/\S/);
      expect(s.gate, s.names[0]).toHaveLength(2);
      for (const end of s.gate) {
        // On land, or land within 5 km (a cape's tip is generalised away in land-10m).
        const near = [0, 2.5, 5].flatMap((km) => [0, 45, 90, 135, 180, 225, 270, 315].map((deg) => [end[0] + (km / (111.32 * Math.cos((end[1] * Math.PI) / 180))) * Math.sin((deg * Math.PI) / 180), end[1] + (km / 110.57) * Math.cos((deg * Math.PI) / 180)]));
        const onLand = near.some((p) => isOnLand(p, land10));
        expect(onLand, `${s.names[0]}: gate end ${end} is not on a shore`).toBe(true);
      }
    }
  });

  it('every strait a description names is in the gazetteer (add a gate to data/derive/straits.yaml)', () => {
    const unknown = features.flatMap(({ feature }) => descriptions(feature).flatMap((d) => straitMentions(d, gazetteer).unknown.map((u) => `${feature.id}: "${u}"`)));
    expect(unknown).toEqual([]);
  });

  const named = features.flatMap(({ feature }) =>
    [...new Set(descriptions(feature).flatMap((d) => straitMentions(d, gazetteer).named))].map((s) => [`${feature.id} → ${s.names[0]}`, feature, s] as const),
  );
  it('descriptions do name straits (the rule below has something to check)', () => {
    expect(named.length).toBeGreaterThan(0);
  });
  it.each(named)('%s: the line crosses the strait\'s gate', (_label, feature, strait) => {
    expect(crossesGate(lineParts(feature), strait.gate), `${feature.id} does not pass through the ${strait.names[0]} (${strait.source})`).toBe(true);
  });
});

// ---------------------------------------------------------------- land routes
describe('rail and river routes', () => {
  const landAt = (scale: '10m' | '50m') => {
    const topo = JSON.parse(fs.readFileSync(path.join(root, `node_modules/world-atlas/land-${scale}.json`), 'utf8')) as Topology;
    return indexLand(topojson.feature(topo, topo.objects.land) as unknown as Feature<MultiPolygon>);
  };
  /**
   * Rivers are held to land-50m, because land-10m draws the lower Yangtze as
   * water. Rail is held to land-10m, walked every 250 m, in
   * tests/unit/truthRules.test.ts ("rail legs stay on land"): sampling every
   * 10 km missed a 13 km crossing of Qinzhou's Maowei Sea.
   */
  const river50 = landAt('50m');
  /** East of this longitude the Yangtze is its estuary, open water in land-50m; the estuary path is checked against land-10m when it is derived. */
  const ESTUARY_LON = 120;

  const landLegs: { id: string; mode: string; coords: Position[] }[] = [];
  for (const { feature } of features) {
    const g = feature.geometry!;
    const parts = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
    parts.forEach((coords, i) => {
      const mode = feature.properties.legs?.[i] ?? feature.properties.mode;
      if ((mode === 'rail' || mode === 'river') && feature.properties.kind !== 'cooperation-link')
        landLegs.push({ id: parts.length > 1 ? `${feature.id}[${i}]` : feature.id, mode, coords });
    });
  }

  it('exist: every rail corridor and river route has a land leg', () => {
    expect(landLegs.filter((l) => l.mode === 'rail').length).toBeGreaterThanOrEqual(5);
    expect(landLegs.filter((l) => l.mode === 'river').length).toBeGreaterThanOrEqual(6);
  });

  it.each(landLegs.filter((l) => l.mode === 'river').map((l) => [`${l.id} (${l.mode})`, l] as const))('%s stays on land (sampled every 10 km; 5 km allowed at each end)', (_id, leg) => {
    const wet = waterPoints(leg.coords, river50, 10, 5).filter((p) => p[0] < ESTUARY_LON);
    expect(wet.map((p) => p.map((v) => v.toFixed(2)).join(','))).toEqual([]);
  });

  /**
   * Lakes (issue 11): Natural Earth's land polygons count lakes as land, so the
   * test above cannot see a leg drawn across Lake Baikal. Each rail leg is cut
   * exactly at every lake shore it crosses (turf lineIntersect per segment, see
   * src/lib/geo/insideLength.ts) and the pieces inside each lake polygon are
   * summed: no more than a real bridge (the Volga at Syzran is 1.5 km), 5 km.
   */
  const MAX_KM_IN_ONE_LAKE = 5;
  const lakes = indexPolygons(
    JSON.parse(fs.readFileSync(path.join(root, 'data/basemap/ne_10m_lakes_corridors.geojson'), 'utf8')),
    (p) => String(p.name ?? p.name_alt ?? 'unnamed lake'),
  );

  it('the lake outlines are loaded (Natural Earth 10m lakes, data/basemap)', () => {
    expect(lakes.some((l) => l.name === 'Lake Baikal')).toBe(true);
  });

  it.each(landLegs.filter((l) => l.mode === 'rail').map((l) => [l.id, l] as const))(
    `%s runs no more than ${MAX_KM_IN_ONE_LAKE} km inside any one lake`,
    (_id, leg) => {
      const wet = insideLengths(leg.coords, lakes)
        .filter((r) => r.km > MAX_KM_IN_ONE_LAKE)
        .map((r) => `${r.km.toFixed(1)} km in ${r.name}, longest piece ${r.from.map((v) => v.toFixed(3)).join(',')} → ${r.to.map((v) => v.toFixed(3)).join(',')}`);
      expect(wet).toEqual([]);
    },
  );

  it('long rail legs are densified along great circles: no segment longer than 150 km', () => {
    for (const leg of landLegs.filter((l) => l.mode === 'rail')) {
      for (let i = 1; i < leg.coords.length; i++) expect(haversineKm(leg.coords[i - 1], leg.coords[i]), `${leg.id} segment ${i}`).toBeLessThan(150);
    }
  });
});

// ---------------------------------------------------------------- lengths
/**
 * Published route lengths live in the data (`published_length`, with its
 * source). How close the drawn line must be to one (the part it describes,
 * ±10% surveyed or approximate, ±20% schematic) is a rule of
 * tests/unit/truthRules.test.ts, which reads the compiled part lengths.
 */
const withLength = features.filter(({ feature }) => feature.properties.published_length);

describe('route lengths', () => {
  it('every published length is on a line and names its source', () => {
    for (const { feature } of withLength) {
      expect(['LineString', 'MultiLineString'], feature.id).toContain(feature.geometry!.type);
      const { km, title } = feature.properties.published_length;
      expect(km, feature.id).toBeGreaterThan(0);
      expect(typeof title === 'string' && title.length > 0, `${feature.id}: published_length.title`).toBe(true);
    }
  });
});

// ---------------------------------------------------------------- points
/**
 * Where the places are: each point feature's `references` carry the
 * positions their sources publish (`coordinate`). A `surveyed` point lies
 * within 2 km of one; an `approximate` point that has one lies within 10 km.
 */
const SURVEYED_KM = 2;
const APPROXIMATE_KM = 10;
type Reference = { title: string; url?: string; note?: string; coordinate?: [number, number] };

describe('point features', () => {
  const points = features.filter(({ feature }) => feature.geometry?.type === 'Point');
  const nearestReferenceKm = (feature: AtlasFeature) => {
    const at = (feature.geometry as { coordinates: Position }).coordinates;
    const published = (feature.properties.references as Reference[]).filter((r) => r.coordinate);
    return published.length ? Math.min(...published.map((r) => haversineKm(at, r.coordinate!))) : Number.POSITIVE_INFINITY;
  };

  it('every point is surveyed or approximate: a point is never schematic', () => {
    for (const { feature } of points) expect(['surveyed', 'approximate'], feature.id).toContain(feature.properties.geometry_basis);
  });

  it.each(points.filter(({ feature }) => feature.properties.geometry_basis === 'surveyed').map(({ feature }) => [feature.id, feature] as const))(
    '%s (surveyed) lies within 2 km of the position its source publishes',
    (id, feature) => {
      expect(nearestReferenceKm(feature), `${id}: distance to the nearest reference coordinate, km`).toBeLessThanOrEqual(SURVEYED_KM);
    },
  );

  it('approximate points lie within 10 km of any published position they cite, and say how they were placed', () => {
    for (const { feature } of points.filter(({ feature }) => feature.properties.geometry_basis === 'approximate')) {
      const refs = feature.properties.references as Reference[];
      if (refs.some((r) => r.coordinate)) expect(nearestReferenceKm(feature), feature.id).toBeLessThanOrEqual(APPROXIMATE_KM);
      expect(refs.some((r) => r.note && r.note.length > 20), `${feature.id}: a reference note says how the point was placed`).toBe(true);
    }
  });

  it('rail waypoints with a published position are where their sources put them (within 2 km)', () => {
    const places = (parse(fs.readFileSync(path.join(root, 'data/derive/geometry.yaml'), 'utf8')) as { places: Record<string, { at: Position; published?: Position; note?: string }> }).places;
    const published = Object.entries(places).filter(([, p]) => p.published);
    expect(published.length).toBeGreaterThan(0);
    for (const [key, p] of published) expect(haversineKm(p.at, p.published!), `${key} vs ${p.note}`).toBeLessThanOrEqual(SURVEYED_KM);
  });

  it('river ports lie within 2 km of the reference Yangtze centreline', () => {
    const refPath = path.join(root, 'data/basemap/ne_10m_rivers_yangtze_mekong.geojson');
    const graph = buildRiverGraph(JSON.parse(fs.readFileSync(refPath, 'utf8')), { filter: yangtzeOnly });
    const riverPorts = points.filter(({ feature }) => feature.properties.kind === 'port' && feature.properties.mode === 'river');
    expect(riverPorts.length).toBeGreaterThan(0);
    for (const { feature } of riverPorts) {
      const d = snapToGraph(graph, (feature.geometry as Point).coordinates as [number, number]).distKm;
      expect(d, `${feature.id} is ${d.toFixed(1)} km from the river`).toBeLessThan(2);
    }
  });
});
