/**
 * Zones (Polygon and MultiPolygon features): a light fill in the mode's
 * colour and a thin solid outline, under every line and symbol. A zone that
 * covers most of the view is drawn as its outline alone (a faint fill when
 * hovered or selected): tinting the whole view would say nothing and dull
 * everything inside it.
 */
import type { Geometry } from 'geojson';

export const ZONE_STYLE = { fillOpacity: 0.08, hoverFillOpacity: 0.16, selectedFillOpacity: 0.22, outlineWidth: 1, selectedOutlineWidth: 2, outlineOpacity: 0.8 } as const;

/** Fill opacities of a zone that covers most of the view. */
export const WIDE_ZONE_STYLE = { fillOpacity: 0, hoverFillOpacity: 0.04, selectedFillOpacity: 0.07 } as const;

/** Above this share of the view covered, a zone is "wide". */
export const WIDE_ZONE_SHARE = 0.6;

export type ZoneState = 'base' | 'hovered' | 'selected';

export function zoneFillOpacity(wide: boolean, state: ZoneState): number {
  const s = wide ? WIDE_ZONE_STYLE : ZONE_STYLE;
  return state === 'selected' ? s.selectedFillOpacity : state === 'hovered' ? s.hoverFillOpacity : s.fillOpacity;
}

export const zoneOutlineWidth = (state: ZoneState): number => (state === 'base' ? ZONE_STYLE.outlineWidth : ZONE_STYLE.selectedOutlineWidth);

type Xy = readonly [number, number];

/** Even–odd point in polygon over every ring (holes and several parts alike). */
function inside(x: number, y: number, rings: readonly (readonly Xy[])[]): boolean {
  let inn = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inn = !inn;
    }
  }
  return inn;
}

/**
 * The share of a `width`×`height` view that a zone covers, its rings given in
 * screen pixels: sampled on a regular grid (enough to tell "most of the
 * view" from "part of it", at a cost independent of the zone's size).
 */
export function zoneViewShare(rings: readonly (readonly Xy[])[], width: number, height: number, samples = 12): number {
  let hits = 0;
  for (let i = 0; i < samples; i++) for (let j = 0; j < samples; j++) if (inside(((i + 0.5) * width) / samples, ((j + 0.5) * height) / samples, rings)) hits++;
  return hits / (samples * samples);
}

export const isWideZone = (rings: readonly (readonly Xy[])[], width: number, height: number): boolean => zoneViewShare(rings, width, height) > WIDE_ZONE_SHARE;

/** Whether a zone's geometry, projected to the view's pixels, covers most of the view (false for anything not an area). */
export function isWideZoneIn(g: Geometry, project: (lng: number, lat: number) => [number, number], width: number, height: number): boolean {
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return false;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return isWideZone(polys.flatMap((rings) => rings.map((ring) => ring.map(([lng, lat]) => project(lng, lat)))), width, height);
}
