/**
 * Issue 21, items 4 and 5: a zone says what it is, not its mode (panel and
 * figure legend); a cooperation link, which is not a route, has no drawn length.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileAtlas, type SourceFile } from '../../../src/lib/atlas/compile.ts';
import { ZONE_TYPES, type AtlasFeature } from '../../../src/lib/atlas/types.ts';
import { legendItems, type LegendNames } from '../../../src/lib/export/legend.ts';
import { featureTypeLine } from '../../../src/lib/i18n/featureType.ts';
import { KIND_NAMES, LANGS, MODE_NAMES, ZONE_TYPE_NAMES } from '../../../src/lib/i18n/messages.ts';
import { readDataFiles } from '../../../scripts/data-files.ts';

const DOC = `---
id: d
title: "Sample agreement"
date: "2022-05-12"
publisher: "Sample publisher"
parties: ["A Customs", "B Customs"]
summary: "A sample."
---

The two customs offices will cooperate along the belt.
`;
const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
function compile(...features: { id: string; geometry: unknown; props: Record<string, unknown> }[]) {
  const fc = {
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature',
      id: f.id,
      geometry: f.geometry,
      properties: { name: f.id, description: 'x', geometry_basis: 'schematic', citations: [{ document: 'd', quote: 'The two customs offices will cooperate' }], ...f.props },
    })),
  };
  const files: SourceFile[] = [{ path: 'data/features/f.geojson', text: JSON.stringify(fc, null, 2) }];
  return compileAtlas({ documents: [{ path: 'data/documents/d.md', text: DOC }], features: files });
}

describe('compile', () => {
  test('a zone keeps its zone_type; an unknown type, or a type on what is not a zone, is an error', () => {
    const ok = compile({ id: 'z', geometry: square, props: { kind: 'zone', mode: 'administrative', zone_type: 'economic-circle' } });
    expect(ok.problems).toEqual([]);
    expect(ok.atlas!.features[0].properties.zone_type).toBe('economic-circle');
    const unknown = compile({ id: 'z', geometry: square, props: { kind: 'zone', mode: 'administrative', zone_type: 'special-zone' } });
    expect(unknown.problems.map((p) => p.message)).toContain('unknown zone_type "special-zone"');
    const notZone = compile({ id: 'p', geometry: { type: 'Point', coordinates: [114, 30] }, props: { kind: 'port', mode: 'river', zone_type: 'economic-circle' } });
    expect(notZone.problems.map((p) => p.message)).toContain('"zone_type" is for zones only');
  });
  test('a cooperation link has no drawn length; a route of the same shape has one', () => {
    const line = { type: 'LineString', coordinates: [[114, 30], [116, 30]] };
    const r = compile({ id: 'link', geometry: line, props: { kind: 'cooperation-link', mode: 'administrative' } }, { id: 'route', geometry: line, props: { kind: 'river-route', mode: 'river' } });
    expect(r.problems).toEqual([]);
    const [link, route] = r.atlas!.features;
    expect(link.properties.length_km).toBeUndefined();
    expect(route.properties.length_km).toBeGreaterThan(0);
  });
});

describe('what a feature is called', () => {
  const real = compileAtlas(readDataFiles(path.resolve(process.env.ATLAS_DATA_ROOT ?? path.resolve(import.meta.dirname, '../../..')))).atlas!;
  test.each(LANGS)('in the project\'s data (%s), a zone is named by what it is, never by its mode; other features by kind and mode', (lang) => {
    for (const f of real.features) {
      const line = featureTypeLine(f.properties, lang);
      expect(line.startsWith(KIND_NAMES[lang][f.properties.kind])).toBe(true);
      if (f.properties.kind === 'zone') {
        expect(line).not.toContain(MODE_NAMES[lang][f.properties.mode]);
        if (f.properties.zone_type) expect(line).toContain(ZONE_TYPE_NAMES[lang][f.properties.zone_type]);
      } else expect(line).toContain(MODE_NAMES[lang][f.properties.mode]);
    }
  });
  test('every zone type has a name in every language', () => {
    for (const lang of LANGS) for (const t of ZONE_TYPES) expect(ZONE_TYPE_NAMES[lang][t]).toBeTruthy();
  });
  test('the project\'s cooperation links have no drawn length', () => {
    for (const f of real.features.filter((x) => x.properties.kind === 'cooperation-link')) expect(f.properties.length_km, f.id).toBeUndefined();
  });
  test('the figure legend names zones without their mode when they share one colour', () => {
    const names: LegendNames = { modes: MODE_NAMES.en, kinds: KIND_NAMES.en, schematic: 's', surveyed: 'v', approximate: 'a' };
    const zone = (id: string, mode: AtlasFeature['properties']['mode']): AtlasFeature => ({
      type: 'Feature', id, geometry: square as AtlasFeature['geometry'],
      properties: { name: id, kind: 'zone', mode, description: '', geometry_basis: 'schematic', citations: [], references: [] },
    });
    expect(legendItems([zone('a', 'administrative'), zone('b', 'administrative')], names).filter((i) => i.kind === 'zone').map((i) => i.label)).toEqual(['Zone']);
    const two = legendItems([zone('a', 'administrative'), zone('b', 'river')], names).filter((i) => i.kind === 'zone');
    expect(new Set(two.map((i) => i.label)).size).toBe(2);
  });
});
