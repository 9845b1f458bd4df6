/** Dates as the atlas writes them: YYYY, YYYY-MM or YYYY-MM-DD, real calendar days only. No dependencies: the browser uses it too. */
import type { DatePrecision } from './types.ts';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Check a YYYY, YYYY-MM or YYYY-MM-DD string; returns its precision or an error message. */
export function checkDate(value: unknown): { precision: DatePrecision } | { error: string } {
  if (typeof value !== 'string') return { error: 'must be a quoted string like "2024-11-25", "2024-11" or "2024"' };
  const m = DATE.exec(value);
  if (!m) return { error: `"${value}" is not YYYY, YYYY-MM or YYYY-MM-DD` };
  const [, y, mo, d] = m;
  if (mo !== undefined && (+mo < 1 || +mo > 12)) return { error: `"${value}" has month ${mo}` };
  if (d !== undefined) {
    const days = new Date(Date.UTC(+y, +mo, 0)).getUTCDate();
    if (+d < 1 || +d > days) return { error: `"${value}" is not a real day (${y}-${mo} has ${days} days)` };
    return { precision: 'day' };
  }
  return { precision: mo !== undefined ? 'month' : 'year' };
}

