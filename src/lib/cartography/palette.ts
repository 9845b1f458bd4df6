/**
 * The atlas's colours: one per transport mode, the basemap's, and the
 * highlight of a selected feature. Every renderer (MapLibre's style, the SVG
 * map, the figure, the legends) reads them from here.
 */
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

/** The colour of a mode the palette does not know (a hand-written file): a neutral slate. */
export const UNKNOWN_MODE_COLOR = '#334155';

/** A mode's colour; an unknown mode gets UNKNOWN_MODE_COLOR. */
export const modeColor = (mode: string): string => MODE_COLORS[mode as Mode] ?? UNKNOWN_MODE_COLOR;

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
} as const;

/** The selected (and hovered) feature's highlight: a yellow glow with a brown rim. */
export const HIGHLIGHT = { fill: '#facc15', stroke: '#854d0e', opacity: 0.55, lineOpacity: 0.9 } as const;

/** Ink for what is not one mode: certainty swatches in legends, leader lines. */
export const NEUTRAL_INK = { swatch: '#374151', leader: '#6b7280' } as const;
