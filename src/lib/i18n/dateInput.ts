/**
 * Dates typed by a reader, in the forms a Chinese or English reader writes:
 * "2019-01-05", "2019/1/5", "2019年1月5日", "2019-01", "2019年1月", "2019".
 * A date of year or month precision means its first day for a range's start
 * and its last day for its end. Pure.
 */
import { dateSpan } from '../atlas/filters.ts';

const FORMS = /^\s*(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月)?)?\s*年?\s*$/;

/** The day (YYYY-MM-DD) a typed date means as the `edge` of a range, or null when it is not a date. */
export function parseDateInput(text: string, edge: 'from' | 'to'): string | null {
  const m = FORMS.exec(text);
  if (!m) return null;
  const [, y, mo, d] = m;
  const pad = (n: string) => n.padStart(2, '0');
  if (mo && (+mo < 1 || +mo > 12)) return null;
  const partial = d ? `${y}-${pad(mo)}-${pad(d)}` : mo ? `${y}-${pad(mo)}` : y;
  if (d) {
    const date = new Date(Date.UTC(+y, +mo - 1, +d));
    if (date.getUTCMonth() !== +mo - 1 || date.getUTCDate() !== +d) return null;
  }
  return dateSpan(partial)[edge];
}
