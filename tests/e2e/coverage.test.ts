/**
 * The coverage table's features are reachable where readers look for them: a click on the canvas inside a zone
 * (away from everything else) opens that zone's source, and so does a click on a venue. Which zone and venue are
 * read from data/coverage.yaml and the compiled atlas, not fixed here.
 */
import fs from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { area, booleanPointInPolygon, pointOnFeature, pointToLineDistance, distance } from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { loadAtlas } from './atlasData.ts';
import { clickMapAt, gotoApp, launch, openPage, screenshot } from './harness.ts';
import type { AtlasFeature } from '../../src/lib/atlas/types.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Ids the coverage table maps some phrase to. */
function coveredIds(): Set<string> {
  const table = parse(fs.readFileSync(resolve(import.meta.dirname, '../../data/coverage.yaml'), 'utf8')) as Record<string, { features?: string[] }[]>;
  return new Set(Object.values(table).flatMap((entries) => entries.flatMap((e) => e.features ?? [])));
}

/** True when `at` is more than `km` from every other feature's points and lines and inside no other polygon. */
function clearOfOthers(f: AtlasFeature, at: Position, km: number): boolean {
  return loadAtlas().features.every((o) => {
    if (o.id === f.id) return true;
    const g = o.geometry;
    if (g.type === 'Point') return distance(at, g.coordinates) > km;
    if (g.type === 'LineString') return pointToLineDistance(at, { type: 'LineString', coordinates: g.coordinates } as LineString) > km;
    if (g.type === 'MultiLineString') return g.coordinates.every((c) => pointToLineDistance(at, { type: 'LineString', coordinates: c } as LineString) > km);
    return !booleanPointInPolygon(at, g as Polygon | MultiPolygon);
  });
}

async function expectPanelFor(page: import('playwright-core').Page, f: AtlasFeature) {
  const panel = page.locator('aside[aria-label="Source"]');
  await panel.waitFor({ state: 'visible', timeout: 15_000 });
  await expect.poll(() => panel.getAttribute('data-feature-id')).toBe(f.id);
  await expect.poll(() => panel.locator('h2').textContent()).toContain(f.properties.name);
  const quote = f.properties.citations[0].selector.exact.replace(/\s+/g, ' ');
  const marks = await panel.locator(`mark[data-feature-id="${f.id}"]`).allTextContents();
  expect(marks.map((m) => m.replace(/\s+/g, ' '))).toContain(quote);
}

describe('covered features on the map', () => {
  test('a click inside a covered zone, clear of other features, opens its source', async () => {
    const covered = coveredIds();
    const zones = loadAtlas()
      .features.filter((f) => covered.has(f.id) && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'))
      .map((f) => ({ f, at: pointOnFeature(f as Feature<Polygon | MultiPolygon>).geometry.coordinates }))
      .filter(({ f, at }) => clearOfOthers(f, at, 3))
      // the smallest such zone: the hardest to hit
      .sort((a, b) => area(a.f as Feature<Polygon>) - area(b.f as Feature<Polygon>));
    expect(zones.length, 'a covered zone with an interior point clear of other features').toBeGreaterThan(0);
    const { f, at } = zones[0];
    const w = await openPage(browser);
    await gotoApp(w.page, `#map=10/${at[1].toFixed(4)}/${(at[0] + 0.05).toFixed(4)}`);
    await clickMapAt(w.page, at[0], at[1]);
    await expectPanelFor(w.page, f);
    await screenshot(w.page, 'coverage-zone-click');
    expect(w.errors).toEqual([]);
    expect(w.offOrigin).toEqual([]);
  });

  test('a click on a covered venue opens its source', async () => {
    const covered = coveredIds();
    const venue = loadAtlas().features.find(
      (f) => covered.has(f.id) && f.properties.kind === 'venue' && f.geometry.type === 'Point' && clearOfOthers(f, f.geometry.coordinates, 5),
    );
    expect(venue, 'a covered venue 5 km from other features').toBeDefined();
    const [lng, lat] = (venue!.geometry as { coordinates: Position }).coordinates;
    const w = await openPage(browser);
    await gotoApp(w.page, `#map=10/${lat.toFixed(4)}/${(lng + 0.05).toFixed(4)}`);
    await clickMapAt(w.page, lng, lat);
    await expectPanelFor(w.page, venue!);
    await screenshot(w.page, 'coverage-venue-click');
    expect(w.errors).toEqual([]);
    expect(w.offOrigin).toEqual([]);
  });
});
