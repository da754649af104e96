/**
 * The requests the occurrence map makes to the occurrences service, built from its state: WMS
 * tiles and a GetMap image of a view (`/mapping/wms/reflect`), the record count (a search with
 * `pageSize=0`), and the legends (`/ogc/legendGraphic`, `/mapping/legend`).
 */
import type { MapQuery, MapStyle, MapView } from './state.ts';

/** The service's layer name for occurrence records, as its GetCapabilities names it. */
export const WMS_LAYER = 'ALA:occurrences';
export const WMS_PATH = '/mapping/wms/reflect';

/** Query-string encoding that leaves `:`, `,`, `/` and `@` readable (all legal in a query value). */
export function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%2F/gi, '/').replace(/%40/gi, '@');
}

export function queryString(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([k, v]) => `${k}=${encodeValue(v)}`).join('&');
}

/** The query as sent: an empty `q` asks for every record. */
export function queryPairs(query: MapQuery): [string, string][] {
  return [['q', query.q.trim() || '*:*'], ...query.fq.map((f): [string, string] => ['fq', f])];
}

/** The WMS `ENV` value: `colormode:…;color:…;size:…;opacity:…`. */
export function envString(style: MapStyle): string {
  return `colormode:${style.colourMode};color:${style.colour};size:${style.size};opacity:${style.opacity}`;
}

/** The WMS endpoint with the query in its URL (`fq` repeats, which WMS client options cannot express). */
export function wmsBaseUrl(api: string, query: MapQuery): string {
  return `${api}${WMS_PATH}?${queryString(queryPairs(query))}`;
}

/**
 * Options of a Leaflet WMS layer for a style. Leaflet sends every option it does not know
 * (ENV, OUTLINE) as a request parameter; `uppercase` makes its own (BBOX, WIDTH…) upper case,
 * as the service expects.
 */
export function wmsLayerOptions(style: MapStyle) {
  return {
    layers: WMS_LAYER,
    format: 'image/png',
    transparent: true,
    uppercase: true,
    ENV: envString(style),
    OUTLINE: String(style.outline),
  };
}

const EARTH_RADIUS = 6378137;

/** A longitude/latitude in Web Mercator (EPSG:3857) metres. */
export function toMercator(lat: number, lon: number): [number, number] {
  const x = (EARTH_RADIUS * lon * Math.PI) / 180;
  const y = EARTH_RADIUS * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  return [x, y];
}

export interface ImageSize {
  width: number;
  height: number;
}

/** The EPSG:3857 box (minx, miny, maxx, maxy, whole metres) an image of `size` pixels shows at a view. */
export function viewBbox(view: MapView, size: ImageSize): [number, number, number, number] {
  const [cx, cy] = toMercator(view.lat, view.lon);
  const metresPerPixel = (2 * Math.PI * EARTH_RADIUS) / (256 * 2 ** view.zoom);
  const dx = (size.width / 2) * metresPerPixel;
  const dy = (size.height / 2) * metresPerPixel;
  return [cx - dx, cy - dy, cx + dx, cy + dy].map(Math.round) as [number, number, number, number];
}

/** The image size the samples use when there is no map on screen (the page without JavaScript). */
export const SAMPLE_IMAGE: ImageSize = { width: 800, height: 600 };

/** Every parameter of one GetMap request, in the order they are written. */
export function getMapParams(query: MapQuery, style: MapStyle, view: MapView, size: ImageSize): [string, string][] {
  return [
    ...queryPairs(query),
    ['SERVICE', 'WMS'],
    ['VERSION', '1.1.1'],
    ['REQUEST', 'GetMap'],
    ['LAYERS', WMS_LAYER],
    ['STYLES', ''],
    ['FORMAT', 'image/png'],
    ['TRANSPARENT', 'true'],
    ['SRS', 'EPSG:3857'],
    ['BBOX', viewBbox(view, size).join(',')],
    ['WIDTH', String(size.width)],
    ['HEIGHT', String(size.height)],
    ['ENV', envString(style)],
    ['OUTLINE', String(style.outline)],
  ];
}

/** One PNG of the records in a view: the exact request the map's layer makes, for the whole view. */
export function getMapUrl(api: string, query: MapQuery, style: MapStyle, view: MapView, size: ImageSize): string {
  return `${api}${WMS_PATH}?${queryString(getMapParams(query, style, view, size))}`;
}

/** How many records match: a search that returns no records, only the total (and no facets). */
export function countUrl(api: string, query: MapQuery): string {
  return `${api}/occurrences/search?${queryString([...queryPairs(query), ['pageSize', '0'], ['facet', 'false']])}`;
}

/** The service's image of one point in a style (for points in one colour). */
export function legendGraphicUrl(api: string, style: MapStyle): string {
  return `${api}/ogc/legendGraphic?${queryString([['ENV', envString(style)], ['WIDTH', '30'], ['HEIGHT', '20']])}`;
}

/** Which colour stands for which value of `field` (JSON), for points coloured by a field. */
export function fieldLegendUrl(api: string, query: MapQuery, field: string): string {
  return `${api}/mapping/legend?${queryString([...queryPairs(query), ['cm', field], ['type', 'application/json']])}`;
}
