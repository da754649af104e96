/**
 * Lists the operations of an OpenAPI document, in document order, with what a reader needs to
 * find and call each one: its identity, its anchor and page slug, and its access (./access.ts).
 */
import { accessReader, type Access } from './access.ts';
import { isObject } from './json.ts';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface OperationSummary {
  operationId: string;
  /** True when the document has no operationId and one was derived from method and path. */
  generatedId: boolean;
  method: Uppercase<HttpMethod>;
  path: string;
  summary: string;
  description: string;
  tag: string;
  deprecated: boolean;
  access: Access;
  /** The `#op-…` anchor of its entry in the service page's index: safe as an HTML id. */
  anchor: string;
  /** Its page's URL segment (./operationSlug), unique in the document. */
  slug: string;
}

export function anchorFor(operationId: string): string {
  const cleaned = operationId.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return `op-${cleaned || 'operation'}`;
}

/**
 * The URL segment of an operation's page: its operationId in kebab case
 * (`searchOccurrences` → `search-occurrences`, `getOccurrenceUUIDs` → `get-occurrence-uuids`,
 * a generated `get/ws/{id}` → `get-ws-id`). Stable: it depends on the operationId only.
 */
export function operationSlug(operationId: string): string {
  // Words: an acronym plural (`UUIDs`), an acronym (`UUID`, `V2`), a word (`Record`, `search2`), digits.
  const words = operationId.match(/[A-Z]{2,}s(?![a-z])|[A-Z]+\d*(?![a-z])|[A-Z]?[a-z]+\d*|\d+/g) ?? [];
  return words.join('-').toLowerCase() || 'operation';
}

export function listOperations(doc: unknown): OperationSummary[] {
  if (!isObject(doc) || !isObject(doc['paths'])) return [];
  const access = accessReader(doc);
  const operations: OperationSummary[] = [];
  const usedAnchors = new Set<string>();
  const usedSlugs = new Set<string>();
  for (const [path, item] of Object.entries(doc['paths'])) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const hasId = typeof op['operationId'] === 'string' && op['operationId'] !== '';
      const operationId = hasId ? (op['operationId'] as string) : `${method}${path}`;
      let anchor = anchorFor(operationId);
      for (let n = 2; usedAnchors.has(anchor); n++) anchor = `${anchorFor(operationId)}-${n}`;
      usedAnchors.add(anchor);
      let slug = operationSlug(operationId);
      for (let n = 2; usedSlugs.has(slug); n++) slug = `${operationSlug(operationId)}-${n}`;
      usedSlugs.add(slug);
      const tags = Array.isArray(op['tags']) ? op['tags'].filter((t): t is string => typeof t === 'string') : [];
      operations.push({
        operationId,
        generatedId: !hasId,
        method: method.toUpperCase() as Uppercase<HttpMethod>,
        path,
        summary: typeof op['summary'] === 'string' ? op['summary'] : '',
        description: typeof op['description'] === 'string' ? op['description'] : '',
        tag: tags[0] ?? 'Other operations',
        deprecated: op['deprecated'] === true,
        access: access(op),
        anchor,
        slug,
      });
    }
  }
  return operations;
}
