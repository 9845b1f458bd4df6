/**
 * Put derived geometry into a feature file's text, touching nothing else: the
 * `geometry` (and `legs`) of the features that have a recipe are replaced in
 * place with jsonc-parser edits, so every other byte of the file stays as it
 * was. Also decides which replacements would overwrite a hand edit. Pure.
 */
import { applyEdits, modify, parseTree, findNodeAtLocation, getNodeValue, type Node as JsonNode } from 'jsonc-parser';
import { canonicalDerived, hashText, type DerivedGeometry } from './deriveRoutes.ts';

const FORMAT = { formattingOptions: { tabSize: 2, insertSpaces: true, eol: '\n' } } as const;
/** Keep each [lon, lat] pair on one line, as the feature files are written. */
const collapsePairs = (s: string) => s.replace(/\[\s+(-?[\d.e+-]+),\s+(-?[\d.e+-]+)\s+\]/g, '[$1, $2]');

/** What a feature file holds now for one feature id: its index and its current geometry and legs. */
export interface CurrentFeature {
  index: number;
  geometry: unknown;
  legs: unknown;
}

/** Features with string ids in a feature file's text, by id (first occurrence). */
export function featuresInText(text: string): Map<string, CurrentFeature> {
  const out = new Map<string, CurrentFeature>();
  const root = parseTree(text);
  const list = root ? findNodeAtLocation(root, ['features']) : undefined;
  if (list?.type !== 'array') return out;
  (list.children ?? []).forEach((node: JsonNode, index) => {
    const id = findNodeAtLocation(node, ['id']);
    if (id?.type !== 'string' || out.has(id.value)) return;
    const geometry = findNodeAtLocation(node, ['geometry']);
    const legs = findNodeAtLocation(node, ['properties', 'legs']);
    out.set(id.value, { index, geometry: geometry ? getNodeValue(geometry) : undefined, legs: legs ? getNodeValue(legs) : undefined });
  });
  return out;
}

/** The file text with each derived feature's geometry and legs replaced; other bytes unchanged. */
export function applyDerived(text: string, derived: ReadonlyMap<string, DerivedGeometry>): string {
  let out = text;
  for (const [id, current] of featuresInText(text)) {
    const d = derived.get(id);
    if (!d || sameDerived(current, d)) continue;
    const edits = modify(out, ['features', current.index, 'geometry'], d.geometry, FORMAT).map((e) => ({ ...e, content: collapsePairs(e.content) }));
    out = applyEdits(out, edits);
    if (JSON.stringify(current.legs ?? null) !== JSON.stringify(d.legs ?? null))
      out = applyEdits(out, modify(out, ['features', current.index, 'properties', 'legs'], d.legs, FORMAT));
  }
  return out;
}

export function sameDerived(current: { geometry: unknown; legs?: unknown }, d: DerivedGeometry): boolean {
  return canonicalDerived(current) === canonicalDerived(d);
}

/** The record of what each recipe last produced: feature id → hash of its geometry and legs (data/derive/produced.json). */
export type ProducedRecord = Map<string, string>;

export function producedHash(d: { geometry: unknown; legs?: unknown }): string {
  return hashText(canonicalDerived(d));
}

export interface OverwriteConflict {
  id: string;
  message: string;
}

/**
 * Derived geometry that would replace something derive-routes did not write:
 * a geometry edited by hand since the recipe last produced it, or one drawn
 * before the feature had a recipe. A missing geometry (null) is never a conflict.
 */
export function overwriteConflicts(
  current: ReadonlyMap<string, { geometry: unknown; legs?: unknown }>,
  derived: ReadonlyMap<string, DerivedGeometry>,
  record: ProducedRecord,
): OverwriteConflict[] {
  const conflicts: OverwriteConflict[] = [];
  for (const [id, d] of derived) {
    const cur = current.get(id);
    if (!cur || cur.geometry === null || cur.geometry === undefined || sameDerived(cur, d)) continue;
    const last = record.get(id);
    if (last === producedHash(cur)) continue; // the file holds what the recipe last produced: the recipe changed
    conflicts.push({
      id,
      message: last
        ? `"${id}": its geometry was changed by hand since derive-routes last wrote it; re-deriving would lose that edit`
        : `"${id}": its geometry was not written by derive-routes (drawn by hand before it had a recipe?); re-deriving would replace it`,
    });
  }
  return conflicts;
}
