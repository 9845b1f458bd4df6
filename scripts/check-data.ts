/**
 * `npm run check` (data half): validate all of data/ with the same compiler
 * the build uses, print every problem, exit 1 on any error.
 * Usage: tsx scripts/check-data.ts [project-root]   (default: $ATLAS_DATA_ROOT or .)
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileAtlas } from '../src/lib/atlas/compile.ts';
import { formatProblems, type Problem } from '../src/lib/atlas/problems.ts';
import { readDataFiles } from './data-files.ts';

export interface CheckResult {
  /** 0 when data/ has no errors (warnings allowed), else 1. */
  exitCode: 0 | 1;
  problems: Problem[];
  /** What the CLI prints. */
  output: string;
}

/** Validate `<root>/data` exactly as the build does. */
export function checkData(root: string): CheckResult {
  const problems: Problem[] = [];
  const input = readDataFiles(root, problems);
  const result = compileAtlas(input);
  problems.push(...result.problems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const lines: string[] = [];
  if (problems.length) lines.push(formatProblems(problems));
  if (errors === 0 && result.atlas) {
    const a = result.atlas;
    const citations = a.features.reduce((n, f) => n + f.properties.citations.length, 0);
    lines.push(`data OK: ${a.documents.length} documents, ${a.features.length} features, ${citations} citations anchored.`);
  }
  return { exitCode: errors ? 1 : 0, problems, output: lines.join('\n') };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = checkData(resolve(process.argv[2] ?? process.env.ATLAS_DATA_ROOT ?? '.'));
  console.log(r.output);
  process.exit(r.exitCode);
}
