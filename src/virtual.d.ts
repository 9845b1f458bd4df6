declare module 'virtual:atlas' {
  const atlas: import('./lib/atlas/types.ts').Atlas;
  export default atlas;
}
declare module 'virtual:basemap' {
  /**
   * The bundled basemap layers: page-relative URLs of same-origin JSON files
   * (normal build), or the GeoJSON itself (single-file build).
   */
  const layers: Record<'land' | 'borders' | 'rivers' | 'country-labels', string | import('geojson').FeatureCollection>;
  export default layers;
}
declare module 'virtual:maplibre-worker' {
  /** URL MapLibre starts its worker from (a file URL, or a blob: URL in the single-file build). */
  const url: string;
  export default url;
}
