/** Colours and symbols of the cartography: one colour per transport mode, one symbol per point kind. */
import type { Mode } from '../atlas/types.ts';

export const MODE_COLORS: Record<Mode, string> = {
  rail: '#c2410c',
  river: '#0284c7',
  sea: '#1e3a8a',
  air: '#7c3aed',
  road: '#4d7c0f',
  multimodal: '#b91c1c',
  administrative: '#a21caf',
};

/** Point kinds that get their own map symbol (image name = `icon-<kind>`). */
export const POINT_KINDS = ['port', 'airport', 'land-port', 'rail-hub', 'customs', 'venue'] as const;
export type PointKind = (typeof POINT_KINDS)[number];

export const BASEMAP_COLORS = {
  water: '#dbe7ef',
  land: '#f4f1ea',
  border: '#b9b2a3',
  river: '#9cc3dd',
  countryLabel: '#8a8272',
  placeLabel: '#4b5563',
  capitalLabel: '#1f2937',
  placeDot: '#6b7280',
  riverLabel: '#3b76a0',
  label: '#1f2937',
  halo: '#ffffff',
};

/** Zones (Polygon and MultiPolygon features): a light fill in the mode's colour and a thin solid outline, under every line and symbol (map, SVG fallback, legend, figures). */
export const ZONE_STYLE = { fillOpacity: 0.08, hoverFillOpacity: 0.16, selectedFillOpacity: 0.22, outlineWidth: 1, selectedOutlineWidth: 2 } as const;

/** The ring drawn round an approximate point (map, SVG fallback, legend, figures). */
export const APPROXIMATE_RING = { fill: '#ffffff', stroke: '#57534e' } as const;
