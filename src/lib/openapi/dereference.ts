/**
 * A document's local `$ref`s replaced by what they point at, as one object graph: a schema used
 * twice is one object, a circular schema is a cycle. The name of every component a reference
 * pointed at is kept, because readers need it ("Occurrence", "Taxon") and a plain dereferencer
 * erases it. The document itself is never changed.
 */
import { isObject, type Json } from './json.ts';
import { pointerSegments, resolvePointer } from './pointer.ts';
import { childParentKey, isData } from './references.ts';

export interface Dereferenced {
  /** The node with every `$ref` inside it resolved. */
  resolve(node: unknown): unknown;
  /** The component name of an object a `$ref` pointed at (`#/components/schemas/Taxon` → `Taxon`). */
  nameOf(node: unknown): string | undefined;
}

function componentName(ref: string): string | undefined {
  return pointerSegments(ref).pop() || undefined;
}

export function dereference(root: Json): Dereferenced {
  const byRef = new Map<string, Json>();
  const names = new WeakMap<object, string>();
  const converted = new WeakMap<object, unknown>();

  const target = (ref: string): unknown => {
    const known = byRef.get(ref);
    if (known) return known;
    const found = resolvePointer(root, ref);
    // The loader has already stopped the build on dangling references; an external one stays as is.
    if (!found.found || !isObject(found.value)) return found.found ? found.value : {};
    const out: Json = {};
    byRef.set(ref, out);
    const name = componentName(ref);
    if (name) names.set(out, name);
    const resolved = convert(found.value, '');
    if (isObject(resolved)) {
      Object.assign(out, resolved);
      const inner = names.get(resolved);
      if (inner && !name) names.set(out, inner);
    }
    return out;
  };

  const convert = (node: unknown, parentKey: string): unknown => {
    if (Array.isArray(node)) return node.map((item) => convert(item, parentKey));
    if (!isObject(node)) return node;
    const ref = node['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#')) {
      const resolved = target(ref);
      const siblings = Object.keys(node).filter((k) => k !== '$ref');
      // OpenAPI 3.1 lets a reference carry its own description or summary: the reference's own
      // words win, on a copy (the shared target must not change).
      if (siblings.length === 0 || !isObject(resolved) || Object.keys(resolved).length === 0) return resolved;
      const copy: Json = { ...resolved };
      for (const key of siblings) copy[key] = convert(node[key], '');
      const name = names.get(resolved);
      if (name) names.set(copy, name);
      return copy;
    }
    const done = converted.get(node);
    if (done) return done;
    const out: Json = {};
    converted.set(node, out);
    for (const [key, value] of Object.entries(node)) {
      out[key] = isData(key, value, parentKey) ? value : convert(value, childParentKey(key, parentKey));
    }
    return out;
  };

  return {
    resolve: (node) => convert(node, ''),
    nameOf: (node) => (isObject(node) ? names.get(node) : undefined),
  };
}
