/**
 * One cartography (issue 19): the map's look is defined once, in
 * src/lib/cartography/, and every renderer reads it. The renderers carry no
 * colour of their own, and every colour MapLibre's style or a figure draws
 * is one the cartography defines.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, test } from 'vitest';
import { readDataFiles } from '../../../scripts/data-files.ts';
import { compileAtlas } from '../../../src/lib/atlas/compile.ts';
import * as palette from '../../../src/lib/cartography/palette.ts';
import * as symbols from '../../../src/lib/cartography/symbols.ts';
import * as labels from '../../../src/lib/cartography/labels.ts';
import { FIGURE_INKS, layoutFigure } from '../../../src/lib/export/layout.ts';
import { figureSvg } from '../../../src/lib/export/svg.ts';
import { buildStyle } from '../../../src/lib/map/style.ts';
import { renderFeatures } from '../../../src/lib/map/renderData.ts';

const root = resolve(import.meta.dirname, '../../..');
const HEX = /#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b/g;

/** Every string value of a module's exports, however deeply nested. */
function strings(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') out.add(value.toLowerCase());
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}
const DEFINED = strings([palette, symbols, labels]);

/** Renderers: they draw the look, they do not define it. */
const RENDERERS = ['src/lib/map/style.ts', 'src/lib/map/icons.ts', 'src/lib/map/labelSource.ts', 'src/lib/export/svg.ts', 'src/components/SvgMap.svelte', 'src/components/SvgBatchedFeatures.svelte', 'src/components/LegendSwatch.svelte'];

describe('the map’s look is written once', () => {
  for (const file of RENDERERS) {
    test(`${file} holds no colour of its own`, () => {
      const text = readFileSync(resolve(root, file), 'utf8');
      expect(text.match(HEX) ?? []).toEqual([]);
    });
  }

  test('every colour in MapLibre’s style is one the cartography defines', () => {
    const atlas = compileAtlas(readDataFiles(root)).atlas!;
    const basemap = { land: 'l', borders: 'b', lakes: 'k', rivers: 'r', 'country-labels': 'c', places: 'p' };
    for (const pass of [false, true]) {
      const style = JSON.stringify(buildStyle(basemap, renderFeatures(atlas.features), 'en', 10, pass).layers);
      for (const c of new Set(style.match(HEX) ?? [])) expect(DEFINED, `${c} in the style`).toContain(c.toLowerCase());
    }
  });

  test('every colour a figure prints is the cartography’s or the figure page’s', () => {
    const atlas = compileAtlas(readDataFiles(root)).atlas!;
    const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
    const view = { zoom: 4, lat: 30.5, lng: 110, width: 600, height: 400 };
    const layout = layoutFigure({ width: 960, height: 540, title: 't', caption: '', legendTitle: 'L', legend: [], notesTitle: 'S', notes: [], attribution: [], notesLeftOut: () => '' }, (t) => t.length * 6);
    const svg = figureSvg(layout, { view, basemap: { land: empty, borders: empty, rivers: empty, 'country-labels': empty }, features: atlas.features, selectedId: atlas.features[0].id, labels: new Map(), scale: null }, { title: 't', description: 'd' });
    const page = strings([FIGURE_INKS, { text: '#111827', muted: '#4b5563' }]);
    for (const c of new Set(svg.match(HEX) ?? [])) expect(DEFINED.has(c.toLowerCase()) || page.has(c.toLowerCase()), `${c} in the figure`).toBe(true);
  });
});
