/**
 * Build-time place names for the basemap, from Natural Earth's populated
 * places: which zoom each name first appears at (the density rule), which
 * names win when they crowd (capitals and large cities first), and the name in
 * each language. Pure; the Chinese conversion is passed in.
 */
import type { FeatureCollection, Point } from 'geojson';

/** Natural Earth populated-place properties this module reads. */
export interface NaturalEarthPlace {
  name: string;
  name_en?: string | null;
  name_zh?: string | null;
  featurecla: string;
  labelrank: number;
  min_zoom: number;
  pop_max?: number | null;
}

/** What the map and the SVG renderers get per place. */
export interface PlaceProperties {
  name: string;
  /** Simplified Chinese, or '' when Natural Earth has none (the reader then sees `name`). */
  name_zh: string;
  /** First map zoom (MapLibre's, 512-pixel tiles) at which the name is shown. */
  z: number;
  /** Lower wins a collision and is placed first. */
  rank: number;
  /** 0 = national capital, 1 = provincial capital, 2 = other place: sets the text size. */
  tier: 0 | 1 | 2;
}

/** Natural Earth's min_zoom is for 256-pixel tiles; MapLibre's zoom with 512-pixel tiles shows the same scale one level lower. */
const TILE_OFFSET = 1;
/** National capitals are named from this zoom at the latest, provincial capitals from PROVINCE_CAPITAL_ZOOM. */
export const CAPITAL_ZOOM = 3;
export const PROVINCE_CAPITAL_ZOOM = 5;
/** Places Natural Earth ranks low (labelrank ≥ this) wait one more zoom: they are the county towns that crowd a view. */
export const MINOR_LABELRANK = 6;

export function placeTier(featurecla: string): 0 | 1 | 2 {
  if (/^Admin-0 capital/.test(featurecla)) return 0;
  if (/^Admin-1 (region )?capital|^Admin-0 region capital/.test(featurecla)) return 1;
  return 2;
}

/** The density rule: the first zoom at which a place is named. */
export function placeFirstZoom(p: Pick<NaturalEarthPlace, 'featurecla' | 'labelrank' | 'min_zoom'>): number {
  let z = p.min_zoom - TILE_OFFSET + (p.labelrank >= MINOR_LABELRANK ? 1 : 0);
  const tier = placeTier(p.featurecla);
  if (tier === 0) z = Math.min(z, CAPITAL_ZOOM);
  if (tier === 1) z = Math.min(z, PROVINCE_CAPITAL_ZOOM);
  return Math.max(1, Math.round(z * 10) / 10);
}

/** A city this large ranks with the national capitals. */
export const LARGE_CITY_POP = 5_000_000;

/**
 * Priority when names crowd: national capitals and large cities, then
 * provincial capitals, then other places; within each, Natural Earth's label
 * rank, then population (larger first). Lower wins.
 */
export function placeRank(p: Pick<NaturalEarthPlace, 'featurecla' | 'labelrank' | 'pop_max'>): number {
  const pop = Math.max(1, p.pop_max ?? 1);
  const group = pop >= LARGE_CITY_POP ? 0 : placeTier(p.featurecla);
  return group * 100 + p.labelrank * 10 + (10 - Math.min(10, Math.log10(pop)));
}

/** The places as the map draws them, most important first. */
export function basemapPlaces(fc: FeatureCollection<Point, NaturalEarthPlace>, toSimplified: (s: string) => string = (s) => s): FeatureCollection<Point, PlaceProperties> {
  const features = fc.features
    .filter((f) => f.geometry && (f.properties.name_en || f.properties.name))
    .map((f) => {
      const p = f.properties;
      return {
        type: 'Feature' as const,
        properties: {
          name: p.name_en || p.name,
          name_zh: p.name_zh ? toSimplified(p.name_zh) : '',
          z: placeFirstZoom(p),
          rank: Math.round(placeRank(p) * 100) / 100,
          tier: placeTier(p.featurecla),
        },
        geometry: { type: 'Point' as const, coordinates: f.geometry.coordinates.map((c) => Math.round(c * 1e4) / 1e4) },
      };
    })
    .sort((a, b) => a.properties.rank - b.properties.rank);
  return { type: 'FeatureCollection', features };
}

/**
 * Whether a place with first zoom `z` is named at map zoom `zoom`. MapLibre
 * evaluates the style's filter with the tile's whole zoom, so the SVG
 * renderers do the same: a `z` of 4.6 is named from zoom 5.
 */
export function placeShownAt(z: number, zoom: number): boolean {
  return z <= Math.floor(zoom + 1e-9);
}
