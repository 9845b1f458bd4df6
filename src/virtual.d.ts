declare module 'virtual:atlas' {
  const atlas: import('./lib/atlas/types.ts').Atlas;
  export default atlas;
}
declare module 'virtual:basemap' {
  const basemap: import('./lib/map/basemap.ts').Basemap;
  export default basemap;
}
