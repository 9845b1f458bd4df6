/** Group features by kind for the list view, in a stable reading order. Pure. */
import { FEATURE_KINDS, type AtlasFeature, type FeatureKind } from './types.ts';

export interface KindGroup {
  kind: FeatureKind;
  features: AtlasFeature[];
}

export function groupByKind(features: readonly AtlasFeature[], nameOf: (f: AtlasFeature) => string): KindGroup[] {
  const groups = new Map<FeatureKind, AtlasFeature[]>();
  for (const f of features) {
    const list = groups.get(f.properties.kind) ?? [];
    list.push(f);
    groups.set(f.properties.kind, list);
  }
  return FEATURE_KINDS.filter((k) => groups.has(k)).map((kind) => ({
    kind,
    features: groups.get(kind)!.sort((a, b) => nameOf(a).localeCompare(nameOf(b))),
  }));
}
