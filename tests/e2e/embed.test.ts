/**
 * Issue 5, embedding: a host page (examples/report.html) embeds the atlas in
 * embed mode and drives it with postMessage; the atlas obeys only allowed
 * origins and announces selections; embed mode fits small and large frames.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { feature } from './atlasData.ts';
import { baseURL, launch, openPage, screenshot, type WatchedPage } from './harness.ts';

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
