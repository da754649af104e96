import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isObject, type Json } from '../../src/lib/openapi/json.ts';
import { operationDocument } from '../../src/lib/openapi/operation-document.ts';
import { resolvePointer } from '../../src/lib/openapi/pointer.ts';
import { forEachRef } from '../../src/lib/openapi/references.ts';

const doc: Json = {
  openapi: '3.0.3',
  info: { title: 'T', version: '1' },
  servers: [{ url: 'https://api.example.org' }],
  security: [{ oidc: [] }],
  tags: [{ name: 'records' }, { name: 'other' }],
  paths: {
    '/records/{id}': {
      parameters: [{ $ref: '#/components/parameters/Id' }],
      get: {
        operationId: 'getRecord',
        tags: ['records'],
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Record' },
                examples: { one: { $ref: '#/components/examples/One' } },
              },
            },
          },
        },
      },
      delete: { operationId: 'deleteRecord', responses: { '204': { description: 'gone' } } },
    },
    '/other': { get: { operationId: 'other', tags: ['other'], responses: { '200': { $ref: '#/components/responses/Other' } } } },
  },
  components: {
    securitySchemes: { oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.example.org/.well-known/openid-configuration' } },
    parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'string' } } },
    examples: { One: { value: { id: '1', note: { $ref: '#/components/schemas/NotAReference' } } } },
    responses: { Other: { description: 'other' } },
    schemas: {
      Record: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          example: { $ref: '#/components/schemas/Taxon' },
          parent: { $ref: '#/components/schemas/Record' },
        },
        example: { $ref: '#/components/schemas/Unused' },
      },
      Taxon: { type: 'object', properties: { name: { type: 'string' }, rank: { $ref: '#/components/schemas/Rank/properties/code' } } },
      Rank: { type: 'object', properties: { code: { type: 'string' }, label: { type: 'string' } } },
      Unused: { type: 'string' },
    },
  },
};

const refsOf = (node: unknown) => {
  const refs: string[] = [];
  forEachRef(node, (ref) => refs.push(ref));
  return refs;
};

describe('operationDocument', () => {
  const own = operationDocument(doc, '/records/{id}', 'GET')!;

  it('keeps only the chosen operation, with its path item parameters', () => {
    expect(Object.keys(own['paths'] as Json)).toEqual(['/records/{id}']);
    const item = (own['paths'] as Json)['/records/{id}'] as Json;
    expect(Object.keys(item).sort()).toEqual(['get', 'parameters']);
    expect(own['tags']).toEqual([{ name: 'records' }]);
  });

  it('keeps servers, security and every security scheme', () => {
    expect(own['servers']).toEqual(doc['servers']);
    expect(own['security']).toEqual(doc['security']);
    expect((own['components'] as Json)['securitySchemes']).toEqual((doc['components'] as Json)['securitySchemes']);
  });

  it('brings every component the operation reaches, transitively, and nothing else', () => {
    const components = own['components'] as Json;
    expect(Object.keys(components['schemas'] as Json).sort()).toEqual(['Rank', 'Record', 'Taxon']);
    // Only the part of Rank that was pointed at.
    expect(((components['schemas'] as Json)['Rank'] as Json)['properties']).toEqual({ code: { type: 'string' } });
    expect(Object.keys(components['parameters'] as Json)).toEqual(['Id']);
    expect(Object.keys(components['examples'] as Json)).toEqual(['One']);
    expect(components['responses']).toBeUndefined();
    // Every reference left in it resolves inside it.
    for (const ref of refsOf(own)) expect(resolvePointer(own, ref).found, ref).toBe(true);
  });

  it('is a copy: changing it leaves the document alone', () => {
    ((own['components'] as Json)['schemas'] as Json)['Record'] = {};
    expect(isObject(((doc['components'] as Json)['schemas'] as Json)['Record'])).toBe(true);
    expect(Object.keys(((doc['components'] as Json)['schemas'] as Json)['Record'] as Json)).toContain('properties');
    expect(((doc['components'] as Json)['schemas'] as Json)['Rank']).toEqual({ type: 'object', properties: { code: { type: 'string' }, label: { type: 'string' } } });
  });

  it('answers undefined for an operation the document does not have', () => {
    expect(operationDocument(doc, '/records/{id}', 'post')).toBeUndefined();
    expect(operationDocument(doc, '/nowhere', 'get')).toBeUndefined();
  });

  it('cuts every operation of the real documents down to a document whose references all resolve', () => {
    for (const name of ['occurrences', 'species-lists', 'ecodata']) {
      const source = parse(readFileSync(join(import.meta.dirname, `../../openapi/${name}.yaml`), 'utf8')) as Json;
      for (const [path, item] of Object.entries(source['paths'] as Json)) {
        for (const method of Object.keys(item as Json).filter((k) => ['get', 'put', 'post', 'delete', 'patch'].includes(k))) {
          const cut = operationDocument(source, path, method)!;
          for (const ref of refsOf(cut)) expect(resolvePointer(cut, ref).found, `${name} ${method} ${path}: ${ref}`).toBe(true);
        }
      }
    }
  });
});
