/** The figure legend: only what the figure shows. Pure. */
import { featureModes } from '../atlas/filters.ts';
import type { AtlasFeature, FeatureKind, Mode } from '../atlas/types.ts';
import { MODE_COLORS } from '../cartography/palette.ts';
import { POINT_KINDS, type PointKind } from '../cartography/symbols.ts';

export type LegendItem =
  | { kind: 'line'; mode: Mode; color: string; label: string }
  | { kind: 'schematic'; label: string }
  | { kind: 'surveyed'; label: string }
  | { kind: 'approximate'; label: string }
  | { kind: 'symbol'; pointKind: PointKind; label: string }
  | { kind: 'zone'; color: string; label: string }
  /** A point whose name found no room on the map: its key letter there, its name here. */
  | { kind: 'key'; key: string; label: string };

export interface LegendNames {
  modes: Record<Mode, string>;
  kinds: Record<FeatureKind, string>;
  /** Certainty in plain words, one per geometry basis. */
  schematic: string;
  surveyed: string;
  approximate: string;
}

export function legendItems(features: readonly AtlasFeature[], names: LegendNames): LegendItem[] {
  const lines = features.filter((f) => f.geometry.type.includes('LineString'));
  const modes = [...new Set(lines.flatMap(featureModes))].sort();
  const items: LegendItem[] = modes.map((mode) => ({ kind: 'line', mode, color: MODE_COLORS[mode], label: names.modes[mode] }));
  for (const k of POINT_KINDS) {
    if (features.some((f) => f.geometry.type === 'Point' && f.properties.kind === k)) items.push({ kind: 'symbol', pointKind: k, label: names.kinds[k] });
  }
  // A zone is not carried by a mode: "Zone", with its colour's mode only to tell apart zones drawn in different colours.
  const zones = features.filter((f) => f.geometry.type.includes('Polygon'));
  const zoneModes = [...new Set(zones.map((f) => f.properties.mode))];
  for (const mode of zoneModes)
    items.push({ kind: 'zone', color: MODE_COLORS[mode], label: zoneModes.length > 1 ? `${names.kinds.zone} (${names.modes[mode]})` : names.kinds.zone });
  // How sure the drawn features are, in plain words: one row per basis shown.
  const bases = new Set(features.map((f) => f.properties.geometry_basis));
  for (const basis of ['surveyed', 'approximate', 'schematic'] as const) if (bases.has(basis)) items.push({ kind: basis, label: names[basis] });
  return items;
}
