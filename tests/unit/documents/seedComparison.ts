/**
 * Compare a document body with the seed text it was taken from. The body must be the seed's article, verbatim and
 * complete: every body paragraph is a line of the seed (whitespace folded), in the seed's order, and every line of
 * the seed is either a body paragraph or listed in the document's `removed_chrome` with a reason. So a paragraph
 * dropped from the body fails unless someone decided, in writing, that it is page chrome.
 */
import { splitParagraphs } from '../../../src/lib/atlas/paragraphs.ts';

export interface RemovedChrome {
  line: string;
  why: string;
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The non-empty lines of a seed text, whitespace folded. Seeds hold one paragraph per line. */
export function seedLines(seed: string): string[] {
  return seed.split(/\r?\n/).map(fold).filter((l) => l !== '');
}

/** Problems found (empty when the body is the seed minus the listed chrome). */
export function compareWithSeed(body: string, seed: string, removedChrome: unknown): string[] {
  const problems: string[] = [];
  const short = (s: string) => (s.length > 70 ? `${s.slice(0, 70)}…` : s);
  const lines = seedLines(seed);
  const paragraphs = splitParagraphs(body).map((p) => fold(body.slice(p.start, p.end)));

  const chrome: RemovedChrome[] = [];
  if (removedChrome !== undefined && !Array.isArray(removedChrome)) problems.push('removed_chrome must be a list of {line, why}');
  for (const [i, entry] of (Array.isArray(removedChrome) ? removedChrome : []).entries()) {
    const e = entry as Partial<RemovedChrome> | null;
    if (typeof e?.line !== 'string' || !e.line.trim() || typeof e.why !== 'string' || !e.why.trim()) {
      problems.push(`removed_chrome[${i}] needs a non-empty "line" and a "why" saying what page chrome it is`);
      continue;
    }
    chrome.push({ line: fold(e.line), why: e.why });
  }
  const chromeLines = new Set(chrome.map((c) => c.line));

  // Verbatim and in order: each paragraph is the next matching seed line after the previous paragraph's.
  let cursor = 0;
  for (const para of paragraphs) {
    const at = lines.indexOf(para, cursor);
    if (at >= 0) cursor = at + 1;
    else if (lines.includes(para)) problems.push(`paragraph out of the seed's order: "${short(para)}"`);
    else problems.push(`paragraph is not a line of the seed (changed wording?): "${short(para)}"`);
  }
  // Complete: every seed line is in the body or is listed chrome.
  const bodySet = new Set(paragraphs);
  for (const line of lines) {
    if (!bodySet.has(line) && !chromeLines.has(line))
      problems.push(`seed paragraph missing from the body (restore it, or list it in removed_chrome with why it is page chrome): "${short(line)}"`);
  }
  // No stale or contradictory chrome entries.
  for (const c of chrome) {
    if (!lines.includes(c.line)) problems.push(`removed_chrome line is not in the seed: "${short(c.line)}"`);
    else if (bodySet.has(c.line)) problems.push(`removed_chrome line is also in the body: "${short(c.line)}"`);
  }
  return problems;
}
