import { stringify } from 'yaml';

/**
 * Write a document file the way the existing ones are written: YAML front
 * matter with one field per line in a fixed order, strings double-quoted,
 * lists in flow style, then the body exactly as given.
 */

export interface DocumentFrontMatter {
  id: string;
  title: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  date_precision?: 'year' | 'month' | 'day';
  date_basis?: string;
  published?: string;
  publisher: string;
  parties?: string[];
  url?: string;
  language?: string;
  summary?: string;
  seed?: string;
  /** Lines of the pasted page left out as page chrome, each with why (the record the seed documents keep). */
  removed_chrome?: { line: string; why: string }[];
}

/** The order fields are written in (the order of the existing documents). */
export const DOCUMENT_KEY_ORDER: (keyof DocumentFrontMatter)[] = [
  'id',
  'title',
  'date',
  'date_precision',
  'date_basis',
  'published',
  'publisher',
  'parties',
  'url',
  'language',
  'summary',
  'seed',
  'removed_chrome',
];

/** Words written without quotes, as in the existing files. */
const BARE = new Set<keyof DocumentFrontMatter>(['id', 'date_precision', 'language', 'seed']);

/** A JSON string is a valid YAML double-quoted scalar. */
const quoted = (s: string) => JSON.stringify(s);
const bareSafe = (s: string) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(s) && !/^(true|false|null|yes|no|on|off|~|\d[\d.e+-]*)$/i.test(s);

function yamlValue(key: keyof DocumentFrontMatter, value: unknown): string {
  if (key === 'removed_chrome') {
    // A block list of {line, why}, strings double-quoted like every other field.
    const items = value as { line: string; why: string }[];
    return items.map((i) => `\n  - line: ${quoted(i.line)}\n    why: ${quoted(i.why)}`).join('');
  }
  if (Array.isArray(value)) return `[${value.map((v) => quoted(String(v))).join(', ')}]`;
  const s = String(value);
  return BARE.has(key) && bareSafe(s) ? s : quoted(s);
}

/** The whole file text. Empty optional fields are left out; the body is trimmed of surrounding blank lines only. */
export function formatDocument(front: DocumentFrontMatter, body: string): string {
  const lines = ['---'];
  const keys = [...DOCUMENT_KEY_ORDER, ...Object.keys(front).filter((k) => !DOCUMENT_KEY_ORDER.includes(k as keyof DocumentFrontMatter))];
  for (const key of keys) {
    const v = (front as unknown as Record<string, unknown>)[key];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (DOCUMENT_KEY_ORDER.includes(key as keyof DocumentFrontMatter)) {
      const value = yamlValue(key as keyof DocumentFrontMatter, v);
      lines.push(value.startsWith('\n') ? `${key}:${value}` : `${key}: ${value}`);
    }
    // A field this writer does not know: whatever YAML the library writes for it, so nothing is dropped.
    else lines.push(stringify({ [key]: v }).trimEnd());
  }
  lines.push('---');
  const text = body.replace(/\r\n?/g, '\n').replace(/^\s*\n/, '').replace(/\s+$/, '');
  return `${lines.join('\n')}\n${text}\n`;
}
