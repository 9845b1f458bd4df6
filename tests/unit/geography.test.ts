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
import { length, lineString } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { haversineKm, ringSignedArea } from '../../src/lib/geo/coords.ts';
import { indexLand, landHits } from '../../src/lib/geo/landCheck.ts';
import { buildRiverGraph, snapToGraph, yangtzeOnly } from '../../src/lib/geo/riverPath.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const docsDir = path.join(root, 'data/documents');
const featuresDir = path.join(root, 'data/features');

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
const byId = new Map(features.map(({ feature }) => [feature.id, feature]));

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
function occurrences(hay: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) at.push(i);
  return at;
}
function positionsOf(g: Feature['geometry']): Position[] {
  if (!g) return [];
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    default:
      return [];
  }
}

// ---------------------------------------------------------------- documents
describe('documents', () => {
  it('has the five source documents with the required front matter', () => {
    expect(docs.size).toBe(5);
    for (const [id, { file, meta, body }] of docs) {
      expect(file).toBe(`${id}.md`);
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const key of ['title', 'date', 'date_precision', 'date_basis', 'published', 'publisher', 'language', 'summary']) {
        expect(typeof meta[key], `${id}.${key}`).toBe('string');
      }
      expect(Array.isArray(meta.parties) && (meta.parties as unknown[]).length > 0, `${id}.parties`).toBe(true);
      const precision = { year: /^\d{4}$/, month: /^\d{4}-\d{2}$/, day: /^\d{4}-\d{2}-\d{2}$/ }[
        meta.date_precision as 'year' | 'month' | 'day'
      ];
      expect(precision, `${id}.date_precision`).toBeDefined();
      expect(meta.date as string).toMatch(precision!);
      expect(meta.published as string).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(body.trim().length).toBeGreaterThan(200);
      expect(body).not.toMatch(/责编|一审|二审|三审|来源:|我要问|Photos taken by|ICP|Copyright/);
    }
  });

  it('keeps each body verbatim: every paragraph occurs in a seed text (when ../shared/seeds is present)', () => {
    const seedsDir = path.resolve(root, '../shared/seeds');
    if (!fs.existsSync(seedsDir)) return;
    const seeds = fs
      .readdirSync(seedsDir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => fold(fs.readFileSync(path.join(seedsDir, f), 'utf8')));
    for (const [id, { body }] of docs) {
      for (const para of body.split(/\n\s*\n/).filter((p) => p.trim())) {
        expect(
          seeds.some((s) => s.includes(fold(para))),
          `${id}: paragraph not found in any seed: ${para.slice(0, 60)}`,
        ).toBe(true);
      }
    }
  });
});

// ---------------------------------------------------------------- features
describe('features', () => {
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
      expect(['surveyed', 'schematic']).toContain(p.geometry_basis);
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
      for (const [lon, lat, ...rest] of positionsOf(feature.geometry)) {
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

// ---------------------------------------------------------------- lengths
describe('route lengths', () => {
  it('China–Laos: Kunming → Vientiane South measures within 10% of 1,035 km', () => {
    const f = byId.get('china-laos-freight-rail')!;
    expect(f.geometry!.type).toBe('LineString');
    const coords = (f.geometry as { coordinates: Position[] }).coordinates;
    const kunming: Position = [102.72083, 25.0175]; // Kunming railway station (Wikipedia)
    const start = coords.findIndex((c) => haversineKm(c, kunming) < 5);
    expect(start, 'no vertex at Kunming').toBeGreaterThan(0);
    const km = length(lineString(coords.slice(start)), { units: 'kilometers' });
    expect(Math.abs(km - 1035) / 1035, `${km.toFixed(0)} km`).toBeLessThan(0.1);
  });

  it('river routes are not much shorter than the published channel distances', () => {
    const expected: Record<string, number> = {
      // Sailing distances along the Yangtze (approximate, km).
      'upper-yangtze-golden-waterway': 1040, // Yibin–Chongqing ~384 + Chongqing–Yichang ~660
      'shanghai-chongqing-fast-through-line': 2400, // Chongqing–Shanghai
      'combined-port-yangtze-segment': 500, // Chenglingji–Wuhan ~230 + Wuhan–Jiujiang ~270
    };
    for (const [id, km] of Object.entries(expected)) {
      const g = byId.get(id)!.geometry as { coordinates: Position[] };
      const measured = length(lineString(g.coordinates), { units: 'kilometers' });
      expect(measured / km, `${id}: ${measured.toFixed(0)} km vs ~${km}`).toBeGreaterThan(0.85);
      expect(measured / km, `${id}: ${measured.toFixed(0)} km vs ~${km}`).toBeLessThan(1.1);
    }
  });
});

// ---------------------------------------------------------------- points
/**
 * Where the places are, independently of the feature files. Source "memory"
 * means the author's recollection of the place (map/airport data), not a
 * checked document; see the feature's `references` and the data README.
 */
const REFERENCE_POINTS: Record<string, { at: [number, number]; source: string }> = {
  'changsha-customs': { at: [112.99, 28.2], source: 'memory: central Changsha (Furong district); HQ address unverified' },
  'wuhan-customs': { at: [114.2925, 30.5825], source: 'Jianghan Customs House, 129 Yanjiang Avenue, Hankou (memory)' },
  'nanchang-customs': { at: [115.85, 28.68], source: 'memory: Honggutan, Nanchang; HQ address unverified' },
  'chongqing-customs': { at: [106.56, 29.58], source: 'memory: Jiangbei, central Chongqing; HQ address unverified' },
  'chengdu-customs': { at: [104.06, 30.57], source: 'memory: southern central Chengdu; HQ address unverified' },
  'singapore-customs': { at: [103.8437, 1.3196], source: 'Revenue House, 55 Newton Road (memory)' },
  'lublin-customs-office': { at: [22.5684, 51.2465], source: 'Lublin city centre (memory)' },
  'lodz-customs-tax-office': { at: [19.456, 51.7592], source: 'Łódź city centre (memory)' },
  'xian-belt-and-road-customs-forum': { at: [108.94, 34.34], source: "Xi'an, north of the city wall (memory)" },
  'yangluo-port': { at: [114.54, 30.64], source: 'Yangluo container terminals, Xinzhou, Wuhan (memory)' },
  'jiujiang-port': { at: [115.92, 29.73], source: 'Jiujiang Chengxi port area (memory)' },
  'chenglingji-new-port': { at: [113.17, 29.49], source: 'Chenglingji, Yueyang, below the Dongting outlet (memory)' },
  'qinzhou-port': { at: [108.61, 21.68], source: 'Qinzhou port, Dalanping (memory)' },
  'chongqing-guoyuan-port': { at: [106.7, 29.58], source: 'Guoyuan port, Jiangbei, Chongqing (memory)' },
  'shanghai-waigaoqiao-port': { at: [121.6, 31.36], source: 'Waigaoqiao terminals, Pudong (memory)' },
  'huaihua-international-land-port': { at: [109.95, 27.55], source: 'Huaihua (memory)' },
  'chengdu-international-railway-port': { at: [104.22, 30.81], source: 'Qingbaijiang, Chengdu (memory)' },
  'chongqing-tuanjiecun-rail-hub': { at: [106.4, 29.6], source: 'Tuanjiecun, Shapingba (memory)' },
  'changsha-xianing-rail-port': { at: [112.94, 28.33], source: "Xia'ning, north Changsha (memory; named in China Daily 2014-10-31)" },
  'chengdu-tianfu-airport': { at: [104.4447, 30.3125], source: 'TFU aerodrome reference point (memory)' },
  'chongqing-jiangbei-airport': { at: [106.6411, 29.7192], source: 'CKG aerodrome reference point (memory)' },
  'zhangjiajie-hehua-airport': { at: [110.4431, 29.1028], source: 'DYG aerodrome reference point (memory)' },
};

describe('point features', () => {
  const pointKinds = new Set(['port', 'airport', 'land-port', 'rail-hub', 'customs', 'venue']);
  const points = features.filter(({ feature }) => pointKinds.has(feature.properties.kind));

  it('every port, airport, land port, rail hub, customs office and venue has a reference position', () => {
    for (const { feature } of points) {
      expect(feature.geometry!.type, feature.id).toBe('Point');
      expect(REFERENCE_POINTS[feature.id], `${feature.id}: add it to REFERENCE_POINTS`).toBeDefined();
    }
  });

  it.each(points.map(({ feature }) => [feature.id, feature] as const))('%s lies within 5 km of its reference', (id, feature) => {
    const ref = REFERENCE_POINTS[id];
    const at = (feature.geometry as { coordinates: Position }).coordinates;
    expect(haversineKm(at, ref.at), `${id} vs ${ref.source}`).toBeLessThan(5);
  });

  it('river ports lie within 2 km of the reference Yangtze centreline', () => {
    const refPath = path.resolve(root, '../shared/reference/ne_10m_rivers_yangtze_mekong.geojson');
    if (!fs.existsSync(refPath)) return;
    const graph = buildRiverGraph(JSON.parse(fs.readFileSync(refPath, 'utf8')), { filter: yangtzeOnly });
    for (const id of ['yangluo-port', 'jiujiang-port', 'chenglingji-new-port', 'chongqing-guoyuan-port']) {
      const at = (byId.get(id)!.geometry as unknown as { coordinates: [number, number] }).coordinates;
      const d = snapToGraph(graph, at).distKm;
      expect(d, `${id} is ${d.toFixed(1)} km from the river`).toBeLessThan(2);
    }
  });
});
