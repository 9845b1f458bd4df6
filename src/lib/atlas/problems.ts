/** Problems found while compiling data/: every one names where it is and how to fix it. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Path relative to the project root, e.g. data/features/rail.geojson. */
  file: string;
  line?: number;
  column?: number;
  /** Feature or document id the problem belongs to. */
  id?: string;
  message: string;
  hint?: string;
}

export function formatProblem(p: Problem): string {
  const where = p.file + (p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : '');
  const who = p.id ? ` [${p.id}]` : '';
  const hint = p.hint ? `\n    fix: ${p.hint}` : '';
  return `${p.severity}: ${where}${who}: ${p.message}${hint}`;
}

export function formatProblems(problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return [...problems.map(formatProblem), `${errors} error(s), ${warnings} warning(s)`].join('\n');
}
