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

export const MODES = ['rail', 'river', 'sea', 'air', 'road', 'multimodal', 'administrative'] as const;
export type Mode = (typeof MODES)[number];

export const GEOMETRY_BASES = ['surveyed', 'schematic'] as const;
export type GeometryBasis = (typeof GEOMETRY_BASES)[number];

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
}

export interface GeometryReference {
  title: string;
  url?: string;
  note?: string;
}

export interface FeatureProperties {
  name: string;
  name_zh?: string;
  kind: FeatureKind;
  mode: Mode;
  description: string;
  geometry_basis: GeometryBasis;
  citations: Citation[];
  references: GeometryReference[];
  /** One mode per part of a MultiLineString route (e.g. river then sea). */
  legs?: Mode[];
  /** Geodesic length in km (turf), for line features. */
  length_km?: number;
  /** Length of each leg in km, in the order of `legs`. */
  leg_lengths_km?: number[];
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
