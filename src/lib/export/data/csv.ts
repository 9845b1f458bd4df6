/**
 * The shown citations as CSV (RFC 4180): one row per citation, with its
 * feature and document. Starts with a byte-order mark so spreadsheet programs
 * read the Chinese names as UTF-8. A cell that a spreadsheet would run as a
 * formula (one starting with = + - @, a tab or a carriage return: OWASP's CSV
 * injection list) is prefixed with a single quote, so an opened download
 * shows the text and runs nothing. Pure.
 */
import type { ShownFeature } from './shownData.ts';
import { featureLink } from './exportLinks.ts';

export const CSV_COLUMNS = [
  'feature_id',
  'feature_name',
  'feature_name_zh',
  'kind',
  'mode',
  'certainty',
  'quote',
  'support',
  'reasoning',
  'document_id',
  'document_title',
  'document_date',
  'document_publisher',
  'document_url',
  'feature_link',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as a spreadsheet should show it: never as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(value: string | number | undefined): string {
  const text = neutraliseFormula(value === undefined ? '' : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function shownCsv(shown: readonly ShownFeature[], pageHref: string): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const { feature, citations } of shown) {
    const p = feature.properties;
    for (const { citation, document } of citations)
      rows.push([
        feature.id,
        p.name,
        p.name_zh ?? '',
        p.kind,
        p.mode,
        p.geometry_basis,
        citation.quote,
        citation.support ?? 'explicit',
        citation.reasoning ?? '',
        document.id,
        document.title,
        document.date,
        document.publisher,
        document.url ?? '',
        featureLink(pageHref, feature.id),
      ]);
  }
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
