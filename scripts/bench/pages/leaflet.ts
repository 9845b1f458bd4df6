/** What many would reach for: Leaflet's L.geoJSON (SVG renderer) with the same basemap and data. */
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import type { FeatureCollection } from 'geojson';
import { basemapGeoJSON } from '../../../src/lib/map/basemapData.ts';
import { BASEMAP_COLORS } from '../../../src/lib/cartography/palette.ts';
import { colour, FEATURES_URL, firstMeaningful, firstRendered, showFeature, viewFromHash } from './shared.ts';

const load = async (url: string) => (await fetch(url)).json() as Promise<FeatureCollection>;
const v = viewFromHash();
// Leaflet's zoom counts 256-pixel tiles, MapLibre's 512: the same view is one level up.
const map = L.map('map', { zoomSnap: 0, attributionControl: false }).setView([v.lat, v.lng], v.zoom + 1);

const [{ land, borders, rivers }, features] = await Promise.all([basemapGeoJSON(), load(FEATURES_URL)]);
L.geoJSON(land, { interactive: false, style: { stroke: false, fillColor: BASEMAP_COLORS.land, fillOpacity: 1 } }).addTo(map);
L.geoJSON(rivers, { interactive: false, style: { color: BASEMAP_COLORS.river, weight: 1 } }).addTo(map);
L.geoJSON(borders, { interactive: false, style: { color: BASEMAP_COLORS.border, weight: 0.8 } }).addTo(map);
// Zones under lines and points, as on the other two pages: a zone drawn last would take every click inside it.
const isZone = (f: { geometry: { type: string } }) => /Polygon$/.test(f.geometry.type);
features.features.sort((a, b) => Number(isZone(b)) - Number(isZone(a)));
L.geoJSON(features, {
  style: (f) => ({ color: colour(f?.properties.mode), weight: 2.5, fillOpacity: 0.15 }),
  pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 5, color: '#fff', weight: 1, fillColor: colour(f.properties.mode), fillOpacity: 1 }),
  onEachFeature: (f, layer) => layer.on('click', () => showFeature(String(f.id), f.properties)),
}).addTo(map);
requestAnimationFrame(() => requestAnimationFrame(() => firstMeaningful()));
firstRendered();
