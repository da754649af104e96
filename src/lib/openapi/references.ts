/**
 * Local `$ref`s of an OpenAPI document: where they are, and what they point at. One rule for
 * every reader of references (the build's check, the dereferencer, the operation's own document):
 * values under data keys (`example`, `default`, …, a schema's `examples` list) are data, so a
 * `$ref` inside them is not a reference — except where the key is a name an author chose (a
 * property called "example" is still a schema).
 */
import { isObject } from './json.ts';
import { escapeSegment } from './pointer.ts';

/** Keys whose values are data, not OpenAPI structure. */
const DATA_KEYS = new Set(['example', 'default', 'enum', 'const', 'value']);
/** Keys whose children are named by the author. */
const NAME_MAPS = new Set(['properties', 'patternProperties', 'schemas', 'parameters', 'responses', 'examples', 'headers', 'securitySchemes', 'paths', 'callbacks', 'links', 'requestBodies', 'pathItems', 'webhooks', '$defs', 'definitions', 'content', 'encoding', 'dependentSchemas']);

/** Whether the value under `key` is data, in an object that sits under `parentKey`. */
export function isData(key: string, value: unknown, parentKey: string): boolean {
  if (NAME_MAPS.has(parentKey)) return false;
  return DATA_KEYS.has(key) || (key === 'examples' && Array.isArray(value));
}

/** The `parentKey` of the children of the value under `key`. */
export function childParentKey(key: string, parentKey: string): string {
  return NAME_MAPS.has(parentKey) ? '' : key;
}

/** Calls `visit` with every `$ref` string in `node` (outside data) and the pointer of its object. */
export function forEachRef(node: unknown, visit: (ref: string, pointer: string) => void, pointer = '#', parentKey = ''): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => forEachRef(item, visit, `${pointer}/${i}`, parentKey));
    return;
  }
  if (!isObject(node)) return;
  const ref = node['$ref'];
  if (typeof ref === 'string') visit(ref, pointer);
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' || isData(key, value, parentKey)) continue;
    forEachRef(value, visit, `${pointer}/${escapeSegment(key)}`, childParentKey(key, parentKey));
  }
}
