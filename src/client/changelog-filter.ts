/**
 * `<changelog-filter>`: the changelog's filter. Its form (hidden until this runs: without
 * JavaScript every entry shows) picks the classes of change and, on the site's page, the service;
 * entries and changes that do not match are hidden, a status line says how many show, and the
 * page's query keeps the choice (`?show=breaking&service=spatial`), so a filtered view can be shared.
 */
import { filterSearch, filterStatus, parseFilter, showsChange, showsEntry, type FilterState } from '../lib/changelog/filter-state.ts';
import type { ChangeClass } from '../lib/changelog/records.ts';

class ChangelogFilter extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector<HTMLFormElement>('form[data-filter-form]');
    if (!form) return;
    const boxes = [...form.querySelectorAll<HTMLInputElement>('input[name="show"]')];
    const select = form.querySelector<HTMLSelectElement>('select[name="service"]');
    const services = select ? [...select.options].map((o) => o.value).filter(Boolean) : [];

    const initial = parseFilter(location.search, services);
    for (const box of boxes) box.checked = initial.classes.has(box.value as ChangeClass);
    if (select) select.value = initial.service;
    form.hidden = false;
    this.show(initial, false);

    form.addEventListener('change', () => {
      const state: FilterState = { classes: new Set(boxes.filter((b) => b.checked).map((b) => b.value as ChangeClass)), service: select?.value ?? '' };
      this.show(state, true);
      history.replaceState(history.state, '', `${location.pathname}${filterSearch(state)}${location.hash}`);
    });
    form.addEventListener('submit', (event) => event.preventDefault());
  }

  /** Hides what the state leaves out; says how many entries show (`announce`: after the reader's change). */
  private show(state: FilterState, announce: boolean): void {
    const entries = [...this.querySelectorAll<HTMLElement>('[data-entry]')];
    let shown = 0;
    for (const entry of entries) {
      const visible = showsEntry({ service: entry.dataset['service'] ?? '', classes: (entry.dataset['classes'] ?? '').split(' ') }, state);
      entry.hidden = !visible;
      if (visible) shown++;
      for (const change of entry.querySelectorAll<HTMLElement>('[data-change-class]')) change.hidden = !showsChange(change.dataset['changeClass'] ?? '', state);
    }
    for (const month of this.querySelectorAll<HTMLElement>('[data-month]')) month.hidden = !month.querySelector('[data-entry]:not([hidden])');
    const status = this.querySelector('[data-filter-status]');
    // The status region is filled only after a change, so that it is read out then, not on load.
    if (status && (announce || shown !== entries.length)) status.textContent = filterStatus(shown, entries.length);
  }
}

customElements.define('changelog-filter', ChangelogFilter);
