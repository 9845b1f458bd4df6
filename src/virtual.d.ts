declare module 'virtual:atlas' {
  const atlas: import('./lib/atlas/types.ts').Atlas;
  export default atlas;
}
declare module 'virtual:basemap' {
  /** Page-relative URLs of the bundled basemap layers. */
  const urls: { land: string; borders: string; rivers: string; 'country-labels': string };
  export default urls;
}
