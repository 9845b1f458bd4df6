/** Split a Markdown document into YAML front matter and body (the `---` fence convention). */
import { isMap, isScalar, parseDocument } from 'yaml';

export interface ParsedMarkdown {
  data: Record<string, unknown> | null;
  body: string;
  /** 1-based line where the body starts in the file. */
  bodyLine: number;
  errors: { message: string; line?: number; column?: number }[];
  /** 1-based file line of each top-level front-matter key, for pointing at a field. */
  fieldLines: Record<string, number>;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function parseMarkdown(text: string): ParsedMarkdown {
  const source = text.replace(/^\uFEFF/, '');
  const m = FENCE.exec(source);
  if (!m) {
    return {
      data: null,
      body: source,
      bodyLine: 1,
      errors: [{ message: 'no YAML front matter: the file must start with a line "---", the fields, and a closing "---"', line: 1 }],
      fieldLines: {},
    };
  }
  // The yaml core schema keeps dates as strings, which is what we want.
  const doc = parseDocument(m[1], { prettyErrors: true });
  const errors = doc.errors.map((e) => ({
    message: e.message.split('\n')[0],
    line: e.linePos ? e.linePos[0].line + 1 : undefined,
    column: e.linePos ? e.linePos[0].col : undefined,
  }));
  const data = errors.length ? null : doc.toJS();
  const fieldLines: Record<string, number> = {};
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      if (isScalar(item.key) && item.key.range) fieldLines[String(item.key.value)] = 1 + m[1].slice(0, item.key.range[0]).split('\n').length;
    }
  }
  const bodyLine = m[0].split('\n').length + (m[0].endsWith('\n') ? 0 : 1);
  const rawBody = source.slice(m[0].length);
  const leading = rawBody.length - rawBody.trimStart().length;
  const skippedLines = rawBody.slice(0, leading).split('\n').length - 1;
  return {
    data: data && typeof data === 'object' && !Array.isArray(data) ? data : null,
    body: rawBody.trim(),
    bodyLine: bodyLine + skippedLines,
    errors:
      !errors.length && (!data || typeof data !== 'object' || Array.isArray(data))
        ? [{ message: 'front matter must be a mapping of field: value', line: 2 }]
        : errors,
    fieldLines,
  };
}
