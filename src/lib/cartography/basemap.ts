/** The basemap's strokes: rivers by rank and zoom, borders, lake shores. */

/** Natural Earth rivers of scalerank ≤ this are the main ones, drawn wider. */
export const MAJOR_RIVER_RANK = 2;

/** River width [zoom, major px, minor px] stops, linear between them. */
export const RIVER_WIDTH: readonly (readonly [number, number, number])[] = [
  [3, 1, 0.4],
  [8, 2.5, 1.2],
];

export function riverWidth(zoom: number, major: boolean): number {
  const [[z0, a0, b0], [z1, a1, b1]] = RIVER_WIDTH;
  const t = Math.max(0, Math.min(1, (zoom - z0) / (z1 - z0)));
  return +(major ? a0 + (a1 - a0) * t : b0 + (b1 - b0) * t).toFixed(2);
}

export const BORDER_WIDTH = 0.8;
export const LAKE_SHORE_WIDTH = 0.5;
