/**
 * `<occurrence-map>`: the occurrence map page's element. It holds the map's state (in the URL too),
 * draws the occurrences service's WMS layer with Leaflet, counts the query's records and shows the
 * WMS request and the code of the current view. The form is src/client/map-form.ts, the legend
 * src/client/map-legend.ts; every URL, query string and sentence comes from src/lib/occurrence-map.
 */
import type { Map as LeafletMap, TileLayer } from 'leaflet';
import { getMapUrl, wmsBaseUrl, wmsLayerOptions, type ImageSize } from '../lib/occurrence-map/requests.ts';
import { countText, explainCount, explainTileErrors, type CountResult, type Problem } from '../lib/occurrence-map/results.ts';
import { mapSamples } from '../lib/occurrence-map/map-code.ts';
import { fetchCount } from '../lib/occurrence-map/service-calls.ts';
import { DEFAULT_STATE, hasView, MAX_ZOOM, MIN_ZOOM, parseState, roundView, stateToSearch, type MapState, type MapView } from '../lib/occurrence-map/state.ts';
import { copyWithFeedback } from './clipboard.ts';
import { LiveSampleTabs } from './live-code-block.ts';
import { MapForm } from './map-form.ts';
import { MapLegend } from './map-legend.ts';

const DEBOUNCE_MS = 350;
const ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/** Runs a task once the browser is idle (soon, where it cannot tell). */
function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 200);
}

class OccurrenceMap extends HTMLElement {
  #api = '';
  #state: MapState = DEFAULT_STATE;
  /** Whether the URL says where the map looks: once the reader moves it, or a shared URL did. */
  #viewInUrl = false;
  /** Set while the page moves the map itself, so that only the reader's moves count as theirs. */
  #movingMap = false;
  #map: LeafletMap | undefined;
  #wms: TileLayer.WMS | undefined;
  /** The WMS layer's URL and options as last drawn. */
  #layerKey = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #countKey = '';
  #count: CountResult | undefined;
  #countRequest: AbortController | undefined;
  #failedTiles = 0;
  #samples: LiveSampleTabs | undefined;
  #form!: MapForm;
  #legend!: MapLegend;

  #el<T extends Element = HTMLElement>(selector: string): T {
    const el = this.querySelector<T>(selector);
    if (!el) throw new Error(`occurrence-map: no ${selector}`);
    return el;
  }

  connectedCallback(): void {
    this.#api = this.dataset['api'] ?? '';
    this.#state = parseState(location.search);
    this.#viewInUrl = hasView(location.search);
    if (!this.#viewInUrl) this.#state = { ...this.#state, view: this.#defaultView() };
    this.#samples = new LiveSampleTabs(this.querySelector('[data-map-samples]'));
    this.#form = new MapForm(this, () => this.#schedule(), () => this.#update());
    this.#legend = new MapLegend(this.#el('[data-legend]'));
    this.#el('[data-map-placeholder]').textContent = 'Loading the map…';
    this.#form.write(this.#state);
    this.#wireResults();
    window.addEventListener('popstate', () => this.#restoreFromUrl());
    this.#draw({ request: 'when idle' });
    this.#createMapWhenNear();
  }

  // The map.

  /**
   * Leaflet is loaded, and the map drawn, once the map is about to scroll into view (at once on
   * most desktops): a reader who stays at the form or the code does not pay for it.
   */
  #createMapWhenNear(): void {
    const container = this.#el('[data-map]');
    container.tabIndex = 0;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        void this.#createMap(container);
      },
      { rootMargin: '150px' },
    );
    observer.observe(container);
  }

  async #createMap(container: HTMLElement): Promise<void> {
    const { map, tileLayer } = await import('leaflet/dist/leaflet-src.esm.js');
    this.#el('[data-map-placeholder]').remove();
    const view = this.#state.view;
    this.#map = map(container, { minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM, worldCopyJump: true, center: [view.lat, view.lon], zoom: view.zoom });
    tileLayer(this.dataset['tiles'] ?? '', { maxZoom: MAX_ZOOM, attribution: ATTRIBUTION }).addTo(this.#map);
    const url = wmsBaseUrl(this.#api, this.#state);
    const options = wmsLayerOptions(this.#state);
    this.#layerKey = JSON.stringify([url, options]);
    this.#wms = tileLayer.wms(url, options).addTo(this.#map);
    this.#wms.on('loading', () => {
      this.#failedTiles = 0;
      this.#showProblem();
    });
    this.#wms.on('tileerror', () => {
      this.#failedTiles++;
      this.#showProblem();
    });
    this.#map.on('moveend', () => {
      if (!this.#movingMap) this.#viewInUrl = true;
      this.#state = { ...this.#state, view: this.#currentView() };
      this.#showRequest();
      this.#commit('replace');
    });
    this.#showRequest();
  }

  /** Australia: one zoom level further out on a narrow screen. */
  #defaultView(): MapView {
    const narrow = this.#el('[data-map]').clientWidth < 600;
    return { ...DEFAULT_STATE.view, zoom: DEFAULT_STATE.view.zoom - (narrow ? 1 : 0) };
  }

  #setView(view: MapView): void {
    this.#state = { ...this.#state, view };
    if (!this.#map) return;
    this.#movingMap = true;
    try {
      this.#map.setView([view.lat, view.lon], view.zoom, { animate: false });
    } finally {
      this.#movingMap = false;
    }
  }

  /** Where the map looks: the map's own view once it is drawn, else the one it will open at. */
  #currentView(): MapView {
    if (!this.#map) return this.#state.view;
    const centre = this.#map.getCenter();
    return roundView({ lat: centre.lat, lon: centre.lng, zoom: this.#map.getZoom() });
  }

  #imageSize(): ImageSize {
    const container = this.#el('[data-map]');
    const size = this.#map ? { width: this.#map.getSize().x, height: this.#map.getSize().y } : { width: container.clientWidth, height: container.clientHeight };
    return { width: Math.max(1, Math.round(size.width)), height: Math.max(1, Math.round(size.height)) };
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#update(), DEBOUNCE_MS);
  }

  // Drawing what the form says.

  /** Takes the form's values: redraws the layer, recounts if the query changed, and remembers the state in the URL. */
  #update(): void {
    clearTimeout(this.#timer);
    this.#state = { ...this.#form.read(this.#state), view: this.#currentView() };
    this.#draw();
    this.#commit('push');
  }

  /** Draws the state; the request and samples (below the map) may wait until the page is idle. */
  #draw({ request }: { request: 'now' | 'when idle' } = { request: 'now' }): void {
    const state = this.#state;
    const url = wmsBaseUrl(this.#api, state);
    const options = wmsLayerOptions(state);
    const layerKey = JSON.stringify([url, options]);
    if (this.#wms && layerKey !== this.#layerKey) {
      this.#layerKey = layerKey;
      this.#wms.setParams(options, true);
      this.#wms.setUrl(url, false); // redraws once, even when only the options changed
    }
    const key = JSON.stringify([state.q, state.fq]);
    if (key !== this.#countKey) {
      this.#countKey = key;
      void this.#recount();
    }
    void this.#legend.show(this.#api, state);
    if (request === 'now') this.#showRequest();
    else whenIdle(() => this.#showRequest());
  }

  async #recount(): Promise<void> {
    this.#countRequest?.abort();
    const request = (this.#countRequest = new AbortController());
    const out = this.#el('[data-record-count]');
    out.textContent = 'Counting…';
    this.#count = undefined;
    let result: CountResult;
    try {
      result = await fetchCount(this.#api, this.#state, { fetch: window.fetch.bind(window), signal: request.signal });
    } catch {
      return; // aborted: a newer count is on its way
    }
    this.#count = result;
    out.textContent = countText(result);
    this.#showProblem();
  }

  #showProblem(): void {
    const problem: Problem | undefined = this.#count
      ? (explainCount(this.#count, new URL(this.#api).origin) ?? explainTileErrors(this.#failedTiles))
      : undefined;
    const box = this.#el('[data-map-problem]');
    if (!problem) {
      box.replaceChildren();
      return;
    }
    if (box.dataset['title'] === problem.title && box.childElementCount) return;
    box.dataset['title'] = problem.title;
    const title = document.createElement('p');
    const strong = title.appendChild(document.createElement('strong'));
    strong.textContent = problem.title;
    const detail = document.createElement('p');
    detail.textContent = problem.detail;
    box.replaceChildren(title, detail);
  }

  /** The GetMap request of the current view, and the samples, which depend on the view too. */
  #showRequest(): void {
    const state = this.#state;
    const image = this.#imageSize();
    const url = getMapUrl(this.#api, state, state, state.view, image);
    this.#el('[data-getmap-url]').textContent = url;
    this.#el<HTMLAnchorElement>('[data-getmap-link]').href = url;
    this.#samples?.show(mapSamples({ api: this.#api, tiles: this.dataset['tiles'] ?? '', query: state, style: state, view: state.view, image }));
  }

  #wireResults(): void {
    const copy = this.#el<HTMLButtonElement>('[data-copy-getmap]');
    copy.addEventListener('click', () => void copyWithFeedback(this.#el('[data-getmap-url]').textContent ?? '', copy));
  }

  // The URL.

  #commit(mode: 'push' | 'replace'): void {
    const search = stateToSearch(this.#state, this.#viewInUrl);
    if (search === location.search) return;
    const url = `${location.pathname}${search}${location.hash}`;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  /** Back and forward: the form and the map take the state of that URL. */
  #restoreFromUrl(): void {
    this.#state = parseState(location.search);
    this.#viewInUrl = hasView(location.search);
    this.#form.write(this.#state);
    this.#setView(this.#viewInUrl ? this.#state.view : this.#defaultView());
    this.#draw();
  }
}

customElements.define('occurrence-map', OccurrenceMap);
