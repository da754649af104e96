/**
 * Where two parsed OpenAPI documents differ as JSON values, and which operations reach a place
 * of a document through `$ref`s. The diff engine compares structure and scalar fields only: an
 * example written as an object, a `default` object or an Example's `value` can change without it
 * noticing. These differences let src/lib/changelog/api-diff.ts find such changes and name them.
 */
import { isObject, type Json } from '../openapi/json.ts';
import { escapeSegment, pointerSegments, resolvePointer } from '../openapi/pointer.ts';
import { forEachRef } from '../openapi/references.ts';
import { forEachOperation, HTTP_METHODS } from '../openapi/walk.ts';

/** An operation as the changes name it: its method (upper case) and path. */
export interface OperationKey {
  method: string;
  path: string;
}

const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : isObject(value)
      ? `{${Object.keys(value)
          .sort()
          .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
          .join(',')}}`
      : (JSON.stringify(value) ?? 'undefined');

/**
 * The pointers where `base` and `revision` differ: a key one side lacks, a different scalar, a
 * list of another length (the list's own pointer). Lists that hold the same items in another
 * order, and `$ref` strings (the engine compares what they point at), are not differences.
 */
export function valueDifferences(base: unknown, revision: unknown, pointer = '#'): string[] {
  if (canonical(base) === canonical(revision)) return [];
  if (isObject(base) && isObject(revision)) {
    return [...new Set([...Object.keys(base), ...Object.keys(revision)])]
      .filter((key) => key !== '$ref')
      .flatMap((key) => valueDifferences(base[key], revision[key], `${pointer}/${escapeSegment(key)}`));
  }
  if (Array.isArray(base) && Array.isArray(revision)) {
    if (base.map(canonical).sort().join('\n') === revision.map(canonical).sort().join('\n')) return [];
    if (base.length !== revision.length) return [pointer];
    return base.flatMap((item, i) => valueDifferences(item, revision[i], `${pointer}/${i}`));
  }
  return [pointer];
}

/** Whether a change at `changed` accounts for a difference at `difference` (one holds the other). */
export const covers = (changed: string, difference: string) =>
  changed === difference || difference.startsWith(`${changed}/`) || changed.startsWith(`${difference}/`);

/** Whether a key of a path item is an operation's (`get`, `post`…). */
export const isMethod = (key: unknown) => typeof key === 'string' && (HTTP_METHODS as readonly string[]).includes(key);

/** The component a pointer is in (`#/components/schemas/A`), if it is in one. */
function componentOf(segments: string[]): string | undefined {
  return segments[0] === 'components' && segments.length >= 3 ? `#/components/${escapeSegment(segments[1]!)}/${escapeSegment(segments[2]!)}` : undefined;
}

/** The components an operation reaches, transitively (its path item's parameters included). */
function reachedComponents(document: Json, roots: unknown[]): Set<string> {
  const reached = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    forEachRef(queue.shift(), (ref) => {
      const component = componentOf(pointerSegments(ref));
      if (!component || reached.has(component)) return;
      reached.add(component);
      const found = resolvePointer(document, component);
      if (found.found) queue.push(found.value);
    });
  }
  return reached;
}

/** The operations of `document` that a change at `pointer` reaches. */
export function operationsAt(document: Json, pointer: string): OperationKey[] {
  const segments = pointerSegments(pointer);
  const found: OperationKey[] = [];
  const component = componentOf(segments);
  forEachOperation(document, ({ path, method, pathItem, operation }) => {
    const key = { method: method.toUpperCase(), path };
    if (segments[0] === 'paths' && segments[1] === path && (!isMethod(segments[2]) || segments[2] === method)) found.push(key);
    else if (component && reachedComponents(document, [operation, pathItem['parameters']]).has(component)) found.push(key);
  });
  return found;
}
