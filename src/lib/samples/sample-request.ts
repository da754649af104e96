/**
 * The request an operation's page shows: what its Shell, Python and R samples send, and what
 * "Try it" sends first. One source for both, so they cannot differ: every required and path
 * parameter, and the first few optional parameters that have an example, with those values.
 */
import type { Access } from '../openapi/access.ts';
import { isObject, type Json } from '../openapi/json.ts';
import { firstExample } from '../reference-model/schema-tree.ts';

/** A parameter's documented example: its own (`example`, first of `examples`), else its schema's. */
export function parameterExample(param: Json, schema: Json): unknown {
  if (param['example'] !== undefined) return param['example'];
  if (isObject(param['examples'])) {
    const first = Object.values(param['examples']).find(isObject);
    if (first && first['value'] !== undefined) return first['value'];
  }
  return firstExample(schema);
}

/** What the sample request needs of an operation. */
export interface SampleInput {
  method: string;
  /** Full URL with `{param}` templates. */
  url: string;
  parameters: { name: string; in: string; required: boolean; value?: unknown }[];
  body?: { mediaType: string; value?: unknown };
  access: Access;
}

export interface SampleParameter {
  name: string;
  in: string;
  /** The value as the document gives it: a string, a number, a list for a repeated parameter… */
  value: unknown;
}

export interface SampleRequest {
  method: string;
  /** The URL with the path parameters filled in. */
  url: string;
  /** The parameters it sends (path ones included), in the document's order. */
  parameters: SampleParameter[];
  body?: { mediaType: string; value?: unknown };
  access: Access;
}

/** Optional parameters with an example that the request sends, beside every required one. */
const OPTIONAL_IN_SAMPLE = 4;

/** A value as it travels in a URL, header or form field. */
export function valueText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/** The values of a parameter: several for a repeated (array) one. */
export function valueTexts(value: unknown): string[] {
  return Array.isArray(value) ? value.map(valueText) : [valueText(value)];
}

export function sampleRequest(input: SampleInput): SampleRequest {
  let optional = 0;
  const parameters = input.parameters
    .filter((p) => p.value !== undefined || p.required)
    .filter((p) => p.required || p.in === 'path' || optional++ < OPTIONAL_IN_SAMPLE)
    .map((p) => ({ name: p.name, in: p.in, value: p.value }));
  let url = input.url;
  for (const p of parameters.filter((p) => p.in === 'path')) {
    url = url.replaceAll(`{${p.name}}`, p.value === undefined ? `{${p.name}}` : encodeURIComponent(valueText(p.value)));
  }
  return { method: input.method.toUpperCase(), url, parameters, ...(input.body ? { body: input.body } : {}), access: input.access };
}
