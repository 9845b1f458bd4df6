/** Types of the compiled atlas: the single, validated, immutable data module the app imports. */
import type { Geometry } from 'geojson';

export const FEATURE_KINDS = [
  'port',
  'airport',
  'land-port',
  'rail-hub',
  'customs',
  'venue',
  'zone',
  'rail-corridor',
  'river-route',
  'river-sea-route',
  'sea-route',
  'land-sea-corridor',
  'cooperation-link',
] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

/** What a zone is: named in the panel and the figure legend instead of its mode. */
export const ZONE_TYPES = ['development-strategy', 'pilot-free-trade-zone', 'economic-circle', 'cooperation-zone'] as const;
export type ZoneType = (typeof ZONE_TYPES)[number];

export const MODES = ['rail', 'river', 'sea', 'air', 'road', 'multimodal', 'administrative'] as const;
export type Mode = (typeof MODES)[number];

/**
 * How sure a geometry is. `surveyed`: checked against a published source the
 * feature cites in `references` (within ~2 km). `approximate`: placed from
 * general knowledge or at city level (within ~10 km). `schematic`: a line that
 * joins known places but is not the real path.
 */
export const GEOMETRY_BASES = ['surveyed', 'approximate', 'schematic'] as const;
export type GeometryBasis = (typeof GEOMETRY_BASES)[number];

/**
 * How a citation supports its feature. `explicit`: the quote names what the
 * feature shows. `inferred`: it supports it by inference, explained in the
 * citation's `reasoning`.
 */
export const CITATION_SUPPORTS = ['explicit', 'inferred'] as const;
export type CitationSupport = (typeof CITATION_SUPPORTS)[number];

export type DatePrecision = 'year' | 'month' | 'day';

/** W3C Web Annotation TextQuoteSelector + TextPositionSelector, against the document body. */
export interface PassageSelector {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface Citation {
  document: string;
  /** The quote as authored in data/. */
  quote: string;
  selector: PassageSelector;
  /** The compiler always writes it; absent (hand-built atlases, tests) means `explicit`. */
  support?: CitationSupport;
  /** For `inferred` support: one sentence, naming its own source, shown to readers under the quote. */
  reasoning?: string;
}

/** A reader-facing named source for a feature's geometry. */
export interface GeometryReference {
  title: string;
  url?: string;
  note?: string;
  /** The position this source publishes for the place, [lon, lat]. */
  coordinate?: [number, number];
}

/** A published route length, with its source. */
export interface PublishedLength {
  km: number;
  title: string;
  url?: string;
  /** True when the figure is our arithmetic on published figures (the title says which), not a figure any source publishes. */
  derived?: boolean;
  /** The part of the line the figure describes, from one vertex to another; without them it describes the whole line. */
  from?: [number, number];
  to?: [number, number];
  /** Drawn length of that part in km, computed at build time (only with `from` and `to`). */
  part_km?: number;
}

/** A published area of a zone, with its source. */
export interface PublishedArea {
  km2: number;
  title: string;
  url?: string;
  /** The published area of each part, km², in the order of the MultiPolygon's polygons (a zone of several areas). */
  parts_km2?: number[];
}

export interface FeatureProperties {
  name: string;
  name_zh?: string;
  kind: FeatureKind;
  mode: Mode;
  /** For a zone: what it is. */
  zone_type?: ZoneType;
  description: string;
  /** Our Chinese translation of `description`. */
  description_zh?: string;
  geometry_basis: GeometryBasis;
  citations: Citation[];
  references: GeometryReference[];
  /** One mode per part of a MultiLineString route (e.g. river then sea). */
  legs?: Mode[];
  /** Geodesic length in km (turf), for line features. */
  length_km?: number;
  /** Length of each leg in km, in the order of `legs`. */
  leg_lengths_km?: number[];
  /** A published route length for a line feature, with its source. */
  published_length?: PublishedLength;
  /** Geodesic area in km² (turf), for zones (Polygon and MultiPolygon features). */
  area_km2?: number;
  /** A published area for a zone, with its source. */
  published_area?: PublishedArea;
}

export interface AtlasFeature {
  type: 'Feature';
  id: string;
  geometry: Geometry;
  properties: FeatureProperties;
}

export interface Paragraph {
  start: number;
  end: number;
}

export interface AtlasDocument {
  id: string;
  title: string;
  date: string;
  date_precision: DatePrecision;
  date_basis?: string;
  published?: string;
  publisher: string;
  parties: string[];
  url?: string;
  language: string;
  summary: string;
  body: string;
  paragraphs: Paragraph[];
}

export interface Atlas {
  documents: AtlasDocument[];
  features: AtlasFeature[];
}
