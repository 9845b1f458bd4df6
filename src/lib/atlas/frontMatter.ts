/** Split a Markdown document into YAML front matter and body (the `---` fence convention). */
import { isMap, isScalar, parseDocument, visit, type Document } from 'yaml';
import { LIMITS } from './limits.ts';

export interface ParsedMarkdown {
  data: Record<string, unknown> | null;
  body: string;
  /** 1-based line where the body starts in the file. */
  bodyLine: number;
  /** Lines and columns are 1-based lines of the whole file (not of the front matter). */
  errors: { message: string; hint: string; line?: number; column?: number }[];
  /** 1-based file line of each top-level front-matter key, for pointing at a field. */
  fieldLines: Record<string, number>;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const OPENING = /^---[ \t]*\r?\n/;

/** A fix that fits the YAML fault (by the yaml library's error code), for a file line. */
function yamlHint(code: string, message: string, line: number | undefined): string {
  const on = line ? ` on line ${line}` : '';
  if (/tab/i.test(message)) return `indent with spaces, not tabs: replace the tab${on} with spaces (or remove it: top-level fields start at the left edge)`;
  if (code === 'DUPLICATE_KEY') return `a field appears twice: remove or rename the second one${on}`;
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR') return `line up the field${on} with the others (top-level fields start at the left edge, list items under their field)`;
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY')
    return `a value${on} runs over several lines or contains ": ": put it in double quotes on one line`;
  if (code === 'UNEXPECTED_TOKEN' || code === 'BAD_SCALAR_START')
    return `quote the value${on} in double quotes (values that start with @, \`, %, *, & or contain ": " or " #" must be quoted)`;
  return `fix the YAML${on}: each field is "name: value" on its own line; quote values with special characters`;
}

/** The line (1-based, in the front matter) of the first alias, for pointing at an alias bomb. */
function firstAliasLine(doc: Document, yamlText: string): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset === undefined ? undefined : yamlText.slice(0, offset).split('\n').length;
}

export function parseMarkdown(text: string): ParsedMarkdown {
  const source = text.replace(/^\uFEFF/, '');
  const m = FENCE.exec(source);
  if (!m) {
    const opened = OPENING.test(source);
    return {
      data: null,
      body: source,
      bodyLine: 1,
      errors: [
        opened
          ? {
              message: 'the front matter opened by "---" on line 1 is never closed',
              hint: 'add a line "---" after the last field, and put the article text below it',
              line: 1,
            }
          : {
              message: 'no YAML front matter: the file does not start with a line "---"',
              hint: 'make the first line of the file "---", then the fields (id, title, date, …), then a line "---", then the article text',
              line: 1,
            },
      ],
      fieldLines: {},
    };
  }
  // The yaml core schema keeps dates as strings, which is what we want. The front matter starts on file line 2.
  const doc = parseDocument(m[1], { prettyErrors: true });
  const errors: ParsedMarkdown['errors'] = doc.errors.map((e) => {
    const line = e.linePos ? e.linePos[0].line + 1 : undefined;
    return {
      // The yaml library's "at line N" counts from the front matter: say the file line instead (it is in `line`).
      message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
      hint: yamlHint(e.code, e.message, line),
      line,
      column: e.linePos ? e.linePos[0].col : undefined,
    };
  });
  let data: unknown = null;
  if (!errors.length) {
    try {
      data = doc.toJS({ maxAliasCount: LIMITS.yamlAliases });
    } catch (e) {
      const at = firstAliasLine(doc, m[1]);
      errors.push({
        message: `YAML aliases (*name) expand to more than ${LIMITS.yamlAliases} copies (${(e as Error).message.split("\n")[0]})`,
        hint: 'write the values out instead of repeating them with &anchor / *alias',
        line: at === undefined ? 2 : at + 1,
      });
    }
  }
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
    data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null,
    body: rawBody.trim(),
    bodyLine: bodyLine + skippedLines,
    errors:
      !errors.length && (!data || typeof data !== 'object' || Array.isArray(data))
        ? [{ message: 'front matter must be a mapping of field: value', hint: 'write one "name: value" field per line between the two "---" lines', line: 2 }]
        : errors,
    fieldLines,
  };
}
