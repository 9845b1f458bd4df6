/** Compile one document: YAML front matter checked field by field, the verbatim body split into paragraphs. */
import { parseMarkdown } from './frontMatter.ts';
import { splitParagraphs } from './paragraphs.ts';
import type { Problem } from './problems.ts';
import type { SourceFile } from './compile.ts';
import { checkDate } from './dates.ts';
import type { AtlasDocument, DatePrecision } from './types.ts';
import { isWebUrl } from './webUrl.ts';

export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export { checkDate } from './dates.ts';

export function fileStem(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

export function compileDocument(file: SourceFile, problems: Problem[]): AtlasDocument | null {
  const parsed = parseMarkdown(file.text);
  const at = (message: string, hint?: string, line?: number, id?: string) =>
    problems.push({ severity: 'error', file: file.path, line, id, message, hint });
  for (const e of parsed.errors) at(`front matter: ${e.message}`, e.hint, e.line, fileStem(file.path));
  const d = parsed.data;
  if (!d) return null;
  const before = problems.length;
  /** Line of a front-matter field, or of the opening fence when the field is missing. */
  const lineOf = (key: string) => parsed.fieldLines[key] ?? 1;
  const id = str(d.id);
  const stem = fileStem(file.path);
  if (!id) at('document has no `id`', `add \`id: ${stem}\` to the front matter`, lineOf('id'), stem);
  else if (!KEBAB_ID.test(id)) at(`id "${id}" is not kebab-case`, 'use lowercase letters, digits and single hyphens', lineOf('id'), id);
  else if (id !== stem) at(`id "${id}" does not match the file name "${stem}.md"`, 'rename the file or the id so they agree', lineOf('id'), id);
  const who = id ?? stem;
  const title = str(d.title);
  if (!title) at('document has no `title`', 'add the article headline as `title: "…"`', lineOf('title'), who);
  let precision: DatePrecision | undefined;
  if (d.date === undefined) at('document has no `date`', 'add `date: "YYYY-MM-DD"` (or "YYYY-MM" / "YYYY"): the agreement\'s own date, else the publication date', lineOf('date'), who);
  else {
    const r = checkDate(d.date);
    if ('error' in r) at(`date ${r.error}`, 'write the agreement date as "YYYY-MM-DD", "YYYY-MM" or "YYYY" (quoted)', lineOf('date'), who);
    else {
      precision = r.precision;
      if (d.date_precision !== undefined && d.date_precision !== precision)
        at(`date_precision "${String(d.date_precision)}" does not match date "${String(d.date)}" (${precision})`, 'remove date_precision or make it agree', lineOf('date_precision'), who);
    }
  }
  if (d.published !== undefined) {
    const r = checkDate(d.published);
    if ('error' in r) at(`published ${r.error}`, 'write the publication date as "YYYY-MM-DD"', lineOf('published'), who);
  }
  const publisher = str(d.publisher);
  if (!publisher) at('document has no `publisher`', 'add `publisher: "…"`', lineOf('publisher'), who);
  const parties = Array.isArray(d.parties) ? d.parties.filter((p): p is string => typeof p === 'string') : [];
  // Parties are optional (a news item may not name who signed); when given, a list of names.
  if (d.parties !== undefined && (!Array.isArray(d.parties) || parties.length !== d.parties.length || parties.length === 0))
    at('`parties` must be a list of names', 'write `parties: ["…", "…"]`, or leave the field out', lineOf('parties'), who);
  // The url becomes a link in the document view: only web addresses, never javascript: or data:.
  if (d.url !== undefined && !isWebUrl(d.url))
    at(`url "${String(d.url)}" is not an http(s) address`, 'write the address the article was published at, starting with https://', lineOf('url'), who);
  if (!parsed.body.trim()) at('document body is empty', 'paste the article text below the closing ---', parsed.bodyLine, who);
  if (problems.length > before || !id || !title || !precision || !publisher) return null;
  return {
    id,
    title,
    date: String(d.date),
    date_precision: precision,
    date_basis: str(d.date_basis),
    published: str(d.published),
    publisher,
    parties,
    url: str(d.url),
    language: str(d.language) ?? 'en',
    summary: str(d.summary) ?? '',
    body: parsed.body,
    paragraphs: splitParagraphs(parsed.body),
  };
}
