/**
 * The editor's draft (dev server only): the geometry being written, drawn over
 * the atlas in a colour no mode uses, dashed, with each placed vertex marked.
 * Both renderers draw it from here.
 */
export const DRAFT_STYLE = {
  color: '#db2777',
  lineWidth: 3,
  /** In line widths (MapLibre's unit); the SVG map multiplies by lineWidth. */
  dash: [2, 1],
  pointRadius: 7,
  pointStroke: '#ffffff',
  pointStrokeWidth: 2,
} as const;
