/**
 * Hostile data: an atlas whose names, descriptions and document text are HTML
 * and script (tests/fixtures/hostile-data) must render as inert text, and the
 * production build must forbid inline script (but its own, named by hash) and
 * eval through its CSP.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { gotoApp, hostileURL, launch, openPage, screenshot } from './harness.ts';
import { inlineScriptHashes } from '../../scripts/csp-plugin.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('markup in names, descriptions and documents renders as literal text and never runs', async () => {
  const w = await openPage(browser, { base: hostileURL() });
  const dialogs: string[] = [];
  w.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await gotoApp(w.page, '#map=6/30.6/114.5&feature=poisoned-port&doc=poisoned-agreement', '', hostileURL());
  const panel = w.page.locator('aside[aria-label="Source"]');
  await panel.waitFor();
  expect(await panel.locator('h2').textContent()).toContain(`<img src=x onerror="window.__pwned='name'">Port Alpha`);
  expect(await panel.textContent()).toContain(`<svg/onload="window.__pwned='description'">A port whose description is <em>markup</em>.`);
  expect(await panel.textContent()).toContain(`<script>window.__pwned='reference'</script>Survey`);
  expect(await panel.getByTestId('reasoning').textContent()).toContain(`<img src=x onerror="window.__pwned='reasoning'">The text names the port by inference.`);
  // A javascript: address in the data never becomes a link.
  expect(await panel.locator('a[href^="javascript:"]').count()).toBe(0);
  const mark = panel.locator('mark[data-feature-id="poisoned-port"]').first();
  expect(await mark.textContent()).toBe(`Cargo moves through <img src=x onerror="window.__pwned='body-img'"> Port Alpha every week.`);

  const doc = w.page.locator('section[aria-label="Document"]');
  await doc.waitFor();
  const text = (await doc.textContent())!;
  for (const literal of [
    `<img src=x onerror="window.__pwned='title'">Poisoned <b>agreement</b>`,
    `<script>window.__pwned='body'</script>`,
    `{@html '<b>not svelte</b>'}`,
    `\${window.__pwned='template'}`,
    `<a href="javascript:window.__pwned='link'">click me</a>`,
  ]) {
    expect(text).toContain(literal);
  }
  // No element came out of the data: the text nodes are all there is.
  expect(await w.page.locator('img[src="x"], iframe, svg[onload], a[href^="javascript:"], b[onmouseover]').count()).toBe(0);
  await w.page.mouse.move(640, 400);
  await screenshot(w.page, 'hostile-text-inert');

  // The other language shows the Chinese name, also as text; the route's marks too.
  await w.page.goto(`${hostileURL()}#map=6/30.6/114.5&feature=poisoned-route&doc=poisoned-agreement&lang=zh`);
  await w.page.locator('aside[aria-label="Source"][data-feature-id="poisoned-route"]').waitFor();
  expect(await w.page.getByTestId('published-length').textContent()).toContain(`<i onmouseover="window.__pwned='length'">Published</i> length`);
  expect(await w.page.locator('aside[aria-label="Source"] a[href^="javascript:"]').count()).toBe(0);
  expect(await w.page.locator('section[aria-label="Document"] mark[data-feature-id="poisoned-route"]').count()).toBeGreaterThan(0);
  await w.page.goto(`${hostileURL()}#map=6/30.6/114.5&feature=poisoned-port&lang=zh`);
  await w.page.locator('aside[aria-label="Source"][data-feature-id="poisoned-port"]').waitFor();
  expect(await w.page.locator('aside[aria-label="Source"] h2').textContent()).toContain(`<script>window.__pwned='name_zh'</script>阿尔法港`);

  expect(await w.page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(w.errors).toEqual([]);
  expect(w.offOrigin).toEqual([]);
});

test('the production build forbids inline script and eval, and MapLibre still works under that policy', async () => {
  const w = await openPage(browser, { base: hostileURL() });
  const response = await w.page.goto(hostileURL());
  const header = response!.headers()['content-security-policy'];
  // Scripts from the origin, and the page's own inline scripts (the drawn first map's gate and paint mark) by their hashes: no other.
  const scriptSrc = /script-src ([^;]*)/.exec(header)![1].trim().split(/\s+/);
  expect(scriptSrc.sort()).toEqual(["'self'", ...inlineScriptHashes(await response!.text())].sort());
  expect(header).not.toMatch(/unsafe-inline'[^;]*;[^;]*$|script-src[^;]*unsafe/);
  const meta = await w.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toBe(header);
  // The WebGL map loaded (its worker and basemap requests are allowed).
  await w.page.waitForSelector('[aria-label="Map of corridors"][data-ready="true"]');
  expect(w.errors).toEqual([]);

  // Code run by the test harness itself is exempt from CSP, so the probes schedule work the page must run on its own.
  await w.page.evaluate(() => {
    const win = window as unknown as Record<string, unknown>;
    win.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => (win.__violations as string[]).push(e.violatedDirective));
    // eval by string timer, an inline <script>, an inline event handler.
    (setTimeout as (code: string, ms: number) => number)('window.__timer = 1', 0);
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.head.append(s);
    const div = document.createElement('div');
    div.innerHTML = '<img src="data:," onerror="window.__handler = 1">';
    document.body.append(div);
  });
  await w.page.waitForTimeout(300);
  const after = await w.page.evaluate(() => {
    const win = window as unknown as Record<string, unknown>;
    return { ran: [win.__timer, win.__inline, win.__handler], violations: win.__violations as string[] };
  });
  expect(after.ran).toEqual([undefined, undefined, undefined]);
  expect(after.violations.length).toBeGreaterThanOrEqual(3);
  expect(after.violations.every((v) => v.startsWith('script-src'))).toBe(true);
  // What the probe provoked is reported as CSP refusals, and nothing else.
  expect(w.errors.filter((e) => !/Content Security Policy/i.test(e))).toEqual([]);
});
