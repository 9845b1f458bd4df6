/**
 * What the atlas claims must hold against its own figures and sources
 * (issue 22, a fact-check's findings turned into rules). Every rule is read
 * from the data, so a feature a user adds is held to it too:
 *
 * - a published length is compared with the drawn part it describes, and a
 *   published area with the drawn area (each area of a zone with its own
 *   figure), within ±10% (surveyed, approximate) or ±20% (schematic); an
 *   area a zone's text states is one of those figures; a part runs between
 *   the places its figure names; a figure that is our arithmetic says so,
 *   and a drawn length a build note states is the line's length;
 * - `surveyed` needs a source for the thing itself, never a stand-in, and a
 *   computed estuary path is not surveyed; an inference names its source;
 *   zones drawn alike are named alike;
 * - rail legs stay on land; a sea destination no cited text names says it is
 *   representative; strait gates span the strait's published width;
 * - Chinese text is complete and uses full-width punctuation, and a
 *   facility's Chinese name names the facility, not its village.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as topojson from 'topojson-client';
import { area as turfArea, polygon } from '@turf/turf';
import type { Feature, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { compileAtlas } from '../../src/lib/atlas/compile.ts';
import type { AtlasFeature, GeometryBasis } from '../../src/lib/atlas/types.ts';
import { haversineKm } from '../../src/lib/geo/coords.ts';
import { indexLand } from '../../src/lib/geo/landCheck.ts';
import { offLand } from '../../src/lib/geo/offLand.ts';
import { readDataFiles } from '../../scripts/data-files.ts';

const root = path.resolve(import.meta.dirname, '../..');
/** The data tree under test: $ATLAS_DATA_ROOT (as for the build and the CLI), else the project's own. */
const dataRoot = path.resolve(process.env.ATLAS_DATA_ROOT ?? root);
const compiled = compileAtlas(readDataFiles(dataRoot));
const features = compiled.atlas?.features ?? [];
const readYaml = <T>(file: string): T => parse(fs.readFileSync(path.join(dataRoot, 'data', file), 'utf8')) as T;

it('the atlas compiles (the rules below read the compiled features)', () => {
  expect(compiled.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(features.length).toBeGreaterThan(0);
});

const placesFile = JSON.parse(fs.readFileSync(path.join(dataRoot, 'data/basemap/ne_10m_populated_places_corridors.geojson'), 'utf8')) as {
  features: { properties: { name: string; name_en: string | null; name_zh: string | null }; geometry: { coordinates: Position } }[];
};
/** Case- and accent-insensitive form for matching names in text. */
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
/** The Natural Earth populated place nearest to a position, and its names (English, local, Chinese) folded. */
const nearestPlace = (at: Position) => {
  const place = placesFile.features.reduce((best, p) => (haversineKm(at, p.geometry.coordinates) < haversineKm(at, best.geometry.coordinates) ? p : best));
  return { place, names: [place.properties.name, place.properties.name_en, place.properties.name_zh].filter((n): n is string => !!n).map(fold) };
};

const isZone = (f: AtlasFeature) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon';
const label = (f: AtlasFeature) => `${f.id} (${f.properties.geometry_basis})`;

// ---------------------------------------------------------------- published figures
/** How far a drawn measure may differ from the published figure it is shown beside. */
const TOLERANCE: Record<GeometryBasis, number> = { surveyed: 0.1, approximate: 0.1, schematic: 0.2 };

describe('published figures', () => {
  const withLength = features.filter((f) => f.properties.published_length);
  const withArea = features.filter((f) => f.properties.published_area);

  it('the data has published lengths and areas to check', () => {
    expect(withLength.length).toBeGreaterThan(0);
    expect(withArea.length).toBeGreaterThan(0);
  });

  it.each(withLength.map((f) => [label(f), f] as const))(
    '%s: the published length is compared with the drawn part it describes (from–to, else the whole line), within ±10% (surveyed, approximate) or ±20% (schematic)',
    (_label, f) => {
      const figure = f.properties.published_length!;
      const drawn = figure.part_km ?? f.properties.length_km!;
      const part = figure.part_km === undefined ? 'the whole line' : `the part ${figure.from} → ${figure.to}`;
      expect(Math.abs(drawn / figure.km - 1), `${part} is drawn ${drawn} km; published ${figure.km} km (${figure.title})`).toBeLessThanOrEqual(TOLERANCE[f.properties.geometry_basis]);
    },
  );

  it.each(withArea.map((f) => [label(f), f] as const))('%s: the drawn area is within ±10% (surveyed, approximate) or ±20% (schematic) of the published area', (_label, f) => {
    const figure = f.properties.published_area!;
    expect(Math.abs(f.properties.area_km2! / figure.km2 - 1), `drawn ${f.properties.area_km2} km², published ${figure.km2} km² (${figure.title})`).toBeLessThanOrEqual(
      TOLERANCE[f.properties.geometry_basis],
    );
  });

  const withParts = withArea.filter((f) => f.properties.published_area!.parts_km2);
  it('some zones give the published area of each of their parts (the rule below has something to check)', () => {
    expect(withParts.length).toBeGreaterThan(0);
  });
  it.each(withParts.map((f) => [label(f), f] as const))('%s: each area is drawn within ±10% (surveyed, approximate) or ±20% (schematic) of its own published figure', (_label, f) => {
    const polygons = f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [(f.geometry as Polygon).coordinates];
    const figures = f.properties.published_area!.parts_km2!;
    const drawn = polygons.map((rings) => turfArea(polygon(rings)) / 1e6);
    const off = drawn.map((km2, i) => `area ${i + 1}: drawn ${km2.toFixed(1)} km², published ${figures[i]} km²`).filter((_, i) => Math.abs(drawn[i] / figures[i] - 1) > TOLERANCE[f.properties.geometry_basis]);
    expect(off).toEqual([]);
  });

  /** An area our own texts state ("about 185,000 km²", "19.94 平方公里"), in km². */
  const statedAreas = (text: string): number[] =>
    [...text.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(million\s+|万\s*)?(?:km²|km2|square kilomet(?:er|re)s|sq\.?\s?km|平方公里|平方千米)/gi)].map(
      ([, n, scale]) => Number(n.replace(/,/g, '')) * (scale ? (/万/.test(scale) ? 1e4 : 1e6) : 1),
    );
  const zones = features.filter(isZone);
  it.each(zones.map((f) => [f.id, f] as const))('%s: every area its texts state is a published figure the drawing is held to (published_area, or one of its parts_km2)', (_id, f) => {
    const p = f.properties;
    const texts = [p.description, p.description_zh, ...p.references.flatMap((r) => [r.title, r.note]), ...p.citations.map((c) => c.reasoning)].filter((t): t is string => !!t);
    const checked = p.published_area ? [p.published_area.km2, ...(p.published_area.parts_km2 ?? [])] : [];
    /** A stated figure is the published one when it rounds to it ("22 km²" for 21.99). */
    const unchecked = texts.flatMap(statedAreas).filter((km2) => !checked.some((c) => Math.abs(km2 / c - 1) <= 0.01));
    expect(unchecked, p.published_area ? 'add the figure to published_area.parts_km2, or correct it' : 'give the figure, with its source, as published_area').toEqual([]);
  });

  const withPart = withLength.filter((f) => f.properties.published_length!.from);
  it.each(withPart.map((f) => [f.id, f] as const))('%s: the part a published length describes runs between the places its title names (the nearest Natural Earth place to each end)', (_id, f) => {
    const { from, to, title } = f.properties.published_length!;
    for (const [end, at] of [['from', from!], ['to', to!]] as const) {
      const { names } = nearestPlace(at);
      expect(names.some((n) => fold(title).includes(n)), `"${title}" does not name ${names[0]}, the place at "${end}" [${at}]`).toBe(true);
    }
  });

  /** Build notes that state a line's drawn length ("The drawn line … measures about 8,300 km"). */
  const notes = readYaml<Record<string, { notes?: string[] }>>('derive/notes.yaml');
  const measuredInNotes = features.flatMap((f) =>
    (notes[f.id]?.notes ?? []).flatMap((note) => [...note.matchAll(/\bmeasures (?:about )?(\d[\d,]*) km\b/g)].map((m) => [f.id, Number(m[1].replace(/,/g, '')), f.properties.length_km] as const)),
  );
  it('some build notes state a drawn length (the rule below has something to check)', () => {
    expect(measuredInNotes.length).toBeGreaterThan(0);
  });
  it.each(measuredInNotes)('%s: the drawn length its build note states (%s km) is the line\'s length, within 1%', (_id, stated, drawn) => {
    expect(drawn, 'a line with a length').toBeDefined();
    expect(Math.abs(stated / drawn! - 1), `the note says ${stated} km; the line measures ${drawn} km: re-measure and correct the note`).toBeLessThanOrEqual(0.01);
  });

  /** Words that show a figure was computed from others ("200 km plus 269 km", "1,074 km less 30 km"). */
  const ARITHMETIC = /\b(?:plus|less|minus|sum|difference)\b|[+−]/i;
  it.each(withLength.map((f) => [f.id, f] as const))('%s: a length made by our arithmetic is marked derived, and a derived one shows its arithmetic', (_id, f) => {
    const figure = f.properties.published_length!;
    if (ARITHMETIC.test(figure.title)) expect(figure.derived, `"${figure.title}" computes the figure: add "derived": true`).toBe(true);
    if (figure.derived) expect(figure.title, 'a derived figure names what it is computed from').toMatch(ARITHMETIC);
  });

});

// ---------------------------------------------------------------- how sure
describe('certainty words', () => {
  /** A name with its parenthetical parts removed: "Huaihua International Land Port (Hunan)" → "Huaihua International Land Port". */
  const bare = (name: string) => name.replace(/\s*[（(][^）)]*[）)]/g, '').trim().toLowerCase();
  const surveyedPoints = features.filter((f) => f.geometry.type === 'Point' && f.properties.geometry_basis === 'surveyed');

  it.each(surveyedPoints.map((f) => [f.id, f] as const))(
    '%s: surveyed, so the reference that gives its coordinate is about the thing itself (names it), not a stand-in nearby',
    (_id, f) => {
      const names = [f.properties.name, f.properties.name_zh].filter((n): n is string => !!n).map(bare);
      const sources = f.properties.references.filter((r) => r.coordinate);
      expect(
        sources.some((r) => names.some((n) => r.title.toLowerCase().includes(n))),
        `no reference with a coordinate names ${names.join(' / ')}: ${sources.map((r) => r.title).join('; ') || '(none)'}`,
      ).toBe(true);
    },
  );

  /** Approximate promises about 10 km; geography.test.ts holds a point to that only against a coordinate it cites. */
  const APPROXIMATE_KM = 10;
  const cityLevel = features.filter((f) => f.geometry.type === 'Point' && f.properties.references.some((r) => /city level/i.test(`${r.title} ${r.note ?? ''}`)));
  it.each(cityLevel.map((f) => [f.id, f] as const))(`%s: placed at city level, so it cites the city's published position and lies within ${APPROXIMATE_KM} km of it`, (_id, f) => {
    const at = (f.geometry as Point).coordinates;
    const cited = f.properties.references.filter((r) => r.coordinate).map((r) => haversineKm(at, r.coordinate!));
    expect(cited.length, 'add the city\'s position (e.g. Natural Earth populated places) as a reference "coordinate"').toBeGreaterThan(0);
    expect(Math.min(...cited), 'km from the city\'s position').toBeLessThanOrEqual(APPROXIMATE_KM);
  });

  /** A source named in brackets with its date or article: "(Hunan Daily via Rednet, 2020-09-22)", "(Wikipedia: Chongqing–Xinjiang–Europe railway)". */
  const NAMED_SOURCE = /\([^()]*[A-Za-z][^()]*(?:\b(?:19|20)\d{2}\b|:\s*[^()\s])[^()]*\)/;
  const inferred = features.flatMap((f) => f.properties.citations.filter((c) => c.support === 'inferred').map((c) => [`${f.id} ← ${c.document}`, c.reasoning ?? ''] as const));
  it('some citations are inferred (the rule below has something to check)', () => {
    expect(inferred.length).toBeGreaterThan(0);
  });
  it.each(inferred)('%s: an inferred citation\'s reasoning names its own source, in brackets with its date ("(China Daily, 2018-12-20)")', (_id, reasoning) => {
    expect(reasoning).toMatch(NAMED_SOURCE);
  });

  const recipes = readYaml<{ features: Record<string, { parts?: { steps: Record<string, unknown>[] }[] }> }>('derive/geometry.yaml').features;
  const withEstuary = Object.entries(recipes).filter(([, r]) => r.parts?.some((p) => p.steps.some((s) => 'estuary' in s)));
  it('some recipes compute an estuary path (the rule below has something to check)', () => {
    expect(withEstuary.length).toBeGreaterThan(0);
  });
  it.each(withEstuary.map(([id]) => [id] as const))('%s: a line with a computed estuary path is not surveyed', (id) => {
    const f = features.find((x) => x.id === id);
    expect(f, `${id} has a recipe but no feature`).toBeDefined();
    expect(f!.properties.geometry_basis).not.toBe('surveyed');
  });

  /** Every ring a four-corner, axis-aligned box. */
  const drawnAsBoxes = (f: AtlasFeature) => {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [];
    return polygons.every((rings) =>
      rings.every((ring) => ring.length === 5 && ring.slice(0, 4).every((p, i) => { const q = ring[i + 1]; return p[0] === q[0] || p[1] === q[1]; })),
    );
  };
  it('zones drawn the same way (one box per area) carry the same certainty word', () => {
    const boxes = features.filter((f) => isZone(f) && drawnAsBoxes(f));
    expect(boxes.length).toBeGreaterThan(0);
    const words = new Set(boxes.map((f) => f.properties.geometry_basis));
    expect(words.size, boxes.map((f) => `${f.id}: ${f.properties.geometry_basis}`).join(', ')).toBe(1);
  });
});

// ---------------------------------------------------------------- where lines run
describe('rail legs stay on land', () => {
  const topo = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/world-atlas/land-10m.json'), 'utf8')) as Topology;
  const land = indexLand(topojson.feature(topo, topo.objects.land) as unknown as Feature<MultiPolygon>);
  /** Over water, km, a rail leg may run in all (a bridge, a generalised shore). */
  const MAX_WATER_KM = 1;
  /** Round a sea port at a leg's end: its terminals stand on reclaimed land the 1:10m coast may lack (the approximate tolerance). */
  const PORT_KM = 10;
  const seaPorts = features.filter((f) => f.geometry.type === 'Point' && f.properties.kind === 'port' && f.properties.mode === 'sea').map((f) => (f.geometry as Point).coordinates);
  const legs = features.flatMap((f) => {
    if (f.properties.kind === 'cooperation-link') return [];
    const parts = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : [];
    return parts.flatMap((coords, i) => ((f.properties.legs?.[i] ?? f.properties.mode) === 'rail' ? [[parts.length > 1 ? `${f.id}[${i}]` : f.id, coords] as const] : []));
  });

  it('there are rail legs to check', () => {
    expect(legs.length).toBeGreaterThan(0);
  });

  it.each(legs)(`%s: no more than ${MAX_WATER_KM} km over water (Natural Earth land-10m, every 250 m), apart from the last ${PORT_KM} km to a sea port it ends at`, (_id, coords) => {
    const ends = [coords[0], coords[coords.length - 1]].filter((end) => seaPorts.some((port) => haversineKm(port, end) < 0.01));
    const wet = offLand(coords, land, 0.25, (p) => ends.some((end) => haversineKm(p, end) <= PORT_KM));
    expect(wet.km, `${wet.km.toFixed(1)} km over water, from ${wet.from?.map((v) => v.toFixed(3))} to ${wet.to?.map((v) => v.toFixed(3))}`).toBeLessThanOrEqual(MAX_WATER_KM);
  });
});

describe('sea destinations', () => {
  /** Lines whose last leg is at sea end at a destination port. */
  const seaRoutes = features.filter((f) => f.geometry.type === 'MultiLineString' && f.properties.legs?.at(-1) === 'sea');

  it('there are sea routes to check', () => {
    expect(seaRoutes.length).toBeGreaterThan(0);
  });

  it.each(seaRoutes.map((f) => [f.id, f] as const))('%s: a destination no cited passage names is called representative, in English and Chinese', (_id, f) => {
    const parts = (f.geometry as MultiLineString).coordinates;
    const end = parts.at(-1)!.at(-1)!;
    const { place, names } = nearestPlace(end);
    const quotes = f.properties.citations.map((c) => fold(c.quote)).join(' ');
    if (names.some((n) => quotes.includes(n))) return;
    expect(f.properties.description, `${place.properties.name} is named in no citation`).toMatch(/representative/i);
    if (f.properties.description_zh) expect(f.properties.description_zh, `${place.properties.name} is named in no citation`).toMatch(/代表性/);
  });
});

describe('strait gates', () => {
  const straits = readYaml<{ straits: { names: string[]; gate: Position[]; width_km?: number; source: string }[] }>('derive/straits.yaml').straits;
  it.each(straits.map((s) => [s.names[0], s] as const))('%s: the gate spans the width its source publishes (width_km, within 15%)', (_name, s) => {
    expect(s.width_km, 'give the published width as width_km').toBeGreaterThan(0);
    const km = haversineKm(s.gate[0], s.gate[1]);
    expect(Math.abs(km / s.width_km! - 1), `gate ${km.toFixed(0)} km, published ${s.width_km} km (${s.source})`).toBeLessThanOrEqual(0.15);
  });
});

// ---------------------------------------------------------------- Chinese text
describe('Chinese text', () => {
  it('every feature has a Chinese name', () => {
    expect(features.filter((f) => !f.properties.name_zh?.trim()).map((f) => f.id)).toEqual([]);
  });

  /** Half-width punctuation; a comma between digits belongs to a number ("1,035"). */
  const HALF_WIDTH = /[(),;:!?]/;
  it('Chinese names and descriptions use full-width punctuation（，；：）', () => {
    const offending = features.flatMap((f) =>
      (['name_zh', 'description_zh'] as const).flatMap((key) => {
        const text = f.properties[key];
        const bad = text?.replace(/(\d),(?=\d)/g, '$1').match(HALF_WIDTH);
        return bad ? [`${f.id}.${key}: "${bad[0]}" in ${text}`] : [];
      }),
    );
    expect(offending).toEqual([]);
  });

  /** The Chinese for a port, station, yard, airport or crossing ends in a word for the facility, not the village it stands in. */
  const FACILITY_WORD = /(?:港|港区|站|场|机场|口岸|中心)$/;
  it('a facility\'s Chinese name names the facility (港, 站, 场, 机场, 口岸 …), not only its place', () => {
    const facilities = features.filter((f) => ['port', 'rail-hub', 'land-port', 'airport'].includes(f.properties.kind));
    expect(facilities.length).toBeGreaterThan(0);
    expect(facilities.filter((f) => f.properties.name_zh && !FACILITY_WORD.test(f.properties.name_zh)).map((f) => `${f.id}: ${f.properties.name_zh}`)).toEqual([]);
  });
});

