/**
 * The checks whose failure makes a document unusable, so they stop the build: not OpenAPI 3.x,
 * a `$ref` that points at nothing, and two operations with the same operationId.
 */
import type { Problem } from './problems.ts';
import type { ParsedSource } from './source.ts';
import { HTTP_METHODS } from './operations.ts';
import { isObject } from './json.ts';

function escapeSegment(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Resolves a local `$ref` (`#/...`) in `root`; returns undefined when any step is missing. */
export function resolvePointer(root: unknown, ref: string): { found: true; value: unknown } | { found: false; missing: string; parent: string } {
  const body = ref.replace(/^#/, '');
  const segments = body === '' ? [] : body.slice(1).split('/').map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = root;
  let walked = '#';
  for (const segment of segments) {
    const next = Array.isArray(node) ? node[Number(segment)] : isObject(node) ? node[segment] : undefined;
    if (next === undefined) return { found: false, missing: segment, parent: walked };
    node = next;
    walked += `/${escapeSegment(segment)}`;
  }
  return { found: true, value: node };
}

function error(source: ParsedSource, pointer: string, message: string): Problem {
  return { file: source.file, position: source.locate(pointer), message, severity: 'error' };
}

export function checkVersion(source: ParsedSource): Problem[] {
  const doc = source.value;
  if (!isObject(doc)) return [error(source, '#', 'not an OpenAPI document: expected a mapping at the top level')];
  const version = doc['openapi'];
  if (typeof version !== 'string' || !/^3\.\d+(\.\d+)?$/.test(version)) {
    const found = doc['swagger'] !== undefined ? `Swagger ${String(doc['swagger'])}` : version === undefined ? 'no "openapi" field' : `openapi: ${String(version)}`;
    return [error(source, doc['openapi'] !== undefined ? '#/openapi' : '#', `not an OpenAPI 3.x document (${found}); convert it to OpenAPI 3.0 or 3.1`)];
  }
  if (!isObject(doc['paths']) && !isObject(doc['webhooks']) && !isObject(doc['components'])) {
    return [error(source, '#', 'not an OpenAPI 3.x document: it has no "paths"')];
  }
  return [];
}

/** Keys whose values are data, not OpenAPI structure: a "$ref" inside them is not a reference. */
const DATA_KEYS = new Set(['example', 'default', 'enum', 'const', 'value']);
/** Keys whose children are named by the author, so a child called "example" is still structure. */
const NAME_MAPS = new Set(['properties', 'patternProperties', 'schemas', 'parameters', 'responses', 'examples', 'headers', 'securitySchemes', 'paths', 'callbacks', 'links', 'requestBodies', 'pathItems', 'webhooks', '$defs', 'definitions']);

export function checkRefs(source: ParsedSource): Problem[] {
  const problems: Problem[] = [];
  const walk = (node: unknown, pointer: string, parentKey: string): void => {
    if (Array.isArray(node)) {
      if (parentKey === 'examples') return;
      node.forEach((item, i) => walk(item, `${pointer}/${i}`, parentKey));
      return;
    }
    if (!isObject(node)) return;
    const ref = node['$ref'];
    if (typeof ref === 'string') {
      const at = `${pointer}/$ref`;
      if (!ref.startsWith('#')) {
        problems.push(error(source, at, `$ref "${ref}" points outside this document; keep each document self-contained (bundle it first)`));
      } else {
        const resolved = resolvePointer(source.value, ref);
        if (!resolved.found) {
          problems.push(error(source, at, `$ref "${ref}" resolves to nothing: there is no "${resolved.missing}" in ${resolved.parent}`));
        }
      }
    }
    const named = NAME_MAPS.has(parentKey);
    for (const [key, value] of Object.entries(node)) {
      if (!named && DATA_KEYS.has(key)) continue;
      walk(value, `${pointer}/${escapeSegment(key)}`, named ? '' : key);
    }
  };
  walk(source.value, '#', '');
  return problems;
}

export function checkOperationIds(source: ParsedSource): Problem[] {
  const doc = source.value;
  if (!isObject(doc) || !isObject(doc['paths'])) return [];
  const seen = new Map<string, string>();
  const problems: Problem[] = [];
  for (const [path, item] of Object.entries(doc['paths'])) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op) || typeof op['operationId'] !== 'string') continue;
      const id = op['operationId'];
      const pointer = `#/paths/${escapeSegment(path)}/${method}/operationId`;
      const first = seen.get(id);
      if (first) {
        const where = source.locate(first);
        problems.push(error(source, pointer, `duplicate operationId "${id}": already used at line ${where.line} (${method.toUpperCase()} ${path})`));
      } else {
        seen.set(id, pointer);
      }
    }
  }
  return problems;
}
