/**
 * Everything an operation's page shows, from its (dereferenced) document: where it is called,
 * who may call it, its parameters by location, its request body and responses with schema trees
 * and examples, and request samples. Pages render this model and nothing else.
 */
import { accessReader, type Access } from '../openapi/access.ts';
import type { Dereferenced } from '../openapi/dereference.ts';
import { asString, isObject, type Json } from '../openapi/json.ts';
import { idPart, operationAnchor, operationSlug, unique } from '../openapi/slug.ts';
import { forEachOperation, type HttpMethod, type OperationAt } from '../openapi/walk.ts';
import type { SampleSet } from '../samples/languages.ts';
import { requestSamples, type SampleInput } from '../samples/request-samples.ts';
import { generateValue, mediaExamples, type ExampleModel } from './examples.ts';
import { schemaTree, type SchemaNode } from './schema-tree.ts';

/** An operation as its service's index lists it: identity, anchor, page slug and access. */
export interface OperationSummary {
  operationId: string;
  /** True when the document has no operationId and one was derived from method and path. */
  generatedId: boolean;
  method: Uppercase<HttpMethod>;
  path: string;
  summary: string;
  description: string;
  tag: string;
  deprecated: boolean;
  access: Access;
  /** The `#op-…` anchor of its entry in the service page's index: safe as an HTML id. */
  anchor: string;
  /** Its page's URL segment (operationSlug), unique in the document. */
  slug: string;
}

export const PARAMETER_LOCATIONS = ['path', 'query', 'header', 'cookie'] as const;
export type ParameterLocation = (typeof PARAMETER_LOCATIONS)[number];

export interface ParameterModel {
  name: string;
  in: ParameterLocation;
  required: boolean;
  deprecated: boolean;
  /** Markdown. */
  description: string;
  schema: SchemaNode;
  /** The example as shown: a string as is, anything else as JSON. */
  example?: string;
}

export interface MediaModel {
  mediaType: string;
  schema?: SchemaNode;
  examples: ExampleModel[];
}

export interface BodyModel {
  description: string;
  required: boolean;
  contents: MediaModel[];
}

export interface HeaderModel {
  name: string;
  description: string;
  required: boolean;
  schema: SchemaNode;
}

export interface ResponseModel {
  /** As written in the document: `200`, `4XX`, `default`. */
  status: string;
  description: string;
  headers: HeaderModel[];
  contents: MediaModel[];
}

export interface ServerModel {
  url: string;
  description: string;
}

export interface PageLink {
  href: string;
  title: string;
}

export interface OperationModel extends OperationSummary {
  serviceId: string;
  /** The page's path, `/services/<service>/<slug>/`. */
  href: string;
  /** The page title: the summary, or the operationId when there is none. */
  title: string;
  servers: ServerModel[];
  /** The operation's URL on its first server, with `{path}` templates. */
  url: string;
  parameters: ParameterModel[];
  requestBody?: BodyModel;
  responses: ResponseModel[];
  samples: SampleSet;
  /** The request the samples make: the documented example request (`npm run verify:live` sends it). */
  sampleRequest: SampleInput;
  prev?: PageLink;
  next?: PageLink;
}

const exampleText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Server URLs with their variables set to their defaults. */
function serversOf(list: unknown): ServerModel[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).map((server) => {
    const variables = isObject(server['variables']) ? server['variables'] : {};
    const url = asString(server['url']).replace(/\{([^}]+)\}/g, (whole, name: string) => {
      const variable = variables[name];
      return isObject(variable) && variable['default'] !== undefined ? String(variable['default']) : whole;
    });
    return { url, description: asString(server['description']) };
  });
}

/** `https://api.ala.org.au/occurrences` + `/occurrences/search`, without a doubled slash. */
export function joinUrl(server: string, path: string): string {
  return `${server.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

/** A parameter's value for samples: its example, default or first allowed value, else one generated from its schema. */
function sampleValue(param: Json, schema: Json): unknown {
  if (param['example'] !== undefined) return param['example'];
  if (isObject(param['examples'])) {
    const first = Object.values(param['examples']).find(isObject);
    if (first && first['value'] !== undefined) return first['value'];
  }
  if (schema['example'] !== undefined) return schema['example'];
  if (Array.isArray(schema['examples']) && schema['examples'].length) return schema['examples'][0];
  return undefined;
}

function requiredSampleValue(schema: Json): unknown {
  if (schema['default'] !== undefined) return schema['default'];
  if (Array.isArray(schema['enum']) && schema['enum'].length) return schema['enum'][0];
  return generateValue(schema, 'request');
}

/** The summary of the operation at `at`; `used` holds the anchors and slugs its service has given out. */
export function operationSummary(at: OperationAt, access: Access, used: { anchors: Set<string>; slugs: Set<string> }): OperationSummary {
  const op = at.operation;
  const hasId = typeof op['operationId'] === 'string' && op['operationId'] !== '';
  const operationId = hasId ? (op['operationId'] as string) : `${at.method}${at.path}`;
  const tags = Array.isArray(op['tags']) ? op['tags'].filter((t): t is string => typeof t === 'string') : [];
  return {
    operationId,
    generatedId: !hasId,
    method: at.method.toUpperCase() as Uppercase<HttpMethod>,
    path: at.path,
    summary: asString(op['summary']),
    description: asString(op['description']),
    tag: tags[0] ?? 'Other operations',
    deprecated: op['deprecated'] === true,
    access,
    anchor: unique(operationAnchor(operationId), used.anchors),
    slug: unique(operationSlug(operationId), used.slugs),
  };
}

/** Every operation of a document with its summary, in document order: the one walk the model makes. */
export function documentOperations(document: Json): { summary: OperationSummary; at: OperationAt }[] {
  const access = accessReader(document);
  const used = { anchors: new Set<string>(), slugs: new Set<string>() };
  const found: { summary: OperationSummary; at: OperationAt }[] = [];
  forEachOperation(document, (at) => found.push({ summary: operationSummary(at, access(at.operation), used), at }));
  return found;
}

export interface OperationContext {
  serviceId: string;
  href: string;
  /** The whole document, dereferenced. */
  document: Json;
  deref: Dereferenced;
}

/** The page model of the operation at `at` (in the dereferenced document). */
export function operationModel(summary: OperationSummary, at: OperationAt, context: OperationContext): OperationModel {
  const { document, deref } = context;
  const item = at.pathItem;
  const op = at.operation;
  const idPrefix = (section: string) => `schema-${idPart(section)}`;
  const tree = (schema: unknown, section: string, mode: 'request' | 'response') => schemaTree(schema, { nameOf: deref.nameOf, idPrefix: idPrefix(section), mode });

  // Path-item parameters, overridden by the operation's own of the same name and location.
  const byKey = new Map<string, Json>();
  for (const p of [...(Array.isArray(item['parameters']) ? item['parameters'] : []), ...(Array.isArray(op['parameters']) ? op['parameters'] : [])]) {
    if (isObject(p) && typeof p['name'] === 'string') byKey.set(`${asString(p['in'])}:${p['name']}`, p);
  }
  const rawParameters = [...byKey.values()].filter((p) => (PARAMETER_LOCATIONS as readonly string[]).includes(asString(p['in'])));
  const schemaOfParameter = (p: Json): Json => {
    if (isObject(p['schema'])) return p['schema'];
    const content = isObject(p['content']) ? Object.values(p['content']).find(isObject) : undefined;
    return content && isObject(content['schema']) ? content['schema'] : {};
  };
  const parameters: ParameterModel[] = PARAMETER_LOCATIONS.flatMap((location) =>
    rawParameters
      .filter((p) => p['in'] === location)
      .map((p): ParameterModel => {
        const schema = schemaOfParameter(p);
        const example = sampleValue(p, schema);
        return {
          name: asString(p['name']),
          in: location,
          required: p['required'] === true || location === 'path',
          deprecated: p['deprecated'] === true,
          description: asString(p['description']),
          schema: tree(schema, `param-${location}-${asString(p['name'])}`, 'request'),
          ...(example !== undefined ? { example: exampleText(example) } : {}),
        };
      }),
  );

  const media = (content: unknown, section: string, mode: 'request' | 'response'): MediaModel[] =>
    isObject(content)
      ? Object.entries(content)
          .filter(([, m]) => isObject(m))
          .map(([mediaType, m]) => {
            const mediaObject = m as Json;
            return {
              mediaType,
              ...(isObject(mediaObject['schema']) ? { schema: tree(mediaObject['schema'], `${section}-${mediaType}`, mode) } : {}),
              examples: mediaExamples(mediaType, mediaObject, mode),
            };
          })
      : [];

  const body = isObject(op['requestBody']) ? op['requestBody'] : undefined;
  const requestBody: BodyModel | undefined = body
    ? { description: asString(body['description']), required: body['required'] === true, contents: media(body['content'], 'request', 'request') }
    : undefined;

  const responses: ResponseModel[] = isObject(op['responses'])
    ? Object.entries(op['responses'])
        .filter(([, r]) => isObject(r))
        .map(([status, r]) => {
          const response = r as Json;
          const headers = isObject(response['headers'])
            ? Object.entries(response['headers'])
                .filter(([, h]) => isObject(h))
                .map(([name, h]) => {
                  const header = h as Json;
                  return { name, description: asString(header['description']), required: header['required'] === true, schema: tree(schemaOfParameter(header), `response-${status}-header-${name}`, 'response') };
                })
            : [];
          return { status, description: asString(response['description']), headers, contents: media(response['content'], `response-${status}`, 'response') };
        })
    : [];

  const servers = serversOf(op['servers']).length ? serversOf(op['servers']) : serversOf(item['servers']).length ? serversOf(item['servers']) : serversOf(document['servers']);
  const url = joinUrl(servers[0]?.url ?? '', summary.path);

  const firstBody = requestBody?.contents[0];
  const sampleRequest: SampleInput = {
    method: summary.method,
    url,
    parameters: rawParameters.map((p) => {
      const schema = schemaOfParameter(p);
      const required = p['required'] === true || p['in'] === 'path';
      const value = sampleValue(p, schema) ?? (required ? requiredSampleValue(schema) : undefined);
      return { name: asString(p['name']), in: asString(p['in']), required, ...(value !== undefined ? { value } : {}) };
    }),
    ...(firstBody ? { body: { mediaType: firstBody.mediaType, value: bodyValue(firstBody.examples[0]) } } : {}),
    access: summary.access,
  };
  const samples = requestSamples(sampleRequest);

  return {
    ...summary,
    serviceId: context.serviceId,
    href: context.href,
    title: summary.summary || summary.operationId,
    servers,
    url,
    parameters,
    ...(requestBody ? { requestBody } : {}),
    responses,
    samples,
    sampleRequest,
  };
}

function bodyValue(example: ExampleModel | undefined): unknown {
  if (!example) return undefined;
  if (example.lang !== 'json') return example.text;
  try {
    return JSON.parse(example.text) as unknown;
  } catch {
    return example.text;
  }
}
