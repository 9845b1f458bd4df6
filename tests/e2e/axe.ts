/** axe-core audits for the browser tests: serious and critical violations only. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Run axe on the page (or on the elements matching `include`, e.g. 'dialog').
 * The production build forbids inline script (CSP): open the page in a context
 * with `bypassCSP: true`, as axe is injected by the test runner.
 */
export async function seriousViolations(page: Page, include?: string): Promise<Violation[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    return axe.run(sel ? { include: [[sel]] } : document, { resultTypes: ['violations'], ...(sel ? { iframes: false } : {}) });
  }, include ?? null);
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
