/**
 * Examples of request and response bodies: the document's own when it has them, otherwise one
 * generated from the schema — by Scalar's generator, the one its API client uses, so the page
 * and the client show the same values. Generated examples say so.
 */
import { getExampleFromSchema } from '@scalar/workspace-store/request-example';
import { isObject, type Json } from '../openapi/json.ts';

export interface ExampleModel {
  /** The example's key in `examples`, when the document names it. */
  name?: string;
  summary?: string;
  description?: string;
  /** The value as text: pretty JSON for JSON media types, the text itself otherwise. */
  text: string;
  /** The value itself (an object of form fields, a JSON value, a text), for the samples to send. */
  value: unknown;
  /** Shiki language of `text`. */
  lang: 'json' | 'yaml' | 'xml' | 'text';
  /** Made from the schema, not given by the document. */
  generated: boolean;
}

export function isJsonMedia(mediaType: string): boolean {
  return /[/+]json\b/i.test(mediaType) || mediaType === '*/*';
}

function languageOf(mediaType: string): ExampleModel['lang'] {
  if (isJsonMedia(mediaType)) return 'json';
  if (/yaml/i.test(mediaType)) return 'yaml';
  if (/xml/i.test(mediaType)) return 'xml';
  return 'text';
}

function asText(value: unknown, lang: ExampleModel['lang']): string {
  if (typeof value === 'string' && lang !== 'json') return value;
  return JSON.stringify(value, null, 2) ?? String(value);
}

type GeneratorSchema = Parameters<typeof getExampleFromSchema>[0];

/**
 * Scalar's generator fills `date-time`, `date` and `time` strings with the moment its module was
 * loaded, which would make every build's pages differ: a generated example shows GENERATED_MOMENT instead.
 */
export const GENERATED_MOMENT = { 'date-time': '2026-01-15T09:30:00.000Z', date: '2026-01-15', time: '09:30:00' } as const;
const generate = (schema: GeneratorSchema, mode: 'request' | 'response') =>
  getExampleFromSchema(schema, { emptyString: 'string', mode: mode === 'request' ? 'write' : 'read' });
const loadMoment = new Map(Object.entries(GENERATED_MOMENT).map(([format, fixed]) => [generate({ type: 'string', format } as GeneratorSchema, 'response') as string, fixed]));

function fixMoment(value: unknown): unknown {
  if (typeof value === 'string') return loadMoment.get(value) ?? value;
  if (Array.isArray(value)) return value.map(fixMoment);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fixMoment(v)]));
  return value;
}

/** A value for a (dereferenced) schema, as the API client would fill it in (with a fixed moment for dates and times). */
export function generateValue(schema: unknown, mode: 'request' | 'response'): unknown {
  if (!isObject(schema)) return undefined;
  return fixMoment(generate(schema as GeneratorSchema, mode));
}

const MAX_EXAMPLE_CHARS = 20_000;

/**
 * The examples of one media type object (dereferenced): its `examples`, else its `example`, else
 * the schema's own example, else one generated from the schema. Empty when there is no schema.
 */
export function mediaExamples(mediaType: string, media: Json, mode: 'request' | 'response'): ExampleModel[] {
  const lang = languageOf(mediaType);
  const named = isObject(media['examples']) ? Object.entries(media['examples']).filter(([, e]) => isObject(e)) : [];
  if (named.length) {
    return named.map(([name, e]) => {
      const example = e as Json;
      const value = example['value'] !== undefined ? example['value'] : example['externalValue'];
      return {
        name,
        ...(typeof example['summary'] === 'string' ? { summary: example['summary'] } : {}),
        ...(typeof example['description'] === 'string' ? { description: example['description'] } : {}),
        text: asText(value, lang),
        value,
        lang,
        generated: false,
      };
    });
  }
  if (media['example'] !== undefined) return [{ text: asText(media['example'], lang), value: media['example'], lang, generated: false }];
  const schema = media['schema'];
  if (!isObject(schema)) return [];
  if (schema['example'] !== undefined) return [{ text: asText(schema['example'], lang), value: schema['example'], lang, generated: false }];
  // Generated only where a generated value reads as the real thing: JSON and YAML bodies.
  if ((lang !== 'json' && lang !== 'yaml') || schema['format'] === 'binary') return [];
  const value = generateValue(schema, mode);
  if (value === undefined) return [];
  const text = asText(value, lang);
  return [{ text: text.length > MAX_EXAMPLE_CHARS ? `${text.slice(0, MAX_EXAMPLE_CHARS)}\n…` : text, value, lang, generated: true }];
}
