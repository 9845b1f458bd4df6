/**
 * Sane limits on what the validator and the browser's runtime check accept,
 * so a huge or hostile input ends in a clear message instead of minutes of
 * work, gigabytes of memory or a page that never becomes ready. Each is far
 * above what a real atlas needs (the shipped data: a few hundred positions
 * per route, documents of a few thousand words) and is documented in
 * docs/authoring.md ("Limits").
 */
export const LIMITS = {
  /** Bytes of one feature file (data/features/*.geojson). */
  featureFileBytes: 10_000_000,
  /** Bytes of one document file (data/documents/*.md). */
  documentBytes: 1_000_000,
  /** Features in the whole atlas. */
  features: 20_000,
  /** Documents in the whole atlas. */
  documents: 2_000,
  /** Positions in one feature's geometry. */
  positionsPerFeature: 20_000,
  /** Positions in the whole atlas. */
  positions: 1_000_000,
  /** Nesting of [ and { in a JSON file (a MultiPolygon feature in a collection needs 8). */
  jsonDepth: 32,
  /** Copies that YAML aliases (*name) in front matter may expand to. */
  yamlAliases: 100,
  /** Bytes of the compiled atlas.json the browser accepts. */
  atlasBytes: 50_000_000,
} as const;

/** Count positions in GeoJSON coordinates without recursing deeper than a geometry can be. */
export function countPositions(coordinates: unknown, depth: number): number {
  if (!Array.isArray(coordinates)) return 0;
  if (depth === 0) return 1;
  let n = 0;
  for (const c of coordinates) n += countPositions(c, depth - 1);
  return n;
}

/** Nesting depth of positions for each geometry type. */
export const POSITION_DEPTH: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

/** "12,345" */
export const fmt = (n: number) => n.toLocaleString('en');
