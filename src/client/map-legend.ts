/**
 * The occurrence map's legend (src/components/mdx/OccurrenceMap.astro): what the colours mean for
 * the current style (src/lib/occurrence-map/results.ts `legendView`), with a field's colours asked
 * of the service. When the service's legend image cannot load, its meaning is said in words.
 */
import { legendGraphicUrl } from '../lib/occurrence-map/requests.ts';
import { fieldLegendText, legendView, type LegendEntry } from '../lib/occurrence-map/results.ts';
import { fetchFieldLegend } from '../lib/occurrence-map/service-calls.ts';
import type { MapState } from '../lib/occurrence-map/state.ts';
import { onMapBackground } from './map-form.ts';

interface Shown {
  caption: string;
  image?: string;
  alt?: string;
  entries?: LegendEntry[];
  note?: string;
}

export class MapLegend {
  readonly #image: HTMLImageElement;
  readonly #list: HTMLElement;
  readonly #note: HTMLElement;
  readonly #caption: HTMLElement;
  #request: AbortController | undefined;

  constructor(figure: HTMLElement) {
    this.#image = figure.querySelector<HTMLImageElement>('[data-legend-image]')!;
    this.#list = figure.querySelector<HTMLElement>('[data-legend-list]')!;
    this.#note = figure.querySelector<HTMLElement>('[data-legend-note]')!;
    this.#caption = figure.querySelector<HTMLElement>('figcaption')!;
    // Offline, or blocked: the image would be a broken-image icon; say what it shows instead.
    this.#image.addEventListener('error', () => {
      if (this.#image.hidden) return;
      this.#image.hidden = true;
      this.#showNote(`${this.#image.alt}. (The service's legend image could not be loaded.)`);
    });
    if (this.#image.complete && this.#image.naturalWidth === 0 && this.#image.getAttribute('src')) this.#image.dispatchEvent(new Event('error'));
  }

  async show(api: string, state: MapState): Promise<void> {
    this.#request?.abort();
    const view = legendView(state);
    switch (view.kind) {
      case 'entries':
        return this.#render({ caption: view.caption, entries: view.entries });
      case 'note':
        return this.#render({ caption: view.caption, note: view.note });
      case 'image':
        return this.#render({ caption: view.caption, image: legendGraphicUrl(api, state), alt: view.alt });
      case 'field': {
        this.#render({ caption: view.caption, note: 'Loading the legend…' });
        const request = (this.#request = new AbortController());
        try {
          const legend = await fetchFieldLegend(api, state, view.field, { fetch: window.fetch.bind(window), signal: request.signal });
          this.#render({ caption: view.caption, ...fieldLegendText(view.field, legend) });
        } catch {
          // Aborted: a newer legend is on its way.
        }
      }
    }
  }

  #showNote(text: string): void {
    this.#note.hidden = false;
    this.#note.textContent = text;
  }

  #render(what: Shown): void {
    this.#caption.textContent = what.caption;
    this.#image.hidden = !what.image;
    if (what.image && this.#image.getAttribute('src') !== what.image) this.#image.src = what.image;
    this.#image.alt = what.alt ?? '';
    this.#list.hidden = !what.entries?.length;
    this.#list.replaceChildren(
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
    this.#note.hidden = !what.note;
    this.#note.textContent = what.note ?? '';
  }
}
