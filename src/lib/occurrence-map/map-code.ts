/**
 * "Reproduce it": the occurrence map as code, from the map's current state. Shell fetches one
 * GetMap image of the view; Python (folium), R (leaflet) and JavaScript (Leaflet) draw the same
 * WMS layer over the same base map.
 */
import { shellQuote, type SampleSet } from '../samples/languages.ts';
import { envString, getMapParams, queryPairs, WMS_LAYER, WMS_PATH, type ImageSize } from './requests.ts';
import type { MapQuery, MapStyle, MapView } from './state.ts';

export interface MapSampleInputs {
  /** The occurrences service's base URL. */
  api: string;
  /** The base-map tile template. */
  tiles: string;
  query: MapQuery;
  style: MapStyle;
  view: MapView;
  /** Size of the GetMap image (the map's size on screen). */
  image: ImageSize;
}

/** A string literal valid in Python, R and JavaScript: single-quoted when it can be, else JSON. */
export function codeString(value: string): string {
  return /^[^'\\\u0000-\u001f\u2028\u2029]*$/.test(value) ? `'${value}'` : JSON.stringify(value);
}

const ATTRIBUTION = '© OpenStreetMap contributors';

function shell(i: MapSampleInputs): string {
  const params = new Map<string, string>();
  for (const [k, v] of getMapParams(i.query, i.style, i.view, i.image)) if (k !== 'q' && k !== 'fq') params.set(k, v);
  const d = (...keys: string[]) => keys.map((k) => `-d ${k}=${params.get(k)}`).join(' ');
  const query = queryPairs(i.query).map(([k, v]) => `  --data-urlencode ${shellQuote(`${k}=${v}`)} \\`);
  return `# The records in the map's view as one transparent PNG (EPSG:3857, ${i.image.width} × ${i.image.height} pixels)
curl -G "${i.api}${WMS_PATH}" \\
${query.join('\n')}
  ${d('SERVICE', 'VERSION', 'REQUEST')} \\
  ${d('LAYERS', 'STYLES', 'FORMAT', 'TRANSPARENT')} \\
  ${d('SRS', 'BBOX')} \\
  ${d('WIDTH', 'HEIGHT')} \\
  --data-urlencode ${shellQuote(`ENV=${envString(i.style)}`)} \\
  ${d('OUTLINE')} \\
  -o occurrences.png`;
}

function python(i: MapSampleInputs): string {
  const query = queryPairs(i.query).map(([k, v]) => `    ("${k}", ${codeString(v)}),`);
  return `# pip install folium
from urllib.parse import urlencode

import folium

query = urlencode([
${query.join('\n')}
])

m = folium.Map(
    location=[${i.view.lat}, ${i.view.lon}],
    zoom_start=${i.view.zoom},
    tiles="${i.tiles}",
    attr="${ATTRIBUTION}",
)
folium.WmsTileLayer(
    url="${i.api}${WMS_PATH}?" + query,
    layers="${WMS_LAYER}",
    fmt="image/png",
    transparent=True,
    name="ALA occurrence records",
    uppercase=True,  # the service reads BBOX, WIDTH, HEIGHT… in upper case
    ENV=${codeString(envString(i.style))},
    OUTLINE="${i.style.outline}",
).add_to(m)
m.save("occurrence-map.html")`;
}

function r(i: MapSampleInputs): string {
  const query = queryPairs(i.query).map(([k, v]) => `  ${k} = ${codeString(v)}`);
  return `library(leaflet)

query <- c(
${query.join(',\n')}
)
wms_url <- paste0(
  "${i.api}${WMS_PATH}?",
  paste0(names(query), "=", vapply(query, URLencode, "", reserved = TRUE), collapse = "&")
)

leaflet() |>
  addTiles(urlTemplate = "${i.tiles}", attribution = "${ATTRIBUTION}") |>
  setView(lng = ${i.view.lon}, lat = ${i.view.lat}, zoom = ${i.view.zoom}) |>
  addWMSTiles(
    wms_url,
    layers = "${WMS_LAYER}",
    options = WMSTileOptions(
      format = "image/png",
      transparent = TRUE,
      uppercase = TRUE,  # the service reads BBOX, WIDTH, HEIGHT… in upper case
      ENV = ${codeString(envString(i.style))},
      OUTLINE = "${i.style.outline}"
    )
  )`;
}

function javascript(i: MapSampleInputs): string {
  const query = queryPairs(i.query).map(([k, v]) => `  ['${k}', ${codeString(v)}],`);
  return `// npm install leaflet; the page needs an element <div id="map" style="height: 30rem"></div>
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

const query = new URLSearchParams([
${query.join('\n')}
]);

const map = L.map('map').setView([${i.view.lat}, ${i.view.lon}], ${i.view.zoom});
L.tileLayer('${i.tiles}', {
  maxZoom: 18,
  attribution: '${ATTRIBUTION}',
}).addTo(map);
L.tileLayer.wms(\`${i.api}${WMS_PATH}?\${query}\`, {
  layers: '${WMS_LAYER}',
  format: 'image/png',
  transparent: true,
  uppercase: true, // the service reads BBOX, WIDTH, HEIGHT… in upper case
  ENV: ${codeString(envString(i.style))},
  OUTLINE: '${i.style.outline}',
}).addTo(map);`;
}

export function mapSamples(inputs: MapSampleInputs): SampleSet & { javascript: string } {
  return { shell: shell(inputs), python: python(inputs), r: r(inputs), javascript: javascript(inputs) };
}
