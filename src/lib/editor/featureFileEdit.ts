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

const keysOf = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : null);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * When the feature keeps its keys (top level and properties, same order),
 * rewrite only the values that changed, each where it stands: a changed
 * description is a one-line diff even in a file written in another style.
 * Null when keys were added, removed or reordered (the caller rewrites the feature).
 */
function patchValues(text: string, node: Node, original: Record<string, unknown>, updated: Record<string, unknown>): string | null {
  const top = keysOf(original);
  if (!top || !same(top, keysOf(updated))) return null;
  const paths: (string | number)[][] = [];
  for (const k of top) {
    if (k === 'properties' && keysOf(original.properties) && same(keysOf(original.properties), keysOf(updated.properties))) {
      for (const pk of keysOf(original.properties)!)
        if (!same((original.properties as Record<string, unknown>)[pk], (updated.properties as Record<string, unknown>)[pk])) paths.push(['properties', pk]);
    } else if (!same(original[k], updated[k])) paths.push([k]);
  }
  const edits = paths
    .map((path) => {
      const valueNode = findNodeAtLocation(node, path);
      const value = path.reduce<unknown>((v, key) => (v as Record<string, unknown>)[key], updated);
      return valueNode ? { offset: valueNode.offset, length: valueNode.length, text: formatJson(value, lineIndent(text, valueNode.offset)) } : null;
    })
    .sort((a, b) => (b?.offset ?? 0) - (a?.offset ?? 0));
  if (edits.some((e) => e === null)) return null;
  let out = text;
  for (const e of edits) out = out.slice(0, e!.offset) + e!.text + out.slice(e!.offset + e!.length);
  return out;
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
    const ordered = orderFeatureLike(original, feature);
    const patched = patchValues(text, node, original, ordered);
    if (patched !== null) return patched;
    const indent = lineIndent(text, node.offset);
    const out = formatJson(ordered, indent);
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
