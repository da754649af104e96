/**
 * One operation's own OpenAPI document: the service's document cut down to that operation, the
 * path item's shared parameters, and every component it reaches through `$ref`s (transitively),
 * with the document's servers, security and security schemes. "Try it" hands this to the API
 * client instead of the whole document: the client then knows exactly the operation the reader
 * chose (so no other operation can be reached from it with credentials decided for this one), and
 * loads it in a fraction of the time a 90-operation document takes.
 */
import { isObject, type Json } from './json.ts';
import { pointerSegments } from './pointer.ts';
import { forEachRef } from './references.ts';

/** Top-level fields the operation's document keeps as they are. */
const KEPT = ['openapi', 'info', 'jsonSchemaDialect', 'servers', 'security', 'externalDocs'] as const;

/**
 * Copies what `segments` points at from `source` into `target`, creating the containers on the
 * way. A part already copied whole is left alone (it is the source's own object: never written to).
 */
function copyAt(source: unknown, target: Json, segments: string[]): unknown {
  let from: unknown = source;
  let to: Json | unknown[] = target;
  for (const [i, segment] of segments.entries()) {
    const next: unknown = Array.isArray(from) ? from[Number(segment)] : isObject(from) ? from[segment] : undefined;
    if (next === undefined) return undefined;
    const existing: unknown = Array.isArray(to) ? to[Number(segment)] : to[segment];
    if (existing === next) return undefined;
    if (i === segments.length - 1) {
      if (Array.isArray(to)) to[Number(segment)] = next;
      else to[segment] = next;
      return next;
    }
    const container: Json | unknown[] = isObject(existing) || Array.isArray(existing) ? existing : Array.isArray(next) ? [] : {};
    if (Array.isArray(to)) to[Number(segment)] = container;
    else to[segment] = container;
    from = next;
    to = container;
  }
  return undefined;
}

/** The operation's own document, or undefined when the document has no such operation. */
export function operationDocument(document: Json, path: string, method: string): Json | undefined {
  const pathItem = isObject(document['paths']) ? document['paths'][path] : undefined;
  const verb = method.toLowerCase();
  if (!isObject(pathItem) || !isObject(pathItem[verb])) return undefined;
  const operation = pathItem[verb];

  const out: Json = {};
  for (const key of KEPT) if (document[key] !== undefined) out[key] = document[key];
  const ownPathItem: Json = { [verb]: operation };
  for (const key of ['parameters', 'servers', 'summary', 'description'] as const) {
    if (pathItem[key] !== undefined) ownPathItem[key] = pathItem[key];
  }
  out['paths'] = { [path]: ownPathItem };

  const tags = Array.isArray(operation['tags']) ? operation['tags'] : [];
  if (Array.isArray(document['tags'])) {
    const used = document['tags'].filter((tag) => isObject(tag) && tags.includes(tag['name']));
    if (used.length) out['tags'] = used;
  }

  const components: Json = {};
  const schemes = isObject(document['components']) ? document['components']['securitySchemes'] : undefined;
  if (schemes !== undefined) components['securitySchemes'] = schemes;
  out['components'] = components;

  const pending: string[] = [];
  const collect = (node: unknown) => forEachRef(node, (ref) => ref.startsWith('#/') && pending.push(ref));
  collect(ownPathItem);
  const seen = new Set<string>();
  for (let ref = pending.pop(); ref !== undefined; ref = pending.pop()) {
    if (seen.has(ref)) continue;
    seen.add(ref);
    const copied = copyAt(document, out, pointerSegments(ref));
    if (copied !== undefined) collect(copied);
  }
  if (Object.keys(components).length === 0) delete out['components'];
  // A copy of its own: whoever receives it may change it, and the source document is shared.
  return structuredClone(out);
}
