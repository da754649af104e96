/**
 * The checks whose failure makes a document unusable, so they stop the build: not OpenAPI 3.x,
 * a `$ref` that points at nothing, and two operations with the same operationId.
 */
import { isObject } from './json.ts';
import { resolvePointer } from './pointer.ts';
import type { Problem } from './problems.ts';
import { forEachRef } from './references.ts';
import type { ParsedSource } from './source.ts';
import { forEachOperation } from './walk.ts';

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

export function checkRefs(source: ParsedSource): Problem[] {
  const problems: Problem[] = [];
  forEachRef(source.value, (ref, pointer) => {
    const at = `${pointer}/$ref`;
    if (!ref.startsWith('#')) {
      problems.push(error(source, at, `$ref "${ref}" points outside this document; keep each document self-contained (bundle it first)`));
      return;
    }
    const resolved = resolvePointer(source.value, ref);
    if (!resolved.found) {
      problems.push(error(source, at, `$ref "${ref}" resolves to nothing: there is no "${resolved.missing}" in ${resolved.parent}`));
    }
  });
  return problems;
}

export function checkOperationIds(source: ParsedSource): Problem[] {
  const seen = new Map<string, string>();
  const problems: Problem[] = [];
  forEachOperation(source.value, ({ path, method, operation, pointer: at }) => {
    const id = operation['operationId'];
    if (typeof id !== 'string') return;
    const pointer = `${at}/operationId`;
    const first = seen.get(id);
    if (first) {
      const where = source.locate(first);
      problems.push(error(source, pointer, `duplicate operationId "${id}": already used at line ${where.line} (${method.toUpperCase()} ${path})`));
    } else {
      seen.set(id, pointer);
    }
  });
  return problems;
}
