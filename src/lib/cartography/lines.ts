/**
 * Line styles: widths at rest, hovered and selected; the dash of a schematic
 * line (in multiples of its width, as MapLibre's line-dasharray counts); the
 * glow under a hovered or selected line.
 */
export interface LineWidths {
  base: number;
  hovered: number;
  selected: number;
}

export const SURVEYED_LINE: LineWidths = { base: 2.5, hovered: 4, selected: 5 };
export const SCHEMATIC_LINE: LineWidths = { base: 2, hovered: 3.5, selected: 4.5 };

/** Dash and gap of a schematic line, in line widths. */
export const SCHEMATIC_DASH = [2.5, 1.8] as const;

/** The glow under a line: its width when hovered or selected (none at rest). */
export const LINE_GLOW = { hovered: 8, selected: 13, restColor: '#ffffff', blur: 1 } as const;

/** Width of the invisible stroke that takes clicks on an SVG line. */
export const LINE_HIT_WIDTH = 12;

export const lineWidths = (schematic: boolean): LineWidths => (schematic ? SCHEMATIC_LINE : SURVEYED_LINE);

export function lineWidth(schematic: boolean, state: 'base' | 'hovered' | 'selected' = 'base'): number {
  return lineWidths(schematic)[state];
}

/** An SVG stroke-dasharray for a schematic line of `width` px (undefined for a solid line). */
export function svgDash(schematic: boolean, width: number): string | undefined {
  return schematic ? SCHEMATIC_DASH.map((k) => +(k * width).toFixed(1)).join(' ') : undefined;
}
