/**
 * An operation's own document (./operation-document.ts) as "Try it" opens it: the API client's
 * first request is the page's sample request. The sample's parameters carry its values, enabled;
 * every other parameter keeps its documented example, disabled (the client's `x-disabled`), so the
 * reader sees it as a hint and ticks it if they want it.
 */
import { parameterExample, type SampleParameter } from '../samples/sample-request.ts';
import { isObject, type Json } from './json.ts';
import { operationDocument } from './operation-document.ts';
import { resolvePointer } from './pointer.ts';

/** The name of the one example each parameter gets. */
const SAMPLE_EXAMPLE = 'Sample request';

/** A parameter of the document, its `$ref` followed (the copy's own object, safe to change). */
function parameterObject(doc: Json, parameter: unknown): Json | undefined {
  if (!isObject(parameter)) return undefined;
  const ref = parameter['$ref'];
  if (typeof ref !== 'string') return parameter;
  const found = resolvePointer(doc, ref);
  return found.found && isObject(found.value) ? found.value : undefined;
}

export function tryItDocument(document: Json, path: string, method: string, sample: readonly SampleParameter[]): Json | undefined {
  const own = operationDocument(document, path, method);
  const pathItem = own && isObject(own['paths']) ? own['paths'][path] : undefined;
  if (!own || !isObject(pathItem)) return own;
  const operation = pathItem[method.toLowerCase()];
  const sent = new Map(sample.map((p) => [`${p.in}:${p.name}`, p.value]));
  const lists = [pathItem['parameters'], isObject(operation) ? operation['parameters'] : undefined];
  for (const parameter of lists.flatMap((list) => (Array.isArray(list) ? list : []))) {
    const object = parameterObject(own, parameter);
    if (!object || typeof object['name'] !== 'string') continue;
    const key = `${String(object['in'])}:${object['name']}`;
    const schema = parameterObject(own, object['schema']) ?? {};
    const value = sent.has(key) ? sent.get(key) : (parameterExample(object, schema) ?? schema['default']);
    delete object['example'];
    object['examples'] = { [SAMPLE_EXAMPLE]: { ...(value !== undefined ? { value } : {}), 'x-disabled': !sent.has(key) } };
  }
  return own;
}
