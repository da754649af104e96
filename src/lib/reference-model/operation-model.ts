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
import { requestSamples } from '../samples/request-samples.ts';
import { parameterExample, sampleRequest, valueText, type SampleRequest } from '../samples/sample-request.ts';
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
  /** The operation's URL on its first server, with `{path}` templates. */
  url: string;
  parameters: ParameterModel[];
  requestBody?: BodyModel;
  responses: ResponseModel[];
  /** What the samples send, and "Try it" sends first. */
  sample: SampleRequest;
  samples: SampleSet;
  prev?: PageLink;
  next?: PageLink;
}

/** The URLs of a `servers` list, their variables set to their defaults. */
function serverUrls(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).map((server) => {
    const variables = isObject(server['variables']) ? server['variables'] : {};
    return asString(server['url']).replace(/\{([^}]+)\}/g, (whole, name: string) => {
      const variable = variables[name];
      return isObject(variable) && variable['default'] !== undefined ? String(variable['default']) : whole;
    });
  });
}

/** `https://api.ala.org.au/occurrences` + `/occurrences/search`, without a doubled slash. */
export function joinUrl(server: string, path: string): string {
  return `${server.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The schema of a parameter or header: its own, or its first content's. */
function schemaOf(p: Json): Json {
  if (isObject(p['schema'])) return p['schema'];
  const content = isObject(p['content']) ? Object.values(p['content']).find(isObject) : undefined;
  return content && isObject(content['schema']) ? content['schema'] : {};
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

  // Path-item parameters, overridden by the operation's own of the same name and location; each
  // read once, for the page (grouped by location) and for the sample request (in document order).
  const byKey = new Map<string, Json>();
  for (const p of [...(Array.isArray(item['parameters']) ? item['parameters'] : []), ...(Array.isArray(op['parameters']) ? op['parameters'] : [])]) {
    if (isObject(p) && typeof p['name'] === 'string') byKey.set(`${asString(p['in'])}:${p['name']}`, p);
  }
  const declared = [...byKey.values()]
    .filter((p) => (PARAMETER_LOCATIONS as readonly string[]).includes(asString(p['in'])))
    .map((p) => {
      const location = p['in'] as ParameterLocation;
      const schema = schemaOf(p);
      return { p, name: asString(p['name']), location, schema, required: p['required'] === true || location === 'path', example: parameterExample(p, schema) };
    });
  const parameters: ParameterModel[] = PARAMETER_LOCATIONS.flatMap((location) =>
    declared
      .filter((d) => d.location === location)
      .map((d): ParameterModel => ({
        name: d.name,
        in: location,
        required: d.required,
        deprecated: d.p['deprecated'] === true,
        description: asString(d.p['description']),
        schema: tree(d.schema, `param-${location}-${d.name}`, 'request'),
        ...(d.example !== undefined ? { example: valueText(d.example) } : {}),
      })),
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
                  return { name, description: asString(header['description']), required: header['required'] === true, schema: tree(schemaOf(header), `response-${status}-header-${name}`, 'response') };
                })
            : [];
          return { status, description: asString(response['description']), headers, contents: media(response['content'], `response-${status}`, 'response') };
        })
    : [];

  // The operation's own servers, else its path item's, else the document's.
  const servers = [op['servers'], item['servers'], document['servers']].map(serverUrls).find((list) => list.length > 0) ?? [];
  const url = joinUrl(servers[0] ?? '', summary.path);

  const firstBody = requestBody?.contents[0];
  const sample = sampleRequest({
    method: summary.method,
    url,
    parameters: declared.map((d) => {
      const value = d.example ?? (d.required ? requiredSampleValue(d.schema) : undefined);
      return { name: d.name, in: d.location, required: d.required, ...(value !== undefined ? { value } : {}) };
    }),
    ...(firstBody ? { body: { mediaType: firstBody.mediaType, value: firstBody.examples[0]?.value } } : {}),
    access: summary.access,
  });

  return {
    ...summary,
    serviceId: context.serviceId,
    href: context.href,
    title: summary.summary || summary.operationId,
    url,
    parameters,
    ...(requestBody ? { requestBody } : {}),
    responses,
    sample,
    samples: requestSamples(sample),
  };
}

