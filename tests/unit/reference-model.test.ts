import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveEnvironment } from '../../src/config/resolve-environment.ts';
import { accessOf, securitySchemes } from '../../src/lib/openapi/access.ts';
import { dereference } from '../../src/lib/openapi/dereference.ts';
import { loadDocument, loadDocuments, type LoadedDocument } from '../../src/lib/openapi/load.ts';
import { countOperations } from '../../src/lib/openapi/walk.ts';
import type { OperationModel } from '../../src/lib/reference-model/operation-model.ts';
import { operationHeadings, parameterGroups, statusText } from '../../src/lib/reference-model/words.ts';
import { schemaTree, type SchemaNode } from '../../src/lib/reference-model/schema-tree.ts';
import { serviceModel, serviceModels, type ServiceModel } from '../../src/lib/reference-model/service-model.ts';

const production = resolveEnvironment({});
const fixture = join(import.meta.dirname, '../fixtures/openapi/reference.yaml');

let service: ServiceModel;
let op: (id: string) => OperationModel;

beforeAll(async () => {
  const { document } = await loadDocument(fixture, production, process.cwd(), { schemaWarnings: false });
  service = serviceModel(document!, production);
  op = (id) => service.operations.find((o) => o.operationId === id)!;
});

const field = (node: SchemaNode | undefined, name: string) => node?.fields.find((f) => f.name === name);

describe('access', () => {
  const schemes = securitySchemes({
    components: {
      securitySchemes: {
        oidc: { type: 'openIdConnect' },
        oauth2: { type: 'oauth2', flows: { authorizationCode: {} } },
        key: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      },
    },
  });

  it('tells open, protected, token-optional and key operations apart', () => {
    expect(accessOf([], schemes).kind).toBe('public');
    expect(accessOf(undefined, schemes).kind).toBe('public');
    expect(accessOf([{ oidc: ['a'] }, { oauth2: ['a'] }], schemes)).toMatchObject({ kind: 'token', scopes: ['a'], tokenSchemes: ['oidc', 'oauth2'] });
    expect(accessOf([{}, { oidc: [] }, { oauth2: ['b'] }], schemes)).toMatchObject({ kind: 'optional', scopes: ['b'] });
    expect(accessOf([{ key: [] }], schemes)).toMatchObject({ kind: 'apiKey', apiKeys: [{ scheme: 'key', in: 'header', name: 'x-api-key' }] });
    expect(accessOf([{ oauth2: [] }, { key: [] }], schemes).kind).toBe('apiKey');
  });

  it('prefers a scheme that can hold a ready token for clients', () => {
    expect(accessOf([{ oidc: [] }, { oauth2: [] }], schemes).tokenScheme).toEqual({ name: 'oauth2', type: 'oauth2', flows: ['authorizationCode'] });
    expect(accessOf([{ oidc: [] }], schemes).tokenScheme).toEqual({ name: 'oidc', type: 'openIdConnect', flows: [] });
  });
});

describe('dereference', () => {
  it('resolves references into one graph, keeping component names, without touching the document', () => {
    const doc = {
      components: { schemas: { A: { type: 'object', properties: { self: { $ref: '#/components/schemas/A' }, b: { $ref: '#/components/schemas/B', description: 'Own words' } } }, B: { type: 'string', example: { $ref: 'data' } } } },
    };
    const before = JSON.stringify(doc);
    const d = dereference(doc);
    const a = d.resolve({ $ref: '#/components/schemas/A' }) as { properties: { self: unknown; b: { description: string; example: unknown } } };
    expect(a.properties.self).toBe(a);
    expect(d.nameOf(a)).toBe('A');
    expect(a.properties.b.description).toBe('Own words');
    expect(d.nameOf(a.properties.b)).toBe('B');
    expect(a.properties.b.example).toEqual({ $ref: 'data' });
    expect(JSON.stringify(doc)).toBe(before);
  });
});

describe('schema trees', () => {
  it('shows a circular schema by name, linked to where it is open, and stays finite', () => {
    const body = op('getNode').responses[0]!.contents[0]!.schema!;
    expect(body.refName).toBe('Node');
    expect(field(body, 'parent')?.cycle).toEqual({ refName: 'Node', targetId: body.id });
    expect(field(body, 'children')?.type).toBe('array of Node');
    expect(field(body, 'children')?.cycle?.targetId).toBe(body.id);
    expect(JSON.stringify(body).length).toBeLessThan(5_000);
  });

  it('gives types, required fields, allowed values and constraints', () => {
    const body = op('getNode').responses[0]!.contents[0]!.schema!;
    expect(field(body, 'name')).toMatchObject({ required: true, type: 'string', constraints: ['length ≥ 1'], description: "The node's name." });
    expect(field(body, 'kind')).toMatchObject({ type: 'string | null', enum: ['"leaf"', '"branch"', 'null'] });
  });

  it('hides read-only fields in requests and keeps them in responses', () => {
    expect(field(op('replaceNode').requestBody!.contents[0]!.schema, 'id')).toBeUndefined();
    expect(field(op('getNode').responses[0]!.contents[0]!.schema, 'id')).toBeDefined();
  });

  it('merges allOf and lists oneOf as alternatives', () => {
    const shape = op('addShape').requestBody!.contents[0]!.schema!;
    expect(shape.alternatives?.kind).toBe('oneOf');
    const [circle, square] = shape.alternatives!.options;
    expect(circle!.refName).toBe('Circle');
    expect(circle!.fields.map((f) => [f.name, f.required])).toEqual([
      ['kind', true],
      ['radius', true],
    ]);
    expect(field(circle, 'radius')?.constraints).toEqual(['> 0']);
    expect(field(square, 'side')?.constraints).toEqual(['≥ 1', '≤ 100']);
  });

  it('shows an array\'s item schema: its fields, or its description when it has none', () => {
    const options = { nameOf: (s: unknown) => (s === record ? 'Record' : s === tagged ? 'Tagged' : undefined), idPrefix: 's', mode: 'response' as const };
    const record = { type: 'object', additionalProperties: true, description: 'Which fields appear depends on `fl`.' };
    const tagged = { type: 'object', description: 'A tag.', properties: { label: { type: 'string' } } };
    const tree = schemaTree({ type: 'object', properties: { records: { type: 'array', items: record }, tags: { type: 'array', description: 'The tags.', items: tagged } } }, options);
    expect(field(tree, 'records')).toMatchObject({ type: 'array of Record', description: '', itemDescription: 'Which fields appear depends on `fl`.' });
    expect(field(tree, 'tags')).toMatchObject({ type: 'array of Tagged', description: 'The tags.', itemDescription: 'A tag.' });
    expect(field(tree, 'tags')!.fields.map((f) => f.name)).toEqual(['label']);
  });

  it('cuts a schema nested too deep, and says so', () => {
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 30; i++) deep = { type: 'object', properties: { next: deep } };
    let node: SchemaNode | undefined = schemaTree(deep, { nameOf: () => undefined, idPrefix: 's', mode: 'response' });
    let depth = 0;
    while (node && node.fields[0]) {
      node = node.fields[0];
      depth++;
    }
    expect(depth).toBeLessThan(15);
    expect(node?.truncated).toBe(true);
  });
});

describe('operation model', () => {
  it('resolves path-item and $ref parameters, the operation overriding by name and location', () => {
    const params = op('getNode').parameters;
    expect(params.map((p) => [p.in, p.name, p.required])).toEqual([
      ['path', 'nodeId', true],
      ['query', 'verbose', false],
      ['query', 'fields', false],
      ['header', 'X-Trace', false],
    ]);
    expect(params[1]).toMatchObject({ description: "The operation's own.", schema: { default: 'false' } });
    expect(params[0]!.schema.type).toBe('string (uuid)');
    expect(params[2]).toMatchObject({ schema: { type: 'array of string', enum: ['"name"', '"children"'] }, example: '["name"]' });
    expect(params[3]!.schema.constraints).toEqual(['length ≤ 32', 'pattern ^[a-f0-9]+$']);
  });

  it('calls the operation on its own servers, else the document\'s, variables filled in', () => {
    expect(op('getNode').url).toBe('https://api.ala.org.au/ref/nodes/{nodeId}');
    expect(op('addShape').url).toBe('https://shapes.example.org/v2/shapes');
  });

  it('keeps response statuses as written, with headers and examples', () => {
    const responses = op('getNode').responses;
    expect(responses.map((r) => r.status)).toEqual(['200', '4XX', 'default']);
    expect(responses[0]!.headers).toMatchObject([{ name: 'X-Rate-Limit', schema: { type: 'integer', constraints: ['≥ 0'] } }]);
    expect(responses[1]!.contents[0]!.examples).toEqual([{ text: '{\n  "message": "Not found"\n}', value: { message: 'Not found' }, lang: 'json', generated: false }]);
    const generated = responses[0]!.contents[0]!.examples[0]!;
    expect(generated.generated).toBe(true);
    expect(JSON.parse(generated.text)).toMatchObject({ name: expect.any(String) });
    expect(responses[2]!.contents).toEqual([]);
  });

  it('says who may call it', () => {
    expect(op('getNode').access).toMatchObject({ kind: 'optional', scopes: ['nodes/read'] });
    expect(op('replaceNode').access).toMatchObject({ kind: 'token', scopes: ['nodes/write'] });
    expect(op('addShape').access.kind).toBe('public');
  });

  it('outlines its page', () => {
    expect(parameterGroups(op('getNode')).map((g) => [g.anchor, g.parameters.length])).toEqual([
      ['path-parameters', 1],
      ['query-parameters', 2],
      ['header-parameters', 1],
    ]);
    expect(operationHeadings(op('replaceNode')).map((h) => h.slug)).toEqual(['request-samples', 'parameters', 'path-parameters', 'query-parameters', 'request-body', 'responses', 'response-204']);
    expect([statusText('404'), statusText('4xx'), statusText('default'), statusText('299')]).toEqual(['Not found', 'Client error', 'Any other status', '']);
  });
});

describe('service model', () => {
  it('groups by tag in the document order, links each operation to the next', () => {
    expect(service.groups.map((g) => [g.name, g.anchor, g.operations.map((o) => o.slug)])).toEqual([
      ['Nodes', 'tag-nodes', ['get-node', 'replace-node']],
      ['Other operations', 'tag-other-operations', ['add-shape']],
    ]);
    expect(op('getNode').href).toBe('/services/reference/get-node/');
    expect([op('getNode').prev, op('getNode').next]).toEqual([undefined, { href: '/services/reference/replace-node/', title: 'Replace a node' }]);
    expect(op('addShape').prev?.title).toBe('Replace a node');
    expect(service.counts).toEqual({ total: 3, protected: 1, optional: 1, apiKey: 0 });
  });
});

describe('the 17 documents', () => {
  let documents: LoadedDocument[];
  let all: OperationModel[];
  beforeAll(async () => {
    documents = (await loadDocuments('openapi', production, process.cwd(), { schemaWarnings: false })).documents;
    all = serviceModels(documents, production).flatMap((s) => s.operations);
  });

  it('give every operation a page model with unique slugs per service', () => {
    expect(all.length).toBe(documents.reduce((n, d) => n + countOperations(d.document), 0));
    const hrefs = all.map((o) => o.href);
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });

  it('give every response with a body an example', () => {
    const missing = all.flatMap((o) =>
      o.responses.flatMap((r) => r.contents.filter((m) => m.schema && /json/.test(m.mediaType) && m.examples.length === 0).map((m) => `${o.href} ${r.status} ${m.mediaType}`)),
    );
    expect(missing).toEqual([]);
  });

  it('samples: shell that bash parses, Python that Python parses, credentials from the environment', () => {
    const shell = all.map((o) => o.samples.shell).join('\n\n');
    execFileSync('bash', ['-n'], { input: shell });
    const python = JSON.stringify(all.map((o) => o.samples.python));
    execFileSync('python3', ['-c', 'import ast, json, sys\nfor code in json.load(sys.stdin): ast.parse(code)'], { input: python });
    const token = all.find((o) => o.access.kind === 'token')!;
    expect(token.samples.shell).toContain('"Authorization: Bearer $ACCESS_TOKEN"');
    expect(token.samples.python).toContain(`f"Bearer {os.environ['ACCESS_TOKEN']}"`);
    expect(token.samples.r).toContain('paste("Bearer", Sys.getenv("ACCESS_TOKEN"))');
    const key = all.find((o) => o.access.kind === 'apiKey')!;
    expect(key.samples.shell).toContain('"x-api-key: $ALA_API_KEY"');
    expect(key.samples.python).toContain('os.environ["ALA_API_KEY"]');
    expect(key.samples.r).toContain('Sys.getenv("ALA_API_KEY")');
    for (const o of all.filter((o) => o.access.kind === 'public')) expect(o.samples.shell).not.toMatch(/Authorization|ACCESS_TOKEN/);
  });
});

describe('generated examples', () => {
  it('show a fixed moment for dates and times, not the build time, so two builds make the same pages', async () => {
    const { generateValue, GENERATED_MOMENT } = await import('../../src/lib/reference-model/examples.ts');
    const schema = {
      type: 'object',
      properties: {
        created: { type: 'string', format: 'date-time' },
        day: { type: 'string', format: 'date' },
        at: { type: 'string', format: 'time' },
        history: { type: 'array', items: { type: 'string', format: 'date-time' } },
        name: { type: 'string', example: 'Banksia' },
      },
    };
    expect(generateValue(schema, 'response')).toEqual({
      created: GENERATED_MOMENT['date-time'],
      day: GENERATED_MOMENT.date,
      at: GENERATED_MOMENT.time,
      history: [GENERATED_MOMENT['date-time']],
      name: 'Banksia',
    });
    expect(JSON.stringify(generateValue(schema, 'request'))).not.toContain(new Date().toISOString().slice(0, 10));
  });
});
