/**
 * Labels: the font, sizes, weights and halos of the atlas's own labels and of
 * the basemap's names, and when each is shown. MapLibre's style builds its
 * expressions from these values; the SVG map and the figure use the functions.
 */

/** Font stack MapLibre renders labels with (local fonts: the style has no `glyphs`). */
export const FONT_STACK = ['Noto Sans', 'Noto Sans CJK SC', 'sans-serif'];
/** The same fonts as a CSS font-family, for the SVG map and the figure (DejaVu Sans is the PDF's embedded font). */
export const FONT_FAMILY = "'Noto Sans', 'Noto Sans CJK SC', 'DejaVu Sans', sans-serif";

export interface LabelStyle {
  size: number;
  weight: 400 | 600 | 700;
}

/** A point's name beside its symbol; the selected one in bold. */
export const POINT_LABEL: LabelStyle = { size: 12, weight: 400 };
/** A line's name, in the line's colour. */
export const LINE_LABEL: LabelStyle = { size: 11, weight: 600 };
export const SELECTED_LABEL_WEIGHT = 700;

/** Halo round every label, in CSS pixels on each side (an SVG stroke is twice this). */
export const LABEL_HALO = 1.5;
export const NAME_HALO = 1.2;

/** Distance from a point's centre to the near edge of its label. */
export const POINT_LABEL_GAP = 14;

/**
 * Above this many point features, point labels keep one anchor (right of the
 * symbol) and start at MANY_POINTS_LABEL_ZOOM: below it thousands of labels
 * collide into a few readable ones while every one must still be placed.
 */
export const VARIABLE_ANCHOR_LIMIT = 1000;
export const MANY_POINTS_LABEL_ZOOM = 6;

/** Whether points are labelled at `zoom` in an atlas of `pointCount` points (every renderer). */
export const pointLabelsShownAt = (zoom: number, pointCount: number): boolean => pointCount <= VARIABLE_ANCHOR_LIMIT || zoom >= MANY_POINTS_LABEL_ZOOM;

/** Lines are named from this zoom (below it the lines are short and the names would cover them). */
export const LINE_LABEL_MIN_ZOOM = 5;

/** Stops [zoom, px] between which a size grows linearly. */
export type SizeStops = readonly (readonly [number, number])[];

export const COUNTRY_LABEL_SIZE: SizeStops = [
  [2, 10],
  [6, 13],
];
export const RIVER_LABEL_SIZE: SizeStops = [
  [5, 11],
  [10, 13],
];
export const RIVER_LABEL_MIN_ZOOM = 5;
export const COUNTRY_LETTER_SPACING = 0.12;
export const RIVER_LETTER_SPACING = 0.08;

/** Place names by tier: 0 national capital, 1 provincial capital, 2 other. */
export const placeTextSize = (tier: number): number => (tier === 0 ? 13 : tier === 1 ? 12 : 11);
/** The place dot's radius by tier. */
export const placeDotRadius = (tier: number): number => (tier === 2 ? 2.2 : 3);

/** A size at `zoom`, interpolated between its stops and held beyond them. */
export function sizeAt(stops: SizeStops, zoom: number): number {
  if (zoom <= stops[0][0]) return stops[0][1];
  for (let i = 1; i < stops.length; i++) {
    const [z0, s0] = stops[i - 1];
    const [z1, s1] = stops[i];
    if (zoom <= z1) return +(s0 + ((s1 - s0) * (zoom - z0)) / (z1 - z0)).toFixed(2);
  }
  return stops.at(-1)![1];
}

/** Minimum area (km²) of a country named at a zoom: big countries first. */
export const COUNTRY_MIN_AREA: readonly (readonly [number, number])[] = [
  [0, 1_000_000],
  [3, 250_000],
  [4, 60_000],
  [5, 15_000],
  [6, 2_000],
];
export function countryLabelMinArea(zoom: number): number {
  let area = COUNTRY_MIN_AREA[0][1];
  for (const [z, a] of COUNTRY_MIN_AREA) if (zoom >= z) area = a;
  return area;
}

/** The scale bar on figures: a white plate, dark ink. */
export const SCALE_BAR = { plate: '#ffffff', plateOpacity: 0.85, ink: '#111827', fontSize: 10.5, lineWidth: 1.5 } as const;
