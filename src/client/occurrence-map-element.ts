/**
 * `<occurrence-map>`: wires the occurrence map's markup (src/components/OccurrenceMap.astro) to
 * Leaflet and to the occurrences service. Every URL, query string and sentence comes from
 * src/lib/occurrence-map; this file only reads the form, draws, fetches and writes the page.
 */
import type { Map as LeafletMap, TileLayer } from 'leaflet';
import { countUrl, fieldLegendUrl, getMapUrl, legendGraphicUrl, wmsBaseUrl, wmsLayerOptions, type ImageSize } from '../lib/occurrence-map/requests.ts';
import { countText, explainCount, explainTileErrors, fieldLegend, rampLegend, readCount, type CountResult, type LegendEntry, type Problem } from '../lib/occurrence-map/results.ts';
import { mapSamples } from '../lib/occurrence-map/samples.ts';
import {
  colourField,
  COLOUR_PROBLEM,
  DEFAULT_STATE,
  DENSITY_MODES,
  hasView,
  MAX_ZOOM,
  MIN_ZOOM,
  OPACITY_RANGE,
  parseColour,
  parseState,
  roundView,
  SIZE_RANGE,
  stateToSearch,
  normaliseColour,
  type MapState,
  type MapView,
} from '../lib/occurrence-map/state.ts';
import { sampleLanguages } from '../lib/sample-languages.ts';
import { copyWithFeedback } from './clipboard.ts';
import { LiveCodeBlock } from './live-code-block.ts';

const DEBOUNCE_MS = 350;
const ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/** A colour (or gradient) as it looks over the light base map: translucent ramp colours included. */
function onMapBackground(colour: string): string {
  const layer = colour.startsWith('linear-gradient') ? colour : `linear-gradient(${colour}, ${colour})`;
  return `${layer}, #fff`;
}

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
  #legendRequest: AbortController | undefined;
  #failedTiles = 0;
  #nextFilterId = 1;
  #samples: LiveCodeBlock[] = [];

  #el<T extends Element = HTMLElement>(selector: string): T {
    const el = this.querySelector<T>(selector);
    if (!el) throw new Error(`occurrence-map: no ${selector}`);
    return el;
  }

  get #form() {
    return this.#el<HTMLFormElement>('[data-map-form]');
  }
  #field<T extends HTMLInputElement | HTMLSelectElement = HTMLInputElement>(name: string): T {
    return this.#form.elements.namedItem(name) as T;
  }

  connectedCallback(): void {
    this.#api = this.dataset['api'] ?? '';
    this.#state = parseState(location.search);
    this.#viewInUrl = hasView(location.search);
    if (!this.#viewInUrl) this.#state = { ...this.#state, view: this.#defaultView() };
    this.#samples = [...this.querySelectorAll<HTMLElement>('[data-map-samples] .expressive-code')].map((block) => new LiveCodeBlock(block));
    this.#writeForm(this.#state);
    this.#wireForm();
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

  // The form.

  #writeForm(state: MapState): void {
    this.#field('q').value = state.q;
    const list = this.#el('[data-filters]');
    list.replaceChildren();
    for (const fq of state.fq) this.#addFilter(fq);
    const mode = this.#field<HTMLSelectElement>('colourMode');
    if (![...mode.options].some((o) => o.value === state.colourMode)) mode.add(new Option(`Points by ${state.colourMode}`, state.colourMode));
    mode.value = state.colourMode;
    this.#field('size').value = String(state.size);
    this.#field('opacity').value = String(state.opacity);
    this.#el('[data-opacity-value]').textContent = String(state.opacity);
    this.#field('outline').checked = state.outline;
    this.#field('colour').value = state.colour;
    this.#showColourField();
  }

  /** The form's values; a value it cannot use keeps the last good one (and says why, for the colour). */
  #readForm(): MapState {
    const current = this.#state;
    const colour = normaliseColour(this.#field('colour').value);
    const size = Number(this.#field('size').value);
    const opacity = Number(this.#field('opacity').value);
    return {
      ...current,
      q: this.#field('q').value.trim(),
      fq: [...this.#el('[data-filters]').querySelectorAll('input')].map((i) => i.value.trim()).filter(Boolean),
      colourMode: this.#field<HTMLSelectElement>('colourMode').value,
      colour: parseColour(colour) ? colour : current.colour,
      size: Number.isInteger(size) && size >= SIZE_RANGE.min && size <= SIZE_RANGE.max ? size : current.size,
      opacity: opacity >= OPACITY_RANGE.min && opacity <= OPACITY_RANGE.max ? Math.round(opacity * 10) / 10 : current.opacity,
      outline: this.#field('outline').checked,
    };
  }

  #addFilter(value = ''): HTMLInputElement {
    const list = this.#el('[data-filters]');
    const id = `om-fq-${this.#nextFilterId++}`;
    const item = document.createElement('li');
    item.className = 'om-filter';
    const label = item.appendChild(document.createElement('label'));
    label.htmlFor = id;
    const input = item.appendChild(document.createElement('input'));
    input.className = 'ala-input';
    input.id = id;
    input.value = value;
    input.autocomplete = 'off';
    input.spellcheck = false;
    const remove = item.appendChild(document.createElement('button'));
    remove.type = 'button';
    remove.className = 'ala-button-secondary';
    remove.textContent = 'Remove';
    remove.dataset['removeFilter'] = '';
    list.append(item);
    this.#numberFilters();
    return input;
  }

  /** Labels say which filter is which ("Filter 2", "Remove filter 2"), after any removal too. */
  #numberFilters(): void {
    for (const [i, item] of [...this.#el('[data-filters]').children].entries()) {
      item.querySelector('label')!.textContent = `Filter ${i + 1}`;
      item.querySelector('button')!.setAttribute('aria-label', `Remove filter ${i + 1}`);
    }
  }

  #showColourField(): void {
    const input = this.#field('colour');
    const colour = parseColour(input.value);
    const error = this.#el('[data-colour-error]');
    input.setAttribute('aria-invalid', String(!colour));
    error.textContent = colour ? '' : COLOUR_PROBLEM;
    if (!colour) return;
    const swatch = this.#el('[data-colour-swatch]');
    swatch.style.background =
      colour.kind === 'single' ? `#${colour.hex}` : onMapBackground(`linear-gradient(90deg, ${rampLegend(colour.steps).map((e) => e.colour).join(', ')})`);
  }

  #wireForm(): void {
    const form = this.#form;
    form.addEventListener('input', (event) => {
      if (event.target === this.#field('colour')) this.#showColourField();
      if (event.target === this.#field('opacity')) this.#el('[data-opacity-value]').textContent = this.#field('opacity').value;
      this.#schedule();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#update();
    });
    form.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button');
      if (!button) return;
      const { exampleQ, exampleFq, exampleColour } = button.dataset;
      if (exampleQ !== undefined) this.#field('q').value = exampleQ;
      else if (exampleFq !== undefined) this.#addFilter(exampleFq);
      else if (exampleColour !== undefined) {
        this.#field('colour').value = exampleColour;
        this.#showColourField();
      } else if (button.matches('[data-add-filter]')) {
        this.#addFilter().focus();
        return;
      } else if (button.matches('[data-remove-filter]')) {
        const item = button.closest('li')!;
        const focusNext: HTMLElement =
          item.nextElementSibling?.querySelector('input') ?? item.previousElementSibling?.querySelector('input') ?? this.#el('[data-add-filter]');
        item.remove();
        this.#numberFilters();
        focusNext.focus();
      } else return;
      this.#update();
    });
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#update(), DEBOUNCE_MS);
  }

  // Drawing what the form says.

  /** Takes the form's values: redraws the layer, recounts if the query changed, and remembers the state in the URL. */
  #update(): void {
    clearTimeout(this.#timer);
    this.#state = { ...this.#readForm(), view: this.#currentView() };
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
    void this.#showLegend();
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
      const response = await fetch(countUrl(this.#api, this.#state), { signal: request.signal, headers: { accept: 'application/json' } });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: keep the text, it may say what went wrong
      }
      result = readCount(response.status, body);
    } catch {
      if (request.signal.aborted) return;
      result = { kind: 'unreachable' };
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

  async #showLegend(): Promise<void> {
    const state = this.#state;
    const image = this.#el<HTMLImageElement>('[data-legend-image]');
    const list = this.#el('[data-legend-list]');
    const note = this.#el('[data-legend-note]');
    const caption = this.#el('[data-legend] figcaption');
    const colour = parseColour(state.colour);
    const field = colourField(state.colourMode);
    this.#legendRequest?.abort();
    const show = (what: { image?: string; alt?: string; entries?: LegendEntry[]; note?: string; caption: string }) => {
      caption.textContent = what.caption;
      image.hidden = !what.image;
      if (what.image && image.getAttribute('src') !== what.image) image.src = what.image;
      image.alt = what.alt ?? '';
      list.hidden = !what.entries?.length;
      list.replaceChildren(
        ...(what.entries ?? []).map((e) => {
          const item = document.createElement('li');
          const swatch = item.appendChild(document.createElement('span'));
          swatch.className = 'om-swatch';
          swatch.setAttribute('aria-hidden', 'true');
          swatch.style.background = onMapBackground(e.colour);
          item.append(e.label);
          return item;
        }),
      );
      note.hidden = !what.note;
      note.textContent = what.note ?? '';
    };

    if (DENSITY_MODES.includes(state.colourMode)) {
      if (colour?.kind === 'ramp') show({ caption: 'Records per cell', entries: rampLegend(colour.steps) });
      else show({ caption: 'Legend', note: 'The service shades each cell by its number of records. Give a ramp as the colour to choose the shades.' });
      return;
    }
    if (field) {
      show({ caption: `Colours by ${field}`, note: 'Loading the legend…' });
      const request = (this.#legendRequest = new AbortController());
      try {
        const response = await fetch(fieldLegendUrl(this.#api, state, field), { signal: request.signal, headers: { accept: 'application/json' } });
        const legend = response.ok ? fieldLegend(await response.json()) : undefined;
        if (!legend?.entries.length) show({ caption: `Colours by ${field}`, note: `The service gave no legend for ${field}.` });
        else show({ caption: `Colours by ${field}`, entries: legend.entries, ...(legend.more ? { note: `…and ${legend.more} more values.` } : {}) });
      } catch {
        if (!request.signal.aborted) show({ caption: `Colours by ${field}`, note: `The legend for ${field} could not be loaded.` });
      }
      return;
    }
    if (colour?.kind === 'single') show({ caption: 'Legend', image: legendGraphicUrl(this.#api, state), alt: `Points in colour #${colour.hex}` });
    else show({ caption: 'Legend', note: 'Points take one colour: a ramp colours grid cells and hexagons only.' });
  }

  /** The GetMap request of the current view, and the samples, which depend on the view too. */
  #showRequest(): void {
    const state = this.#state;
    const image = this.#imageSize();
    const url = getMapUrl(this.#api, state, state, state.view, image);
    this.#el('[data-getmap-url]').textContent = url;
    this.#el<HTMLAnchorElement>('[data-getmap-link]').href = url;
    const samples = mapSamples({ api: this.#api, tiles: this.dataset['tiles'] ?? '', query: state, style: state, view: state.view, image });
    // The blocks are in tab order, which is the order of sampleLanguages().
    for (const [i, language] of sampleLanguages(samples).entries()) this.#samples[i]?.show(samples[language.key]);
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
    this.#writeForm(this.#state);
    this.#setView(this.#viewInUrl ? this.#state.view : this.#defaultView());
    this.#draw();
  }
}

customElements.define('occurrence-map', OccurrenceMap);
