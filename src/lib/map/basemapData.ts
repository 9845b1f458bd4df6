/**
 * Where the basemap comes from: same-origin JSON files (normal build) or
 * GeoJSON embedded in the bundle (single-file build). The map style takes
 * either; the SVG export needs the GeoJSON itself.
 */
import type { FeatureCollection } from 'geojson';
import layers from 'virtual:basemap';

export type BasemapLayer = keyof typeof layers;
export type BasemapData = Record<BasemapLayer, string | FeatureCollection>;

/** What the style's GeoJSON sources get: absolute URLs, or the embedded objects. */
export function basemapStyleData(): BasemapData {
  const out = {} as BasemapData;
  for (const [name, value] of Object.entries(layers) as [BasemapLayer, string | FeatureCollection][]) {
    out[name] = typeof value === 'string' ? new URL(value, document.baseURI).href : value;
  }
  return out;
}

let loaded: Promise<Record<BasemapLayer, FeatureCollection>> | null = null;

/** The basemap as GeoJSON (fetched once from the same origin when it is not embedded). */
export function basemapGeoJSON(): Promise<Record<BasemapLayer, FeatureCollection>> {
  loaded ??= Promise.all(
    Object.entries(basemapStyleData()).map(async ([name, value]) => {
      if (typeof value !== 'string') return [name, value] as const;
      const res = await fetch(value);
      if (!res.ok) throw new Error(`Basemap layer ${name}: HTTP ${res.status}`);
      return [name, (await res.json()) as FeatureCollection] as const;
    }),
  ).then((entries) => Object.fromEntries(entries) as Record<BasemapLayer, FeatureCollection>);
  return loaded;
}
