/**
 * `npm run bench:profile -- [app|maplibre|leaflet] [real|generated] [--until map-first-meaningful] [--click]`:
 * where the main thread spends its time from navigation to the page's first idle
 * map (or to the first meaningful map), or, with `--click`, during the first
 * click of a load at the benchmark's click view (mousedown to the panel). A
 * CPU profile (Chrome DevTools Protocol) of one page load of what `npm run bench`
 * last built in dist-bench/, summed by function and by script, with the
 * page's performance marks. For choosing what to speed up; the benchmark
 * itself is what measures.
 */
import '../node20-polyfills.ts';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/e2e/chromium.ts';
import { serve } from './serve.ts';
import { hashOf, startHashes } from './startView.ts';
import { clickTargets } from './targets.ts';
import { pixelOf as project } from '../../src/lib/view/webMercator.ts';

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const until = args.includes('--until') ? args.splice(args.indexOf('--until'), 2)[1] : 'map-first-idle';
const click = args.includes('--click') ? Boolean(args.splice(args.indexOf('--click'), 1)) : false;
const [kind = 'app', dataset = 'real'] = args;
const dir = resolve(root, 'dist-bench', dataset, kind === 'app' ? 'app' : 'pages');
if (!existsSync(dir)) {
  console.error(`${dir} does not exist: run \`npm run bench -- --only ${dataset} --runs 1\` first to build it.`);
  process.exit(1);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const server = await serve(dir, { csp: kind === 'app' });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const origin = new URL(server.url).origin;
  await context.route('**/*', (r) => (r.request().url().startsWith(origin) || /^(data|blob):/.test(r.request().url()) ? r.continue() : r.abort()));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const path = kind === 'app' ? '' : `${kind}.html`;
  const aim = click ? clickTargets(dataset === 'real' ? root : resolve(root, 'dist-bench/generated-atlas')) : null;
  const start = startHashes(resolve(root, 'dist-bench', dataset, 'app'));
  const hash = aim ? hashOf(aim.view) : kind === 'app' ? start.app : start.pages;
  if (!aim) await cdp.send('Profiler.start');
  await page.goto(`${server.url}${path}${hash}`, { waitUntil: 'commit' });
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, until, { timeout: 120_000, polling: 20 });
  if (aim) {
    await page.waitForTimeout(500);
    const box = (await page.locator(kind === 'app' ? '[aria-label="Map of corridors"]' : '#map').boundingBox())!;
    const t = aim.targets[0];
    const p = project(aim.view, box.width, box.height, t.lng, t.lat);
    await cdp.send('Profiler.start');
    await page.evaluate(() => performance.mark('click'));
    await page.mouse.click(box.x + p.x, box.y + p.y);
    await page.waitForSelector(`aside[aria-label="Source"][data-feature-id="${t.id}"]`, { timeout: 10_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.evaluate(() => performance.mark('panel-painted'));
  }
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const marks = await page.evaluate(() =>
    [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('resource')].map((e) => ({
      name: e.name.replace(location.origin, ''),
      start: Math.round(e.startTime),
      end: Math.round(e.startTime + e.duration),
    })),
  );
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + profile.timeDeltas[i] / 1000));
  const byFunction = new Map<string, number>();
  const byScript = new Map<string, number>();
  for (const n of profile.nodes) {
    const ms = self.get(n.id) ?? 0;
    const file = n.callFrame.url.replace(/^.*\//, '') || `(${n.callFrame.functionName || 'native'})`;
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    byScript.set(file, (byScript.get(file) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`)
      .join('\n');
  console.log(`${kind} · ${dataset}: marks and resources (ms from navigation)`);
  for (const m of marks.sort((a, b) => a.start - b.start)) console.log(`${String(m.start).padStart(7)} – ${String(m.end).padStart(5)}  ${m.name}`);
  console.log('\nmain-thread self time by script\n' + top(byScript, 12));
  console.log('\nmain-thread self time by function\n' + top(byFunction, 30));
} finally {
  await browser.close();
  await server.close();
}
