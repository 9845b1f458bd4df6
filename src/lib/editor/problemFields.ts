/**
 * Which form field a validator problem is about, so the editor can show it
 * beside that field: a JSON path inside a feature file, or a front-matter key
 * (or the body) of a document.
 */
import { getLocation } from 'jsonc-parser';
import type { Problem } from '../atlas/problems.ts';

/** Character offset of a 1-based line and column. */
function offsetOf(text: string, line: number, column = 1): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return offset + Math.max(0, column - 1);
}

/**
 * The field of a feature problem, as a dotted path inside the feature:
 * "properties.name", "properties.citations.0.quote", "geometry.coordinates" …
 * Null when the problem has no position inside a feature.
 */
export function featureProblemField(text: string, problem: Pick<Problem, 'line' | 'column'>): string | null {
  if (!problem.line) return null;
  const { path } = getLocation(text, offsetOf(text, problem.line, problem.column));
  if (path[0] !== 'features' || typeof path[1] !== 'number') return null;
  return path.slice(2).join('.') || null;
}

/** The front-matter key on the problem's line, "body" below the front matter, or null. */
export function documentProblemField(text: string, problem: Pick<Problem, 'line'>): string | null {
  if (!problem.line) return null;
  const lines = text.split('\n');
  const close = lines.indexOf('---', 1);
  if (close >= 0 && problem.line > close + 1) return 'body';
  const m = /^([A-Za-z_]+):/.exec(lines[problem.line - 1] ?? '');
  return m ? m[1] : null;
}
