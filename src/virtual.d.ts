declare module 'virtual:atlas' {
  /** Page-relative URL of the compiled atlas JSON (validated at build time; fetched and re-checked at startup); a data: URL in the single-file build. */
  const atlasUrl: string;
  export default atlasUrl;
}
declare module 'virtual:basemap' {
  /**
   * The bundled basemap layers: page-relative URLs of same-origin JSON files
   * (normal build), or the GeoJSON itself (single-file build).
   */
  const layers: Record<'land' | 'borders' | 'lakes' | 'rivers' | 'country-labels' | 'places', string | import('geojson').FeatureCollection>;
  export default layers;
}
declare module 'virtual:maplibre-worker' {
  /** URL MapLibre starts its worker from (a file URL, or a blob: URL in the single-file build). */
  const url: string;
  export default url;
}
declare module 'virtual:atlas-editor' {
  /** The in-browser editor (Edit mode): a component under the dev server, null in every build. */
  const editor: import('svelte').Component<{ app: import('./lib/appState.svelte.ts').AppState }> | null;
  export default editor;
}
/** package.json's version, defined at build time. */
declare const __APP_VERSION__: string;
/** The build's day (ISO), defined at build time; SOURCE_DATE_EPOCH makes it reproducible. */
declare const __BUILD_DATE__: string;
/** ATLAS_SITE_URL at build time: where a copy opened from disk points its shared links ("" when none). */
declare const __ATLAS_SITE_URL__: string;
