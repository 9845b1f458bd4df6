/**
 * The cartography as CSS custom properties, for the SVG map's stylesheet:
 * its rules say `var(--water)`, never a colour or width of their own.
 */
import { BORDER_WIDTH, LAKE_SHORE_WIDTH } from './basemap.ts';
import { FONT_FAMILY, LABEL_HALO, LINE_LABEL, NAME_HALO, POINT_LABEL } from './labels.ts';
import { LINE_HIT_WIDTH, SCHEMATIC_DASH, SCHEMATIC_LINE, SURVEYED_LINE } from './lines.ts';
import { BASEMAP_COLORS, HIGHLIGHT } from './palette.ts';
import { APPROXIMATE_RING } from './symbols.ts';
import { ZONE_STYLE } from './zones.ts';

export const CARTOGRAPHY_VARS: Record<string, string | number> = {
  '--font': FONT_FAMILY,
  '--water': BASEMAP_COLORS.water,
  '--land': BASEMAP_COLORS.land,
  '--river': BASEMAP_COLORS.river,
  '--border': BASEMAP_COLORS.border,
  '--border-width': BORDER_WIDTH,
  '--lake-shore-width': LAKE_SHORE_WIDTH,
  '--place-label': BASEMAP_COLORS.placeLabel,
  '--capital-label': BASEMAP_COLORS.capitalLabel,
  '--place-dot': BASEMAP_COLORS.placeDot,
  '--river-label': BASEMAP_COLORS.riverLabel,
  '--country-label': BASEMAP_COLORS.countryLabel,
  '--label': BASEMAP_COLORS.label,
  '--halo': BASEMAP_COLORS.halo,
  '--label-halo': `${2 * LABEL_HALO}px`,
  '--name-halo': `${2 * NAME_HALO}px`,
  '--point-label-size': `${POINT_LABEL.size}px`,
  '--line-label-size': `${LINE_LABEL.size}px`,
  '--line-width': SURVEYED_LINE.base,
  '--line-width-hovered': SURVEYED_LINE.hovered,
  '--line-width-selected': SURVEYED_LINE.selected,
  '--schematic-width': SCHEMATIC_LINE.base,
  '--schematic-width-hovered': SCHEMATIC_LINE.hovered,
  '--schematic-width-selected': SCHEMATIC_LINE.selected,
  '--schematic-dash': SCHEMATIC_DASH.map((k) => +(k * SCHEMATIC_LINE.base).toFixed(1)).join(' '),
  '--hit-width': LINE_HIT_WIDTH,
  '--zone-outline-opacity': ZONE_STYLE.outlineOpacity,
  '--ring-fill': APPROXIMATE_RING.fill,
  '--ring-fill-opacity': APPROXIMATE_RING.fillOpacity,
  '--ring-stroke': APPROXIMATE_RING.stroke,
  '--ring-stroke-width': APPROXIMATE_RING.strokeWidth,
  '--highlight': HIGHLIGHT.fill,
  '--highlight-stroke': HIGHLIGHT.stroke,
  '--highlight-opacity': HIGHLIGHT.opacity,
};

/** The variables as one `style` attribute value. */
export const cartographyStyle = (): string =>
  Object.entries(CARTOGRAPHY_VARS)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
