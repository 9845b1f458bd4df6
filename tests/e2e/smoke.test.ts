import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { gotoApp, launch, openPage, screenshot } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('the app loads with no page errors and no request off the origin', async () => {
  const { page, errors, offOrigin } = await openPage(browser);
  await gotoApp(page);
  await screenshot(page, 'smoke-home');
  expect(errors).toEqual([]);
  expect(offOrigin).toEqual([]);
});
