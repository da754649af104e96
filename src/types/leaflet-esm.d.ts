// Leaflet's ES module build, which lets the bundler leave out what the occurrence map does not use.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
