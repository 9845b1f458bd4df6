/**
 * `npm run screenshots`: pictures of the real app for the README and for link
 * previews, taken in headless Chromium from the build in dist/ (run
 * `npm run build` first). Writes, atomically, only the two files it owns:
 *
 * - docs/screenshot.png        1280×800: the map with a feature selected and its source open
 * - public/social-preview.png  1200×630: the map (the `og:image` of index.html)
 *
 * public/ is copied into the build as it is, so build again after this.
 */
import { renameSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/chromium.ts';

const root = resolve(import.meta.dirname, '..');

interface Shot {
  file: string;
  width: number;
  height: number;
  hash: string;
}

const SHOTS: Shot[] = [
  { file: 'docs/screenshot.png', width: 1280, height: 800, hash: '#map=5.2/31.2/112.2&feature=yangluo-port' },
  { file: 'public/social-preview.png', width: 1200, height: 630, hash: '#map=4.1/31/106' },
];

async function settle(page: Page): Promise<void> {
  await page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]', { timeout: 60_000 });
  await page.waitForSelector('[aria-label="Map of corridors"][data-idle="true"]', { timeout: 60_000 });
  await page.waitForTimeout(500);
  await page.waitForSelector('[aria-label="Map of corridors"][data-idle="true"]', { timeout: 60_000 });
}

const server = await preview({ root, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
const base = server.resolvedUrls?.local[0];
if (!base) throw new Error('vite preview did not report a URL');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
try {
  for (const shot of SHOTS) {
    const context = await browser.newContext({ viewport: { width: shot.width, height: shot.height }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
    const page = await context.newPage();
    // Nothing from outside the page's origin, as in the tests.
    await context.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    await page.goto(`${base}${shot.hash}`);
    await settle(page);
    const target = resolve(root, shot.file);
    const temp = `${target}.tmp-${process.pid}.png`;
    await page.screenshot({ path: temp });
    renameSync(temp, target);
    console.log(`wrote ${shot.file} (${shot.width}×${shot.height})`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
