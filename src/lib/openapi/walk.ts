/** The one walk over a document's operations: every path item and method, in document order. */
import { isObject, type Json } from './json.ts';
import { pointerOf } from './pointer.ts';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface OperationAt {
  path: string;
  method: HttpMethod;
  pathItem: Json;
  operation: Json;
  /** `#/paths/~1a/get` */
  pointer: string;
}

/** Calls `visit` for each operation of `doc` (`paths` only: webhooks have no URL to call). */
export function forEachOperation(doc: unknown, visit: (at: OperationAt) => void): void {
  const paths = isObject(doc) && isObject(doc['paths']) ? doc['paths'] : {};
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (isObject(operation)) visit({ path, method, pathItem, operation, pointer: pointerOf(['paths', path, method]) });
    }
  }
}

/** The path items and operations of `doc`, each once: where servers of their own may be declared, below the document's. */
export function nestedServerHolders(doc: unknown): Json[] {
  const holders = new Set<Json>();
  forEachOperation(doc, ({ pathItem, operation }) => holders.add(pathItem).add(operation));
  return [...holders];
}

/** The number of operations of a document. */
export function countOperations(doc: unknown): number {
  let n = 0;
  forEachOperation(doc, () => n++);
  return n;
}
