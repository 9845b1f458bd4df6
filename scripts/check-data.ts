/**
 * `npm run check` (data half): validate all of data/ with the same compiler
 * the build uses, print every problem, exit 1 on any error.
 * Usage: tsx scripts/check-data.ts [project-root]
 */
import { resolve } from 'node:path';
import { compileAtlas } from '../src/lib/atlas/compile.ts';
import { formatProblems, type Problem } from '../src/lib/atlas/problems.ts';
import { readDataFiles } from './data-files.ts';

const root = resolve(process.argv[2] ?? '.');
const problems: Problem[] = [];
const input = readDataFiles(root, problems);
const result = compileAtlas(input);
problems.push(...result.problems);
const errors = problems.filter((p) => p.severity === 'error').length;
if (problems.length) console.log(formatProblems(problems));
if (errors === 0 && result.atlas) {
  const a = result.atlas;
  const citations = a.features.reduce((n, f) => n + f.properties.citations.length, 0);
  console.log(`data OK: ${a.documents.length} documents, ${a.features.length} features, ${citations} citations anchored.`);
}
process.exit(errors ? 1 : 0);
