/**
 * Writes a synthetic OpenAPI 3.1 document with N operations (realistic shape: tags, parameters,
 * a shared schema, protected and public operations) — for measuring build time per operation.
 * `node bench/generate-document.ts <operations> <file>`
 */
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';

export function syntheticDocument(operations: number): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const tags = Array.from({ length: Math.max(1, Math.ceil(operations / 25)) }, (_, i) => ({ name: `Group ${i + 1}`, description: `Operations of group ${i + 1}.` }));
  for (let i = 0; i < operations; i++) {
    const isPost = i % 4 === 3;
    paths[`/things${i}/{id}`] = {
      [isPost ? 'post' : 'get']: {
        operationId: `operation${i}`,
        summary: `Operation number ${i} on things`,
        description: `Reads or changes **thing ${i}**. See the [guide](https://example.org/guide/${i}).`,
        tags: [tags[Math.floor(i / 25)]!.name],
        security: i % 5 === 0 ? [{ oauth2: ['things/write'] }] : [],
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'The thing.' },
          { name: 'pageSize', in: 'query', schema: { type: 'integer', default: 10, minimum: 0 }, description: 'Page size.' },
        ],
        responses: {
          '200': { description: 'The thing', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          '404': { description: 'No such thing' },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: `Synthetic API (${operations} operations)`, version: '1.0.0', description: 'Generated for the build benchmark.' },
    servers: [{ url: 'https://api.ala.org.au/synthetic' }],
    tags,
    paths,
    components: {
      schemas: { Thing: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, count: { type: 'integer' } } } },
      securitySchemes: {
        oauth2: {
          type: 'oauth2',
          flows: { clientCredentials: { tokenUrl: 'https://auth.ala.org.au/cas/oidc/oidcAccessToken', scopes: { 'things/write': 'Change things' } } },
        },
      },
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count = '500', file = 'synthetic.yaml'] = process.argv.slice(2);
  writeFileSync(file, stringify(syntheticDocument(Number(count)), { lineWidth: 0 }));
  console.log(`wrote ${file}: ${count} operations`);
}
