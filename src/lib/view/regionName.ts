/**
 * What a view shows, in a reader's words: "around Wuhan" when zoomed in on a
 * region, the largest countries in it when zoomed out. From the basemap's
 * own places and country labels, in the reader's language. Pure.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { PlaceProperties } from '../map/basemapPlaces.ts';
import { projector, type FrameView } from './webMercator.ts';

export type Region = { kind: 'around'; place: string } | { kind: 'countries'; names: string[]; more: number } | null;

/** From this zoom a view is named after its nearest large city, below it after its countries. */
export const REGION_CITY_ZOOM = 5;

export function regionOf(view: FrameView, layers: { places?: FeatureCollection; 'country-labels'?: FeatureCollection }, lang: 'en' | 'zh', maxCountries = 3): Region {
  const project = projector(view);
  const inside = (c: number[]) => {
    const [x, y] = project(c[0], c[1]);
    return x >= 0 && y >= 0 && x <= view.width && y <= view.height;
  };
  const name = (p: { name: string; name_zh?: string }) => (lang === 'zh' && p.name_zh ? p.name_zh : p.name);
  if (view.zoom >= REGION_CITY_ZOOM) {
    const places = ((layers.places?.features ?? []) as FeatureCollection<Point, PlaceProperties>['features']).filter((f) => f.properties.tier < 2 && inside(f.geometry.coordinates));
    const [cx, cy] = [view.width / 2, view.height / 2];
    const nearest = places
      .map((f) => {
        const [x, y] = project(f.geometry.coordinates[0], f.geometry.coordinates[1]);
        return { f, d: Math.hypot(x - cx, y - cy) };
      })
      .sort((a, b) => a.d - b.d)[0];
    if (nearest) return { kind: 'around', place: name(nearest.f.properties) };
  }
  const countries = ((layers['country-labels']?.features ?? []) as FeatureCollection<Point, { name: string; name_zh?: string; area_km2: number }>['features'])
    .filter((f) => inside(f.geometry.coordinates))
    .sort((a, b) => b.properties.area_km2 - a.properties.area_km2);
  if (!countries.length) return null;
  return { kind: 'countries', names: countries.slice(0, maxCountries).map((c) => name(c.properties)), more: Math.max(0, countries.length - maxCountries) };
}
