/**
 * The occurrence map's form (src/components/mdx/OccurrenceMap.astro): writes a state into its
 * fields, reads the state back (keeping the last good value of a field it cannot use, and saying
 * why for the colour), and manages the list of filters. What a change means is the element's job
 * (src/client/occurrence-map-element.ts): the form only calls `onChange` and `onCommit`.
 */
import { rampLegend } from '../lib/occurrence-map/results.ts';
import { COLOUR_PROBLEM, normaliseColour, OPACITY_RANGE, parseColour, SIZE_RANGE, type MapState } from '../lib/occurrence-map/state.ts';

/** A colour (or gradient) as it looks over the light base map: translucent ramp colours included. */
export function onMapBackground(colour: string): string {
  const layer = colour.startsWith('linear-gradient') ? colour : `linear-gradient(${colour}, ${colour})`;
  return `${layer}, #fff`;
}

export class MapForm {
  readonly #root: HTMLElement;
  readonly #form: HTMLFormElement;
  #nextFilterId = 1;

  /**
   * @param onChange the reader is typing: redraw after a pause.
   * @param onCommit the reader submitted, picked an example or changed the filters: redraw now.
   */
  constructor(root: HTMLElement, onChange: () => void, onCommit: () => void) {
    this.#root = root;
    this.#form = this.#el<HTMLFormElement>('[data-map-form]');
    this.#form.addEventListener('input', (event) => {
      if (event.target === this.#field('colour')) this.#showColourField();
      if (event.target === this.#field('opacity')) this.#el('[data-opacity-value]').textContent = this.#field('opacity').value;
      onChange();
    });
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      onCommit();
    });
    this.#form.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button');
      if (button && this.#click(button)) onCommit();
    });
  }

  #el<T extends Element = HTMLElement>(selector: string): T {
    const el = this.#root.querySelector<T>(selector);
    if (!el) throw new Error(`occurrence-map: no ${selector}`);
    return el;
  }

  #field<T extends HTMLInputElement | HTMLSelectElement = HTMLInputElement>(name: string): T {
    return this.#form.elements.namedItem(name) as T;
  }

  write(state: MapState): void {
    this.#field('q').value = state.q;
    this.#el('[data-filters]').replaceChildren();
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

  /** The form's values over `current`; a value it cannot use keeps the current one. */
  read(current: MapState): MapState {
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

  /** An example chip or a filter button; true when the map should redraw. */
  #click(button: HTMLButtonElement): boolean {
    const { exampleQ, exampleFq, exampleColour } = button.dataset;
    if (exampleQ !== undefined) this.#field('q').value = exampleQ;
    else if (exampleFq !== undefined) this.#addFilter(exampleFq);
    else if (exampleColour !== undefined) {
      this.#field('colour').value = exampleColour;
      this.#showColourField();
    } else if (button.matches('[data-add-filter]')) {
      this.#addFilter().focus();
      return false;
    } else if (button.matches('[data-remove-filter]')) {
      const item = button.closest('li')!;
      const focusNext: HTMLElement =
        item.nextElementSibling?.querySelector('input') ?? item.previousElementSibling?.querySelector('input') ?? this.#el('[data-add-filter]');
      item.remove();
      this.#numberFilters();
      focusNext.focus();
    } else return false;
    return true;
  }

  #addFilter(value = ''): HTMLInputElement {
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
    this.#el('[data-filters]').append(item);
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
}
