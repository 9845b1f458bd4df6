/**
 * Put one route recipe into data/derive/geometry.yaml's text, or take one
 * out, touching nothing else: the recipe's own lines are replaced, inserted
 * at the end of `features:`, or removed, so comments, places, flow style and
 * every other recipe keep their bytes. Pure.
 */
import { Document, isMap, isScalar, parseDocument, visit, type Pair } from 'yaml';
import { parseGeometrySpec, type Recipe } from './deriveRoutes.ts';

export class RecipeFileError extends Error {}

/** The recipe as the file writes it: block mappings, waypoint lists and positions inline ("- river: [a, b]"). */
function recipeBlock(id: string, recipe: Recipe, indent: string): string {
  const doc = new Document({ [id]: recipe });
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((i) => isScalar(i) || (!isMap(i) && (i as { flow?: boolean }).flow))) node.flow = true;
    },
  });
  const text = doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, flowCollectionPadding: false });
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => indent + l + '\n')
    .join('');
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
function lineEnd(text: string, at: number): number {
  if (at > 0 && text[at - 1] === '\n') return at;
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

/** The text with recipe `id` set to `recipe` (null: removed). Throws RecipeFileError when the file cannot be edited safely. */
export function putRecipe(text: string, id: string, recipe: Recipe | null): string {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new RecipeFileError(`data/derive/geometry.yaml is not readable YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const features = doc.get('features', true);
  let out: string;
  if (!isMap(features)) {
    if (features !== undefined && features !== null && !(isScalar(features) && features.value === null))
      throw new RecipeFileError('data/derive/geometry.yaml: `features` is not a mapping');
    if (recipe === null) return text;
    if (features !== undefined) throw new RecipeFileError('data/derive/geometry.yaml: `features` is empty; write its first recipe by hand');
    out = `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}features:\n${recipeBlock(id, recipe, '  ')}`;
  } else {
    const pairs = features.items as Pair[];
    const keyStart = (p: Pair) => (p.key as { range?: [number, number, number] }).range![0];
    const indent = pairs.length ? ' '.repeat(keyStart(pairs[0]) - lineStart(text, keyStart(pairs[0]))) : '  ';
    const own = pairs.find((p) => isScalar(p.key) && String(p.key.value) === id);
    const block = recipe === null ? '' : recipeBlock(id, recipe, indent);
    if (own) {
      const start = lineStart(text, keyStart(own));
      const valueEnd = (own.value as { range?: [number, number, number] } | null)?.range?.[1] ?? (own.key as { range: [number, number, number] }).range[1];
      out = text.slice(0, start) + block + text.slice(lineEnd(text, valueEnd));
    } else {
      if (recipe === null) return text;
      const end = lineEnd(text, features.range![1]);
      const before = text.slice(0, end);
      out = before + (before.endsWith('\n') || before === '' ? '' : '\n') + block + text.slice(end);
    }
  }
  // The edit must mean exactly what was asked: the recipe set (or gone) and every other recipe as it was.
  const was = parseGeometrySpec(parseDocument(text).toJS()).spec.recipes;
  const now = parseGeometrySpec(parseDocument(out).toJS()).spec.recipes;
  const expected = new Map(was);
  if (recipe === null) expected.delete(id);
  else expected.set(id, recipe);
  const same = (a: Map<string, Recipe>, b: Map<string, Recipe>) => a.size === b.size && [...a].every(([k, v]) => JSON.stringify(b.get(k)) === JSON.stringify(v));
  if (!same(now, expected)) throw new RecipeFileError(`data/derive/geometry.yaml: could not ${recipe ? 'write' : 'remove'} the recipe of "${id}" without changing others; edit the file by hand`);
  return out;
}
