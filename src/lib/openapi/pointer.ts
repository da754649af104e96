/** JSON pointers into a document (`#/paths/~1a/get`): their segments, and what they point at. */
import { isObject } from './json.ts';

export function escapeSegment(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The segments of a local pointer (`#/components/schemas/a~1b` → components, schemas, a/b; `#/` → one empty key). */
export function pointerSegments(pointer: string): string[] {
  const body = pointer.replace(/^#/, '');
  return body === '' ? [] : body.slice(1).split('/').map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The pointer of a path of keys (`['paths', '/a', 'get']` → `#/paths/~1a/get`). */
export function pointerOf(segments: readonly string[]): string {
  return `#${segments.map((s) => `/${escapeSegment(s)}`).join('')}`;
}

/** Resolves a local pointer (`#/...`) in `root`; says which step is missing when one is. */
export function resolvePointer(root: unknown, pointer: string): { found: true; value: unknown } | { found: false; missing: string; parent: string } {
  let node: unknown = root;
  let walked = '#';
  for (const segment of pointerSegments(pointer)) {
    const next = Array.isArray(node) ? node[Number(segment)] : isObject(node) ? node[segment] : undefined;
    if (next === undefined) return { found: false, missing: segment, parent: walked };
    node = next;
    walked += `/${escapeSegment(segment)}`;
  }
  return { found: true, value: node };
}
