/**
 * Issue 5, embedding: a host page (examples/report.html) embeds the atlas in
 * embed mode and drives it with postMessage; the atlas obeys only allowed
 * origins and announces selections; embed mode fits small and large frames.
 */
import type { Point } from 'geojson';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { feature, loadAtlas } from './atlasData.ts';
import { baseURL, currentView, launch, openPage, screenshot, type WatchedPage } from './harness.ts';
import { pixelOf } from '../../src/lib/view/webMercator.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

function expectClean(w: WatchedPage) {
  expect(w.errors).toEqual([]);
  expect(w.offOrigin).toEqual([]);
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

async function atlasFrame(page: Page, selector: string): Promise<Frame> {
  const handle = await page.waitForSelector(selector);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`${selector} has no frame`);
  await frame.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]', { timeout: 60_000 });
  return frame;
}

describe('iframe API', () => {
  test('the example report embeds the atlas; a postMessage selects a feature whose panel shows its quote', async () => {
    const w = await openPage(browser, { width: 1280, height: 800 });
    const target = feature('yangluo-port');
    await w.page.goto(`${baseURL()}examples/report.html`);
    await w.page.waitForSelector('body[data-atlas-ready="true"]', { timeout: 60_000 });
    const frame = await atlasFrame(w.page, '#atlas');
    expect(new URL(frame.url()).searchParams.get('embed')).toBe('1');
    // Embed mode: no app chrome.
    expect(await frame.locator('header.bar').count()).toBe(0);

    await w.page.evaluate((id) => {
      const iframe = document.getElementById('atlas') as HTMLIFrameElement;
      iframe.contentWindow!.postMessage({ type: 'corridor-atlas:select', feature: id }, location.origin);
    }, target.id);
    const panel = frame.locator('aside[aria-label="Source"]');
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await panel.getAttribute('data-feature-id')).toBe(target.id);
    const mark = panel.locator(`mark[data-feature-id="${target.id}"]`).first();
    expect(collapse((await mark.textContent())!)).toBe(collapse(target.properties.citations[0].selector.exact));
    // The atlas announced the selection to the host, and its own URL carries it.
    await w.page.waitForSelector(`body[data-atlas-selection="${target.id}"]`, { timeout: 10_000 });
    expect(frame.url()).toContain(`feature=${target.id}`);
    await frame.waitForSelector('[aria-label="Map of corridors"][data-idle="true"]');
    await screenshot(w.page, 'embed-report-host');

    // The host can also filter and move the map; the atlas's URL (its public state) follows.
    await w.page.evaluate(() => {
      const win = (document.getElementById('atlas') as HTMLIFrameElement).contentWindow!;
      win.postMessage({ type: 'corridor-atlas:set-filters', filters: { modes: ['rail'] } }, location.origin);
      win.postMessage({ type: 'corridor-atlas:set-view', view: { zoom: 4.5, lat: 25, lng: 103 } }, location.origin);
    });
    await expect.poll(() => frame.url()).toContain('modes=rail');
    await expect.poll(() => frame.url()).toContain('map=4.5/25/103');
    expectClean(w);
  });

  test('a click inside the embed is announced to the host', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${baseURL()}examples/report.html`);
    await w.page.waitForSelector('body[data-atlas-ready="true"]', { timeout: 60_000 });
    const frame = await atlasFrame(w.page, '#atlas');
    // Select from inside: the host hears it.
    const id = feature('yangluo-port').id;
    await w.page.evaluate((f) => (document.getElementById('atlas') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'corridor-atlas:select', feature: f }, location.origin), id);
    await frame.locator('aside[aria-label="Source"]').waitFor();
    await frame.locator('aside[aria-label="Source"] button.close').click();
    await w.page.waitForSelector('body[data-atlas-selection=""]', { timeout: 10_000 });
    expect(await w.page.locator('#log').textContent()).toMatch(/selection null/);
    expectClean(w);
  });

  test('messages from an origin that is not allowed are ignored', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${baseURL()}examples/report.html`);
    await w.page.waitForSelector('body[data-atlas-ready="true"]', { timeout: 60_000 });
    await w.page.evaluate(() => {
      const f = document.createElement('iframe');
      f.id = 'stranger';
      f.style.cssText = 'position:fixed;left:0;top:0;width:500px;height:320px';
      f.src = new URL('../index.html?embed=1&origin=https://host.example#map=5/30/112', location.href).href;
      document.body.append(f);
    });
    const frame = await atlasFrame(w.page, '#stranger');
    const warnings: string[] = [];
    w.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await w.page.evaluate(() => (document.getElementById('stranger') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'corridor-atlas:select', feature: 'yangluo-port' }, '*'));
    await expect.poll(() => warnings.join('\n'), { timeout: 5_000 }).toMatch(/not in the embed's origin allow-list/);
    expect(await frame.locator('aside[aria-label="Source"]').count()).toBe(0);
    expectClean(w);
  });
});

describe('embed mode', () => {
  for (const [width, height] of [
    [300, 200],
    [640, 420],
    [1024, 600],
  ]) {
    test(`fits a ${width}×${height} frame: map, compact panel, legend, attribution, open link`, async () => {
      const w = await openPage(browser, { width, height });
      const f = feature('yangluo-port');
      await w.page.goto(`${baseURL()}?embed=1#map=6/30.5/114.5&feature=${f.id}&lang=en`);
      await w.page.waitForSelector('[aria-label="Map of corridors"][data-idle="true"]', { timeout: 60_000 });
      const panel = w.page.locator('aside[aria-label="Source"]');
      await panel.waitFor();
      expect(await panel.locator(`mark[data-feature-id="${f.id}"]`).count()).toBeGreaterThan(0);
      const open = w.page.getByRole('link', { name: /Open in Corridor Atlas/ });
      expect(await open.isVisible()).toBe(true);
      const href = new URL((await open.getAttribute('href'))!);
      expect(href.searchParams.has('embed')).toBe(false);
      expect(href.hash).toContain(`feature=${f.id}`);
      expect(await w.page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('Natural Earth');
      // The legend is on screen and not hidden under the panel.
      const legend = (await w.page.locator('section.legend').boundingBox())!;
      const covered = await w.page.evaluate(([x, y]) => !document.elementFromPoint(x, y)?.closest('section.legend'), [legend.x + 10, legend.y + 8]);
      expect(covered).toBe(false);
      // Nothing sticks out of the frame.
      const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth > innerWidth || document.documentElement.scrollHeight > innerHeight);
      expect(overflow).toBe(false);
      await screenshot(w.page, `embed-${width}x${height}`);
      expectClean(w);
    });
  }
});

describe('embed legend and links (issue 21, item 8)', () => {
  // A place with a point on the map, chosen from the data.
  const place = loadAtlas().features.find((f) => f.geometry.type === 'Point')!;
  for (const [width, height] of [
    [480, 320],
    [640, 420],
    [1024, 600],
  ]) {
    test(`${width}×${height}: the open legend covers neither the selection nor the open link, and scrolls to its last entry`, async () => {
      const w = await openPage(browser, { width, height });
      await w.page.goto(`${baseURL()}?embed=1#feature=${place.id}&lang=en`);
      await w.page.waitForSelector('[aria-label="Map of corridors"][data-idle="true"]', { timeout: 60_000 });
      await w.page.locator('aside[aria-label="Source"]').waitFor();
      const toggle = w.page.locator('section.legend .toggle');
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
      await w.page.waitForSelector('[aria-label="Map of corridors"][data-idle="true"]');
      const topmost = (x: number, y: number) =>
        w.page.evaluate(([px, py]) => {
          const el = document.elementFromPoint(px, py);
          return el?.closest('section.legend') ? 'legend' : el?.closest('a.open') ? 'open link' : el?.closest('aside') ? 'source panel' : el?.classList.contains('maplibregl-canvas') ? 'map' : (el?.outerHTML.slice(0, 80) ?? 'nothing');
        }, [x, y]);
      // The selected place, where the map draws it.
      const canvas = (await w.page.locator('.maplibregl-canvas').boundingBox())!;
      const [lng, lat] = (place.geometry as Point).coordinates;
      const at = pixelOf(await currentView(w.page), canvas.width, canvas.height, lng, lat);
      expect(await topmost(canvas.x + at.x, canvas.y + at.y)).toBe('map');
      const open = (await w.page.locator('a.open').boundingBox())!;
      expect(await topmost(open.x + open.width / 2, open.y + open.height / 2)).toBe('open link');
      // Where the panel is a column beside the map, the legend shares the column and leaves the panel's heading visible.
      const panel = (await w.page.locator('aside[aria-label="Source"]').boundingBox())!;
      const heading = (await w.page.locator('aside[aria-label="Source"] h2').boundingBox())!;
      if (panel.x > 0) expect(await topmost(heading.x + 10, heading.y + heading.height / 2)).toBe('source panel');
      // Every entry can be reached: scrolled into view, it lies inside the frame and nothing covers it.
      const entries = w.page.locator('section.legend li button');
      expect(await entries.count()).toBeGreaterThan(0);
      for (const entry of await entries.all()) {
        await entry.scrollIntoViewIfNeeded();
        const box = (await entry.boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(height);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        expect(await topmost(box.x + box.width / 2, box.y + box.height / 2)).toBe('legend');
      }
      await w.page.locator('section.legend .toggle').scrollIntoViewIfNeeded();
      await screenshot(w.page, `embed-legend-open-${width}x${height}`);
      expectClean(w);
    });
  }

  test('"Read the passage in its document" opens the full atlas with that document, one link per cited document', async () => {
    const cited = loadAtlas().features.find((f) => new Set(f.properties.citations.map((c) => c.document)).size > 1) ?? place;
    const w = await openPage(browser, { width: 640, height: 420 });
    await w.page.goto(`${baseURL()}?embed=1#feature=${cited.id}&lang=en`);
    const panel = w.page.locator('aside[aria-label="Source"]');
    await panel.waitFor();
    const openHref = (await w.page.locator('a.open').getAttribute('href'))!;
    const links = panel.getByRole('link', { name: /Read the passage in its document/ });
    const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.map((h) => new URLSearchParams(new URL(h).hash.slice(1)).get('doc')).sort()).toEqual([...new Set(cited.properties.citations.map((c) => c.document))].sort());
    for (const href of hrefs) {
      expect(href).not.toBe(openHref);
      const url = new URL(href);
      expect(url.searchParams.has('embed')).toBe(false);
      expect(new URLSearchParams(url.hash.slice(1)).get('feature')).toBe(cited.id);
    }
    expectClean(w);
  });
});
