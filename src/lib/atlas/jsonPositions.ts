/** Where things are in a JSON text: line and column of offsets, syntax errors and values (jsonc-parser). */
import {
  findNodeAtLocation,
  parse as parseJsonc,
  parseTree,
  printParseErrorCode,
  visit,
  type JSONPath,
  type Node as JsonNode,
  type ParseError,
} from 'jsonc-parser';

/** Offsets where each line of the last text asked about starts (one text is asked about many times in a row). */
let lineIndex: { text: string; starts: number[] } | null = null;

function lineStarts(text: string): number[] {
  if (lineIndex?.text !== text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineIndex = { text, starts };
  }
  return lineIndex.starts;
}

/** 1-based line/column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const starts = lineStarts(text);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

const JSON_ERRORS: Record<string, string> = {
  CommaExpected: 'a comma is missing before this point',
  ColonExpected: 'a colon is missing after a property name',
  CloseBraceExpected: 'a closing } is missing',
  CloseBracketExpected: 'a closing ] is missing',
  PropertyNameExpected: 'a property name in double quotes is expected here (a trailing comma?)',
  ValueExpected: 'a value is expected here (a trailing comma, or an unquoted word?)',
  EndOfFileExpected: 'there is text after the end of the JSON',
  InvalidSymbol: 'unexpected character (JSON needs double quotes and no comments)',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  InvalidCommentToken: 'comments are not allowed in JSON',
};

/** JSON.parse says what is wrong but (on Node 20) not where: jsonc-parser gives the offset. */
export function jsonSyntaxError(text: string): { message: string; line: number; column: number } | null {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (!errors.length) return null;
  const e = errors[0];
  const code = printParseErrorCode(e.error);
  return { message: JSON_ERRORS[code] ?? code, ...lineColumn(text, e.offset) };
}

/** Positions of values in the JSON text, so every problem can name its line and column. */
export class JsonLocator {
  private readonly root: JsonNode | undefined;
  constructor(private readonly text: string) {
    this.root = parseTree(text);
  }
  node(path: JSONPath): JsonNode | undefined {
    return this.root ? findNodeAtLocation(this.root, path) : undefined;
  }
  /** Line/column of the deepest existing node along `path`. */
  at(path: JSONPath): { line?: number; column?: number } {
    for (let n = path.length; n >= 0; n--) {
      const node = this.node(path.slice(0, n));
      if (node) return lineColumn(this.text, node.offset);
    }
    return {};
  }
  /** [start, end) offsets of features[i]. */
  featureRanges(): [number, number][] {
    const arr = this.node(['features']);
    return arr?.type === 'array' ? (arr.children ?? []).map((c) => [c.offset, c.offset + c.length]) : [];
  }
}

/**
 * The deepest nesting of [ and { in a JSON text (strings skipped) and where it
 * is first exceeded past `limit`. Iterative, so a hostile depth cannot overflow
 * the stack the way a recursive parser would.
 */
export function nestingDepth(text: string, limit = Number.POSITIVE_INFINITY): { depth: number; overAt?: number } {
  let depth = 0;
  let max = 0;
  let overAt: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 || c === 123) {
      depth++;
      if (depth > max) max = depth;
      if (depth > limit && overAt === undefined) overAt = i;
    } else if (c === 93 || c === 125) depth--;
  }
  return { depth: max, overAt };
}

/** Keys that occur twice in one JSON object (JSON.parse keeps the last silently), with where the second one is. */
export function duplicateKeys(text: string): { key: string; line: number; column: number }[] {
  const out: { key: string; line: number; column: number }[] = [];
  const stack: Set<string>[] = [];
  visit(text, {
    onObjectBegin: () => void stack.push(new Set()),
    onObjectEnd: () => void stack.pop(),
    onObjectProperty: (key, offset) => {
      const keys = stack[stack.length - 1];
      if (!keys) return;
      if (keys.has(key)) out.push({ key, ...lineColumn(text, offset) });
      else keys.add(key);
    },
  });
  return out;
}
