/**
 * The changelog filter's state (src/client/changelog-filter.ts): which classes of change and which
 * service the reader shows, read from and written to the page's query (`?show=breaking&service=spatial`)
 * so a filtered view can be shared. With no query, everything shows — as it does without JavaScript.
 */
import { CHANGE_CLASSES, type ChangeClass } from './records.ts';

export interface FilterState {
  classes: Set<ChangeClass>;
  /** A service id, or '' for every service. */
  service: string;
}

const isClass = (value: string): value is ChangeClass => (CHANGE_CLASSES as readonly string[]).includes(value);

/** The state of a query string; unknown classes and services are ignored. */
export function parseFilter(search: string, services: readonly string[]): FilterState {
  const query = new URLSearchParams(search);
  const shown = query.get('show');
  const classes = shown === null ? [...CHANGE_CLASSES] : shown.split(',').filter(isClass);
  const service = query.get('service') ?? '';
  return { classes: new Set(classes), service: services.includes(service) ? service : '' };
}

/** The query string of a state: empty when everything shows. */
export function filterSearch(state: FilterState): string {
  const query = new URLSearchParams();
  if (state.classes.size < CHANGE_CLASSES.length) query.set('show', CHANGE_CLASSES.filter((c) => state.classes.has(c)).join(','));
  if (state.service) query.set('service', state.service);
  const text = query.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

export const showsChange = (changeClass: string, state: FilterState) => isClass(changeClass) && state.classes.has(changeClass);

/** An entry shows when it is of the chosen service and has a change of a chosen class. */
export function showsEntry(entry: { service: string; classes: readonly string[] }, state: FilterState): boolean {
  return (!state.service || entry.service === state.service) && entry.classes.some((c) => showsChange(c, state));
}

/** What the filter's status line says. */
export function filterStatus(shown: number, total: number): string {
  if (shown === total) return `Showing all ${total} ${total === 1 ? 'entry' : 'entries'}.`;
  return `Showing ${shown} of ${total} ${total === 1 ? 'entry' : 'entries'}.`;
}
