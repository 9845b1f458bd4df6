/**
 * Where am I (issue 19): on screen, every view at city zoom over the atlas's
 * own features names a major city in it (a capital, or a city Natural Earth
 * names from MAJOR_CITY_ZOOM), however crowded the atlas is there; and the
 * one pass never puts a label over another. Views come from the data: one
 * centred on each point feature, at zooms 7 to 9.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, test } from 'vitest';
import { readDataFiles } from '../../../scripts/data-files.ts';
import { compileAtlas } from '../../../src/lib/atlas/compile.ts';
import { basemapPlaces, type NaturalEarthPlace } from '../../../src/lib/map/basemapPlaces.ts';
import { renderFeatures } from '../../../src/lib/map/renderData.ts';
import { overprints } from '../../../src/lib/view/atlasLabels.ts';
import { estimateWidth, MAJOR_CITY_ZOOM } from '../../../src/lib/view/basemapNames.ts';
import { labelPass } from '../../../src/lib/view/labelPass.ts';
import { projector } from '../../../src/lib/view/webMercator.ts';
import { textBox, overlaps } from '../../../src/lib/view/collision.ts';

const root = resolve(import.meta.dirname, '../../..');
const atlas = compileAtlas(readDataFiles(root)).atlas!;
const places = basemapPlaces(JSON.parse(readFileSync(resolve(root, 'data/basemap/ne_10m_populated_places_corridors.geojson'), 'utf8')) as FeatureCollection<Point, NaturalEarthPlace>);
const pieces = renderFeatures(atlas.features).features;
const pointCount = atlas.features.filter((f) => f.geometry.type === 'Point').length;
const major = (p: (typeof places.features)[number]) => p.properties.tier < 2 || p.properties.z <= MAJOR_CITY_ZOOM;

describe('labelPass on screen', () => {
  test('a view at zoom 7–9 on any atlas point names a major city that lies well inside it', () => {
    let checked = 0;
    for (const f of atlas.features.filter((x) => x.geometry.type === 'Point')) {
      const [lng, lat] = (f.geometry as Point).coordinates;
      for (const zoom of [7, 8, 9]) {
        const view = { zoom, lat, lng, width: 1000, height: 660 };
        const project = projector(view);
        const inside = places.features.filter((p) => {
          const [x, y] = project(p.geometry.coordinates[0], p.geometry.coordinates[1]);
          return major(p) && x > 100 && y > 66 && x < 900 && y < 594;
        });
        if (!inside.length) continue;
        checked++;
        const pass = labelPass({ view, pieces, selectedId: null, lang: 'en', measure: estimateWidth, pointCount, names: { places } });
        const named = pass.names.filter((n) => n.kind === 'place').map((n) => n.text);
        expect(inside.some((p) => named.includes(p.properties.name)), `${f.id} at zoom ${zoom}: one of ${inside.map((p) => p.properties.name).join(', ')} is named (named: ${named.join(', ')})`).toBe(true);
        // Nothing drawn over anything else: atlas labels among themselves and against the names.
        expect(overprints(pass.atlas)).toEqual([]);
        const nameBoxes = pass.names.map((n) => textBox(n.x, n.y, estimateWidth(n.text, n.size, 400), n.size, n.anchor));
        for (const l of pass.atlas.labels) for (const [i, b] of nameBoxes.entries()) if (pass.names[i].kind !== 'river') expect(overlaps(l.box, b), `${l.text} over ${pass.names[i].text}`).toBe(false);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  test('no label, of the atlas or the basemap, is placed where a panel covers the map', () => {
    let placedNearby = 0;
    for (const f of atlas.features.filter((x) => x.geometry.type === 'Point')) {
      const [lng, lat] = (f.geometry as Point).coordinates;
      // The point in the covered strip's middle: its label, and the names around it, must go elsewhere.
      const view = { zoom: 8, lat, lng, width: 1000, height: 660 };
      const cover = { x0: 350, y0: 0, x1: 650, y1: 660 };
      const open = labelPass({ view, pieces, selectedId: f.id, lang: 'en', measure: estimateWidth, pointCount, names: { places } });
      const covered = labelPass({ view, pieces, selectedId: f.id, lang: 'en', measure: estimateWidth, pointCount, names: { places }, covered: [cover] });
      placedNearby += [...open.atlas.labels, ...open.names].length;
      for (const l of covered.atlas.labels) expect(overlaps(l.box, cover), `${l.text} under the panel`).toBe(false);
      for (const n of covered.names) {
        if (n.kind === 'river') continue; // a river's name follows its line, and is laid out after the pass
        expect(overlaps(textBox(n.x, n.y, estimateWidth(n.text, n.size, 400), n.size, n.anchor), cover), `${n.text} under the panel`).toBe(false);
      }
    }
    expect(placedNearby, 'without the panel, labels are placed in these views').toBeGreaterThan(0);
  });
});
