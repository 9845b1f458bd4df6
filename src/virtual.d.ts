declare module 'virtual:atlas' {
  /** Page-relative URL of the compiled atlas JSON (validated at build time; fetched and re-checked at startup). */
  const atlasUrl: string;
  export default atlasUrl;
}
declare module 'virtual:basemap' {
  /** Page-relative URLs of the bundled basemap layers. */
  const urls: { land: string; borders: string; rivers: string; 'country-labels': string };
  export default urls;
}
