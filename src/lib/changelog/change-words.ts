/**
 * The words the changelog's pages, their Markdown twins and the feeds share, written once: what
 * each class of change means, how an entry is summed up, how a date reads, and a recorded
 * sentence as parts (its backticked code as code).
 */
import { CHANGE_CLASSES, type ChangeClass } from './records.ts';

export const CLASS_LABELS: Record<ChangeClass, { label: string; meaning: string }> = {
  breaking: { label: 'Breaking', meaning: 'a client written for the older version may fail: an operation, parameter or field removed, a new required parameter, a narrowed or changed type, a renamed path' },
  'non-breaking': { label: 'Non-breaking', meaning: 'existing clients keep working: an operation, optional parameter or field added, a widened type, a token made optional' },
  deprecated: { label: 'Deprecated', meaning: 'still works, but is marked for removal: move away from it' },
  annotation: { label: 'Annotation', meaning: 'descriptions, summaries and examples: the API itself is unchanged' },
};

export const CHANGELOG_TITLE = 'API changelog';

/** What the entries are sorted into, as the feeds and llms.txt say it: `classified breaking, non-breaking, deprecated or annotation`. */
export const CLASSIFIED = `classified ${CHANGE_CLASSES.slice(0, -1).join(', ')} or ${CHANGE_CLASSES.at(-1)}`;

/** The opening of the changelog pages (the whole site's, or one service's). */
export function changelogIntro(serviceTitle?: string): string {
  const what = serviceTitle ? `the ${serviceTitle} API's OpenAPI document` : "each service's OpenAPI document";
  return (
    `Every recorded change to ${what}, newest first. Each change is classified by what it means for a script or app ` +
    'that calls the API, and names the operations it touches. The entries are recorded from the documents themselves ' +
    'when they change, and never rewritten.'
  );
}

/** Said of an entry that records a document as first published. */
const INITIAL_ENTRY = 'The document as first published in this portal: later entries are compared with it.';

/** Said when a service has no entry. */
export const NO_ENTRIES = "No change has been recorded for this service's document yet.";

/** `2026-12-06T21:30:00Z` → `6 Dec 2026` (UTC, so a build anywhere says the same). */
export function formatDay(date: string): string {
  return new Intl.DateTimeFormat('en-AU', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(date));
}

/** `2026-12-06T21:30:00Z` → `December 2026`. */
export function formatMonth(date: string): string {
  return new Intl.DateTimeFormat('en-AU', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(date));
}

/** The changes of an entry counted by class, in the classes' order: `2 breaking, 1 annotation`. */
function classCounts(classes: readonly ChangeClass[]): string {
  return CHANGE_CLASSES.map((c) => [c, classes.filter((x) => x === c).length] as const)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${n} ${CLASS_LABELS[c].label.toLowerCase()}`)
    .join(', ');
}

/** One line about an entry: `3 changes: 1 breaking, 2 non-breaking.` */
export function entrySummary(entry: { initial: boolean; changes: { class: ChangeClass }[] }): string {
  if (entry.initial) return INITIAL_ENTRY;
  const n = entry.changes.length;
  return `${n} change${n === 1 ? '' : 's'}: ${classCounts(entry.changes.map((c) => c.class))}.`;
}

/** A piece of a recorded sentence: text, or its code (a Part of reference-model/words.ts, never a link). */
type MessagePart = string | { code: string };

/** A recorded sentence as parts: what is between backticks is code. */
export function messageParts(message: string): MessagePart[] {
  return message.split(/(`[^`]*`)/).flatMap((piece): MessagePart[] => (!piece ? [] : piece.startsWith('`') && piece.endsWith('`') && piece.length > 1 ? [{ code: piece.slice(1, -1) }] : [piece]));
}

/** Said after a removed operation where an entry lists it: ` (removed: <its last summary>)`, the summary through `text` (escaped or on one line, as the format needs). */
export function removedMention(summary: string, text: (summary: string) => string = (s) => s): string {
  return ` (removed${summary ? `: ${text(summary)}` : ''})`;
}

/** The badge of an operation changed lately: `Changed 6 Dec 2026`, and says so when the change breaks clients. */
export function changedBadge(date: string, breaking: boolean): string {
  return `Changed ${formatDay(date)}${breaking ? ' — breaking' : ''}`;
}

/** Said on the page left at a removed operation's old address. */
export function removedSentence(serviceTitle: string, date: string): string {
  return `This operation was removed from the ${serviceTitle} API on ${formatDay(date)}. What follows is how it was documented until then.`;
}
