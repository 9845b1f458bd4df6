/**
 * The atlas's JSON style, as a careful person writes it (and as
 * scripts/derive-routes.ts writes it): two-space indentation, one key per line,
 * and each [lon, lat] position on one line.
 */

/** Serialise `value` in the atlas style; continuation lines start with `indent`. */
export function formatJson(value: unknown, indent = ''): string {
  const text = JSON.stringify(value, null, 2).replace(/\[\s+(-?[\d.e+-]+),\s+(-?[\d.e+-]+)\s+\]/g, '[$1, $2]');
  return indent ? text.replace(/\n/g, `\n${indent}`) : text;
}

/** A whole feature file: a FeatureCollection in the atlas style, ending with a newline. */
export function formatCollection(features: unknown[]): string {
  return formatJson({ type: 'FeatureCollection', features }) + '\n';
}

/**
 * A feature file's text in the atlas style, whatever layout it was written in
 * (a hand edit, json.dump(indent=2), another tool): the same JSON, keys in
 * the same order, only the whitespace changes. `npm run format:data` applies it.
 */
export function formatFeatureFile(text: string): string {
  return formatJson(JSON.parse(text.replace(/^\uFEFF/, ''))) + '\n';
}

/** The order keys are written in when a feature gains a key it did not have. */
export const FEATURE_KEY_ORDER = ['type', 'id', 'properties', 'geometry'];
export const PROPERTY_KEY_ORDER = [
  'name',
  'name_zh',
  'kind',
  'mode',
  'description',
  'description_zh',
  'geometry_basis',
  'citations',
  'references',
  'published_length',
  'legs',
];
export const CITATION_KEY_ORDER = ['document', 'quote', 'prefix', 'support', 'reasoning'];
export const REFERENCE_KEY_ORDER = ['title', 'url', 'note', 'coordinate'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * `updated`'s keys in the order `original` had them; keys `original` lacked
 * go where `canonical` puts them (after the nearest earlier canonical key that
 * is present), unknown ones at the end. Values come from `updated`; keys it
 * dropped are dropped.
 */
export function orderKeysLike(original: Json | undefined, updated: Json, canonical: string[]): Json {
  const keys = original ? Object.keys(original).filter((k) => k in updated) : [];
  for (const k of Object.keys(updated)) {
    if (keys.includes(k)) continue;
    const rank = canonical.indexOf(k);
    if (rank < 0) {
      keys.push(k);
      continue;
    }
    // After the last present key that comes before k canonically; else before the first that comes after it.
    let at = -1;
    for (let i = 0; i < keys.length; i++) {
      const r = canonical.indexOf(keys[i]);
      if (r >= 0 && r < rank) at = i;
    }
    if (at >= 0) keys.splice(at + 1, 0, k);
    else {
      const after = keys.findIndex((x) => canonical.indexOf(x) > rank);
      keys.splice(after < 0 ? keys.length : after, 0, k);
    }
  }
  return Object.fromEntries(keys.map((k) => [k, updated[k]]));
}

/** Order a list of objects' keys like the item at the same index of the original list (or like the first item). */
function orderList(original: unknown, updated: unknown, canonical: string[]): unknown {
  if (!Array.isArray(updated)) return updated;
  const before = Array.isArray(original) ? original : [];
  return updated.map((item, i) => (isObject(item) ? orderKeysLike(isObject(before[i]) ? before[i] : isObject(before[0]) ? before[0] : undefined, item, canonical) : item));
}

/** A feature with its keys in the order of the feature it replaces (canonical order for new keys and new features). */
export function orderFeatureLike(original: Json | undefined, updated: Json): Json {
  const top = orderKeysLike(original, updated, FEATURE_KEY_ORDER);
  if (isObject(top.properties)) {
    const op = isObject(original?.properties) ? original.properties : undefined;
    const props = orderKeysLike(op, top.properties, PROPERTY_KEY_ORDER);
    if ('citations' in props) props.citations = orderList(op?.citations, props.citations, CITATION_KEY_ORDER);
    if ('references' in props) props.references = orderList(op?.references, props.references, REFERENCE_KEY_ORDER);
    top.properties = props;
  }
  if (isObject(top.geometry)) top.geometry = orderKeysLike(isObject(original?.geometry) ? original.geometry : undefined, top.geometry, ['type', 'coordinates']);
  return top;
}
