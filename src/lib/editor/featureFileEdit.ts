/**
 * Edit one feature of a feature file without touching the bytes of any other:
 * the feature's own range is replaced (or removed, or a new feature appended),
 * written in the atlas style at the indentation the file already uses.
 */
import { parseTree, findNodeAtLocation, type Node } from 'jsonc-parser';
import { formatCollection, formatJson, orderFeatureLike } from './jsonFormat.ts';

export type RawFeature = Record<string, unknown> & { id: string };

export class FeatureFileError extends Error {}

interface Located {
  array: Node;
  items: Node[];
}

function locate(text: string): Located {
  const tree = parseTree(text);
  const array = tree && findNodeAtLocation(tree, ['features']);
  if (!array || array.type !== 'array') throw new FeatureFileError('the file is not a FeatureCollection with a "features" list');
  return { array, items: array.children ?? [] };
}

function idOf(text: string, node: Node): unknown {
  const idNode = findNodeAtLocation(node, ['id']);
  return idNode?.value;
}

/** Start of the line holding `offset`, and that line's leading whitespace. */
function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** The features of a file as parsed JSON, in order. */
export function readFeatures(text: string): RawFeature[] {
  const fc = JSON.parse(text.replace(/^\uFEFF/, '')) as { features?: unknown };
  if (!Array.isArray(fc.features)) throw new FeatureFileError('the file is not a FeatureCollection with a "features" list');
  return fc.features as RawFeature[];
}

/**
 * Put `feature` into the file: replace the feature whose id is `replaces`
 * (default: the feature's own id) in place, keeping its key order, or append
 * it. `text === null` creates a new file holding just this feature.
 */
export function putFeature(text: string | null, feature: RawFeature, replaces: string = feature.id): string {
  if (text === null) return formatCollection([orderFeatureLike(undefined, feature)]);
  const { array, items } = locate(text);
  const index = items.findIndex((n) => idOf(text, n) === replaces);
  if (index >= 0) {
    const node = items[index];
    const original = readFeatures(text)[index] as Record<string, unknown>;
    const indent = lineIndent(text, node.offset);
    const out = formatJson(orderFeatureLike(original, feature), indent);
    return text.slice(0, node.offset) + out + text.slice(node.offset + node.length);
  }
  const ordered = orderFeatureLike(undefined, feature);
  if (items.length === 0) {
    const indent = lineIndent(text, array.offset);
    const inner = indent + '  ';
    const out = `[\n${inner}${formatJson(ordered, inner)}\n${indent}]`;
    return text.slice(0, array.offset) + out + text.slice(array.offset + array.length);
  }
  const last = items[items.length - 1];
  const indent = lineIndent(text, items[0].offset);
  const end = last.offset + last.length;
  return `${text.slice(0, end)},\n${indent}${formatJson(ordered, indent)}${text.slice(end)}`;
}

/** Remove the feature with this id; the rest of the file keeps its bytes. */
export function deleteFeature(text: string, id: string): string {
  const { items } = locate(text);
  const index = items.findIndex((n) => idOf(text, n) === id);
  if (index < 0) throw new FeatureFileError(`no feature "${id}" in this file`);
  const node = items[index];
  if (items.length === 1) {
    // An empty list where the features were.
    const array = node.parent!;
    return text.slice(0, array.offset) + '[]' + text.slice(array.offset + array.length);
  }
  // Cut from the end of the previous feature (its comma goes with us) — or, for the first, up to the next one.
  if (index > 0) {
    const prev = items[index - 1];
    return text.slice(0, prev.offset + prev.length) + text.slice(node.offset + node.length);
  }
  const next = items[1];
  return text.slice(0, node.offset) + text.slice(next.offset);
}
