/**
 * Issue 11, items 3 and 4, seen in a real Chromium: the rail line goes round
 * Lake Baikal's southern tip, and each sea route a description sends through
 * a strait is drawn through it. Each view is derived from the data (the
 * Natural Earth lake, the strait gazetteer), the line is clicked on the map
 * canvas where the rule says it must be, and a screenshot is kept with the
 * lake outline or the strait's gate drawn over the map by the test (the
 * basemap itself counts lakes as land).
 */
import fs from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { lineIntersect, lineString, nearestPointOnLine } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadAtlas } from './atlasData.ts';
import { clickMapAt, currentView, gotoApp, launch, openPage, screenshot } from './harness.ts';
import { pixelOf } from '../../src/lib/view/webMercator.ts';
import { straitMentions, type StraitGate } from '../../src/lib/geo/straitGates.ts';
import type { AtlasFeature } from '../../src/lib/atlas/types.ts';

const root = resolve(import.meta.dirname, '../..');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

function parts(f: AtlasFeature): Position[][] {
  const g = f.geometry;
  return g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
}

/** Draw lines over the map canvas (an SVG the test adds), in the map's own projection. */
async function overlay(page: Page, lines: { coords: Position[]; color: string; dash?: boolean; closed?: boolean }[]): Promise<void> {
  const canvas = page.locator('.maplibregl-canvas');
  const box = (await canvas.boundingBox())!;
  const view = await currentView(page);
  const paths = lines.map((l) => ({
    d: l.coords.map((c, i) => {
      const p = pixelOf(view, box.width, box.height, c[0], c[1]);
      return `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
    }).join('') + (l.closed ? 'Z' : ''),
    color: l.color,
    dash: !!l.dash,
  }));
  await page.evaluate(
    ({ paths, box }) => {
      const ns = 'http://www.w3.org/2000/svg';
      const svg = document.createElementNS(ns, 'svg');
      svg.setAttribute('width', String(box.width));
      svg.setAttribute('height', String(box.height));
      svg.setAttribute('style', `position:fixed;left:${box.x}px;top:${box.y}px;pointer-events:none;z-index:5`);
      for (const p of paths) {
        const el = document.createElementNS(ns, 'path');
        el.setAttribute('d', p.d);
        el.setAttribute('fill', 'none');
        el.setAttribute('stroke', p.color);
        el.setAttribute('stroke-width', '2');
        if (p.dash) el.setAttribute('stroke-dasharray', '6 4');
        svg.appendChild(el);
      }
      document.body.appendChild(svg);
    },
    { paths, box },
  );
}

async function openedFeature(page: Page): Promise<string | null> {
  const panel = page.locator('aside[aria-label="Source"]');
  await panel.waitFor({ state: 'visible', timeout: 10_000 });
  return panel.getAttribute('data-feature-id');
}

describe('lakes', () => {
  test('the rail line runs round Lake Baikal\'s southern tip, on the shore, not across the water', async () => {
    const lakes = JSON.parse(fs.readFileSync(resolve(root, 'data/basemap/ne_10m_lakes_corridors.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    const baikal = lakes.features.find((f) => f.properties?.name === 'Lake Baikal') as Feature<Polygon | MultiPolygon>;
    expect(baikal).toBeDefined();
    const rings = baikal.geometry.type === 'Polygon' ? [baikal.geometry.coordinates[0]] : baikal.geometry.coordinates.map((p) => p[0]);
    const ring = rings.sort((a, b) => b.length - a.length)[0];
    const south = ring.reduce((a, b) => (b[1] < a[1] ? b : a));
    // The rail line nearest the lake's southernmost point.
    const rail = loadAtlas().features.filter((f) => f.properties.mode === 'rail');
    let best: { f: AtlasFeature; at: Position; km: number } | null = null;
    for (const f of rail) {
      for (const coords of parts(f)) {
        const p = nearestPointOnLine(lineString(coords), south, { units: 'kilometers' });
        if (!best || p.properties.dist! < best.km) best = { f, at: p.geometry.coordinates, km: p.properties.dist! };
      }
    }
    expect(best, 'a rail line passes Lake Baikal').not.toBeNull();
    expect(best!.km, 'the rail line passes within 20 km of the lake\'s southern shore').toBeLessThan(20);
    const w = await openPage(browser);
    await gotoApp(w.page, `#map=6.5/${(south[1] + 0.45).toFixed(4)}/${(south[0] + 0.3).toFixed(4)}`);
    await overlay(w.page, [{ coords: ring, color: '#1f6fd1', closed: true }]);
    await screenshot(w.page, 'lake-baikal-rail-south-shore');
    await clickMapAt(w.page, best!.at[0], best!.at[1]);
    expect(await openedFeature(w.page)).toBe(best!.f.id);
    expect(w.errors).toEqual([]);
    expect(w.offOrigin).toEqual([]);
  });
});

describe('straits', () => {
  const gazetteer = (parse(fs.readFileSync(resolve(root, 'data/derive/straits.yaml'), 'utf8')) as { straits: StraitGate[] }).straits;
  const cases = loadAtlas().features.flatMap((f) =>
    [...new Set(straitMentions(String(f.properties.description ?? ''), gazetteer).named)].map((s) => [`${f.id} through the ${s.names[0]}`, f, s] as const),
  );
  test('some descriptions name straits', () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  test.each(cases)('%s: the line is drawn across the strait', async (_label, f, strait) => {
    const crossing = parts(f)
      .flatMap((c) => lineIntersect(lineString(c), lineString(strait.gate)).features)
      .map((x) => x.geometry.coordinates)[0];
    expect(crossing, `${f.id} crosses the ${strait.names[0]} gate`).toBeDefined();
    const [a, b] = strait.gate;
    const w = await openPage(browser);
    await gotoApp(w.page, `#map=7/${((a[1] + b[1]) / 2).toFixed(4)}/${((a[0] + b[0]) / 2).toFixed(4)}`);
    await overlay(w.page, [{ coords: strait.gate, color: '#c0392b', dash: true }]);
    await screenshot(w.page, `strait-${strait.names[0].normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${f.id}`);
    await clickMapAt(w.page, crossing[0], crossing[1]);
    expect(await openedFeature(w.page)).toBe(f.id);
    expect(w.errors).toEqual([]);
    expect(w.offOrigin).toEqual([]);
  });
});
