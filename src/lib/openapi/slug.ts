/**
 * Every name the site derives from a document's names: service ids, page slugs, and HTML ids of
 * anchors. Each is stable (it depends on the name only) and URL- and HTML-safe.
 */

/** Lower-case words joined by hyphens: `Fields & metadata` → `fields-metadata` (empty when it has none). */
export function kebab(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** A name as part of an HTML id: anything but letters, digits, `_` and `-` becomes `-`. */
export function idPart(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
}

/** `base`, or `base-2`, `base-3`… whichever `used` does not hold yet; adds it to `used`. */
export function unique(base: string, used: Set<string>): string {
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
  used.add(name);
  return name;
}

export const DOCUMENT_PATTERN = /^(.+)\.(ya?ml|json)$/i;

/** The service id of a document file: its name without extension, as a URL-safe slug. */
export function documentId(fileName: string): string {
  return kebab(DOCUMENT_PATTERN.exec(fileName)?.[1] ?? fileName) || 'api';
}

/**
 * The URL segment of an operation's page: its operationId in kebab case
 * (`searchOccurrences` → `search-occurrences`, `getOccurrenceUUIDs` → `get-occurrence-uuids`,
 * a generated `get/ws/{id}` → `get-ws-id`).
 */
export function operationSlug(operationId: string): string {
  // Words: an acronym plural (`UUIDs`), an acronym (`UUID`, `V2`), a word (`Record`, `search2`), digits.
  const words = operationId.match(/[A-Z]{2,}s(?![a-z])|[A-Z]+\d*(?![a-z])|[A-Z]?[a-z]+\d*|\d+/g) ?? [];
  return words.join('-').toLowerCase() || 'operation';
}

/** The `#op-…` anchor of an operation's entry in its service page's index. */
export function operationAnchor(operationId: string): string {
  return `op-${idPart(operationId) || 'operation'}`;
}

/** The `#tag-…` anchor of a tag's group in a service page's index. */
export function tagAnchor(name: string): string {
  return `tag-${kebab(name) || 'other'}`;
}
