/**
 * Issue 14 item 10 in report figures: the scale bar never covers a label,
 * the legend or the attribution, at every size the dialog offers; and it is
 * left out where one scale does not hold across the figure (the same rule as
 * the on-screen bar, src/lib/map/scaleRule.ts). Boxes are measured on the
 * downloaded SVG as the browser renders it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIGURE_SIZES, type FigureAspect } from '../../src/lib/export/figureFormat.ts';
import { unprojector } from '../../src/lib/view/webMercator.ts';
import { loadAtlas } from './atlasData.ts';
import { gotoApp, launch, openPage, SCREENSHOT_DIR, type WatchedPage, downloadBytes } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function downloadSvg(page: Page, name: string): Promise<string> {
  await page.locator('[data-export="svg"]').scrollIntoViewIfNeeded();
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.click('[data-export="svg"]')]);
  const text = (await downloadBytes(dl)).toString('utf8');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(resolve(SCREENSHOT_DIR, name), text);
  return text;
}

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  what: string;
}

/** Render the SVG in the page and measure the scale bar and every text and legend swatch (page pixels). */
async function measure(page: Page, svg: string): Promise<{ scale: Rect | null; others: Rect[]; png: string }> {
  return page.evaluate(async (text) => {
    const host = document.createElement('div');
    host.style.cssText = 'position:fixed;left:0;top:0;z-index:99999;background:#fff';
    host.innerHTML = text;
    document.body.append(host);
    const root = host.querySelector('svg')!;
    const rect = (el: Element, what: string) => {
      const r = el.getBoundingClientRect();
      return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom, what };
    };
    const bar = root.querySelector('g.scale');
    const others = [...root.querySelectorAll('text')].filter((t) => !t.closest('g.scale') && (t.textContent ?? '').trim()).map((t) => rect(t, t.textContent!.slice(0, 40)));
    // Legend swatches and point symbols too: nothing drawn on top of the figure's furniture or the atlas's symbols.
    for (const el of root.querySelectorAll('g.point, .legend rect, .legend line, .legend circle, .legend g')) others.push(rect(el, el.getAttribute('class') ?? el.tagName));
    const scale = bar ? rect(bar, 'scale bar') : null;
    // A picture of the figure as rendered, for a person to look at.
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    c.getContext('2d')!.drawImage(img, 0, 0);
    host.remove();
    return { scale, others, png: c.toDataURL('image/png') };
  }, svg);
}

const overlaps = (a: Rect, b: Rect) => a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;

async function openFigure(w: WatchedPage, hash: string): Promise<void> {
  await gotoApp(w.page, hash);
  await w.page.getByRole('button', { name: 'Share' }).click();
  await w.page.getByRole('dialog').waitFor();
  await w.page.waitForSelector('[data-export="svg"]:not([disabled])');
}

/** A view over the atlas's busiest stretch: the point feature with the most other points within ~150 km (derived from data). */
function busiestView(zoom: number): string {
  const points = loadAtlas().features.flatMap((f) => (f.geometry.type === 'Point' ? [f.geometry.coordinates as [number, number]] : []));
  const near = (a: [number, number]) => points.filter((b) => Math.hypot(a[0] - b[0], a[1] - b[1]) < 1.5).length;
  const [lng, lat] = points.reduce((best, p) => (near(p) > near(best) ? p : best));
  return `#map=${zoom}/${lat}/${lng}`;
}

describe('the scale bar in report figures', () => {
  test.each(Object.keys(FIGURE_SIZES) as FigureAspect[])('%s: the scale bar covers no label, symbol, legend or attribution', async (aspect) => {
    const w = await openPage(browser);
    await openFigure(w, busiestView(6.5));
    await w.page.check(`input[name="figure-aspect"][value="${aspect}"]`);
    const svg = await downloadSvg(w.page, `figure-scale-${aspect}.svg`);
    const { scale, others, png } = await measure(w.page, svg);
    writeFileSync(resolve(SCREENSHOT_DIR, `figure-scale-${aspect}.png`), Buffer.from(png.split(',')[1], 'base64'));
    expect(scale, 'a regional figure has a scale bar').not.toBeNull();
    expect(others.length).toBeGreaterThan(10);
    const hit = others.filter((o) => overlaps(scale!, o));
    expect(hit.map((h) => h.what)).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  test('a symbol in the bottom-left corner of a figure keeps clear of the scale bar (the bar moves to the other corner)', async () => {
    // The atlas's loneliest symbol (farthest from any other), placed where the bar would go.
    const points = loadAtlas().features.flatMap((f) => (f.geometry.type === 'Point' ? [{ id: f.id, at: f.geometry.coordinates as [number, number] }] : []));
    const nearest = (p: (typeof points)[number]) => Math.min(...points.filter((q) => q !== p).map((q) => Math.hypot(p.at[0] - q.at[0], p.at[1] - q.at[1])));
    const lonely = points.reduce((best, p) => (nearest(p) > nearest(best) ? p : best));
    const w = await openPage(browser);
    const zoom = 6;
    await openFigure(w, `#map=${zoom}/${lonely.at[1]}/${lonely.at[0]}`);
    await w.page.check('input[name="figure-aspect"][value="16:9"]');
    const frame = await w.page.evaluate((svg) => {
      const r = new DOMParser().parseFromString(svg, 'image/svg+xml').querySelector('#map-frame rect')!;
      return { width: Number(r.getAttribute('width')), height: Number(r.getAttribute('height')) };
    }, await downloadSvg(w.page, 'figure-scale-corner-probe.svg'));
    const canvas = (await w.page.locator('.maplibregl-canvas').boundingBox())!;
    const figureZoom = zoom + Math.log2(Math.min(frame.width / canvas.width, frame.height / canvas.height));
    // The reader's centre that puts the symbol 30 px from the figure's left edge and 18 px above its bottom.
    const [lng, lat] = unprojector({ zoom: figureZoom, lng: lonely.at[0], lat: lonely.at[1], ...frame })(frame.width - 30, 18);
    await w.page.keyboard.press('Escape');
    const w2 = await openPage(browser);
    await openFigure(w2, `#map=${zoom}/${lat}/${lng}`);
    await w2.page.check('input[name="figure-aspect"][value="16:9"]');
    const svg = await downloadSvg(w2.page, 'figure-scale-corner.svg');
    expect(svg).toContain(`data-feature-id="${lonely.id}"`);
    const { scale, others, png } = await measure(w2.page, svg);
    writeFileSync(resolve(SCREENSHOT_DIR, 'figure-scale-corner.png'), Buffer.from(png.split(',')[1], 'base64'));
    expect(scale).not.toBeNull();
    expect(others.filter((o) => overlaps(scale!, o)).map((h) => h.what)).toEqual([]);
    expect([...w.errors, ...w2.errors]).toEqual([]);
  });

  test('a figure at world zoom, where Mercator stretches the scale, has no scale bar; at a regional zoom it has one', async () => {
    const world = await openPage(browser);
    await openFigure(world, '#map=1.5/30/100');
    expect(await downloadSvg(world.page, 'figure-scale-world.svg')).not.toContain('class="scale"');
    const regional = await openPage(browser);
    await openFigure(regional, busiestView(6));
    expect(await downloadSvg(regional.page, 'figure-scale-regional.svg')).toContain('class="scale"');
    expect([...world.errors, ...regional.errors]).toEqual([]);
  });
});
