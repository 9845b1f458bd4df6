/** Issue 5, share dialog: keyboard use, copying the permalink and snippet, no serious axe violations. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousViolations } from './axe.ts';
import { baseURL, gotoApp, launch, openPage, screenshot } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('the dialog works from the keyboard, copies the permalink and the iframe snippet, and Escape returns focus', async () => {
  const w = await openPage(browser);
  await w.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL()).origin });
  const hash = '#map=6/30.5/114&feature=yangluo-port';
  await gotoApp(w.page, hash);
  const share = w.page.getByRole('button', { name: 'Share' });
  await share.focus();
  await w.page.keyboard.press('Enter');
  const dialog = w.page.getByRole('dialog', { name: 'Share this map' });
  await dialog.waitFor();
  // Focus moved into the dialog.
  expect(await w.page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);

  await dialog.locator('[data-name="permalink"] button').click();
  const link = await w.page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('feature=yangluo-port');
  expect(link).not.toContain('embed=1');

  await dialog.getByLabel('800 × 520').check();
  await dialog.getByLabel(/Host origin/).fill('https://report.example');
  await dialog.locator('[data-name="embed"] button').click();
  const snippet = await w.page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toMatch(/^<iframe src="[^"]*\?embed=1&amp;origin=https%3A%2F%2Freport.example#map=[^"]*feature=yangluo-port" width="800" height="520"/);
  await expect.poll(() => dialog.locator('[data-name="embed"] [role="status"]').textContent()).toBe('Copied');
  // The live preview shows the embed at the chosen size.
  const preview = dialog.locator('iframe');
  expect(await preview.getAttribute('src')).toContain('embed=1');
  await (await preview.elementHandle())!.contentFrame().then((f) => f!.waitForSelector('[data-ready="true"]', { timeout: 60_000 }));
  await w.page.waitForTimeout(1500);
  await screenshot(w.page, 'share-dialog-keyboard');

  await w.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  expect(await w.page.evaluate(() => document.activeElement?.textContent)).toBe('Share');
  // Escape closed the dialog only, not the selection.
  expect(await w.page.evaluate(() => location.hash)).toContain('feature=yangluo-port');
  expect(w.errors).toEqual([]);
  expect(w.offOrigin).toEqual([]);
});

test('no serious or critical axe violations in the open dialog', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${baseURL()}#map=5/30/110`);
  await page.waitForSelector('[data-ready="true"]');
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('dialog').waitFor();
  const violations = (await seriousViolations(page, 'dialog')).map((v) => `${v.id}: ${v.help}`);
  expect(violations).toEqual([]);
  await context.close();
});
