/**
 * Browser tests of the editor: the dev server (Vite createServer, the real
 * vite.config.ts) on a COPY of data/ in a temporary folder (ATLAS_DATA_ROOT),
 * so the real data/ — and a user's uncommitted work in it — is never written.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { parse as parseYaml } from 'yaml';
import { checkCoverage } from '../../src/lib/atlas/coverage.ts';
import { parseMarkdown } from '../../src/lib/atlas/frontMatter.ts';
import { readFeatures } from '../../src/lib/editor/featureFileEdit.ts';
import { capture, launch, openPage, SCREENSHOT_DIR, waitForIdle, type WatchedPage } from './harness.ts';

export const projectRoot = resolve(import.meta.dirname, '../..');
/** The dev server and software WebGL share two cores with other work: generous per-step budgets. */
export const STEP_MS = 300_000;
/** How long the page may take to show a result (a save runs the whole data check first). */
export const POLL = { timeout: 30_000 };

export interface DevEditor {
  /** The temporary folder holding the copy of data/. */
  dir: string;
  devURL: string;
  browser: Browser;
  w: WatchedPage;
  close(): Promise<void>;
}

/** Copy data/ to a temporary folder, serve it with the dev server, open a page (1600 × 1000). */
export async function startDevEditor(prefix: string): Promise<DevEditor> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(resolve(projectRoot, 'data'), join(dir, 'data'), { recursive: true });
  process.env.ATLAS_DATA_ROOT = dir;
  let server: ViteDevServer;
  try {
    // A cache of pre-bundled dependencies per test worker: two dev servers writing one folder at once could each see the other's half-written bundle.
    const cacheDir = resolve(projectRoot, `node_modules/.vite-e2e-dev-${process.env.VITEST_POOL_ID ?? 1}`);
    server = await createServer({ root: projectRoot, cacheDir, logLevel: 'warn', server: { port: 0, host: '127.0.0.1', strictPort: false } });
    await server.listen();
  } finally {
    delete process.env.ATLAS_DATA_ROOT;
  }
  const devURL = `http://localhost:${(server.httpServer!.address() as { port: number }).port}/`;
  const browser = await launch();
  const w = await openPage(browser, { width: 1600, height: 1000, base: devURL });
  // First visit: Vite pre-bundles dependencies and may reload the page once while it does.
  await gotoDev(w.page, devURL);
  await w.page.waitForTimeout(1000);
  return {
    dir,
    devURL,
    browser,
    w,
    async close() {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function gotoDev(page: Page, devURL: string, hash = ''): Promise<void> {
  // The dev server transforms modules on first request: slow on a busy machine.
  await page.goto(`${devURL}${hash}`, { timeout: 120_000, waitUntil: 'domcontentloaded' });
  await page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]', { timeout: 120_000 });
  await waitForIdle(page);
}

/** Every document and feature file of the copy, by "documents/x.md" / "features/y.geojson". */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const sub of ['documents', 'features']) for (const f of readdirSync(join(dir, 'data', sub))) out.set(`${sub}/${f}`, readFileSync(join(dir, 'data', sub, f), 'utf8'));
  for (const f of readdirSync(join(dir, 'data/derive'))) out.set(`derive/${f}`, readFileSync(join(dir, 'data/derive', f), 'utf8'));
  out.set('coverage.yaml', readFileSync(join(dir, 'data/coverage.yaml'), 'utf8'));
  return out;
}

/** A screenshot for a person to look at; software WebGL on a busy machine can take long to capture. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await capture(page, resolve(SCREENSHOT_DIR, `${name}.png`));
}

/** Select `text` inside the open document by dragging the mouse across it, as a reader would. */
export async function dragSelect(page: Page, text: string): Promise<void> {
  const box = await page.evaluate((t) => {
    const body = document.querySelector('section.document .body')!;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(t);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + 1);
      const a = r.getBoundingClientRect();
      r.setStart(n, i + t.length - 1);
      r.setEnd(n, i + t.length);
      const b = r.getBoundingClientRect();
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    }
    return null;
  }, text);
  if (!box) throw new Error(`"${text}" is not in the open document`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

/** What tests/unit/atlas/coverage.test.ts would say about the copy's coverage table (empty: it passes). */
export function coverageProblems(dir: string): string[] {
  const documents = readdirSync(join(dir, 'data/documents'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const m = parseMarkdown(readFileSync(join(dir, 'data/documents', f), 'utf8'));
      return { id: String(m.data?.id), body: m.body };
    });
  const features = readdirSync(join(dir, 'data/features'))
    .filter((f) => f.endsWith('.geojson'))
    .flatMap((f) => readFeatures(readFileSync(join(dir, 'data/features', f), 'utf8')))
    .map((f) => ({ id: f.id, cites: (((f.properties as { citations?: { document: string }[] }).citations) ?? []).map((c) => c.document) }));
  return checkCoverage(parseYaml(readFileSync(join(dir, 'data/coverage.yaml'), 'utf8')), documents, features);
}
