/**
 * Vitest 5 targets Node 22 and its reporter calls Map.groupBy, which Node 20
 * lacks: without this, a failing test crashes the reporter instead of being
 * reported. Loaded from vite.config.ts (the process the reporter runs in).
 */
const MapCtor = Map as unknown as { groupBy?: unknown };
if (typeof MapCtor.groupBy !== 'function') {
  MapCtor.groupBy = function groupBy<K, T>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
    const out = new Map<K, T[]>();
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      const list = out.get(k);
      if (list) list.push(item);
      else out.set(k, [item]);
    }
    return out;
  };
}
const ObjectCtor = Object as unknown as { groupBy?: unknown };
if (typeof ObjectCtor.groupBy !== 'function') {
  ObjectCtor.groupBy = function groupBy<T>(items: Iterable<T>, key: (item: T, index: number) => PropertyKey) {
    const out: Record<PropertyKey, T[]> = Object.create(null);
    let i = 0;
    for (const item of items) (out[key(item, i++)] ??= []).push(item);
    return out;
  };
}
export {};
