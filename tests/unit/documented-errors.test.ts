/**
 * Error responses are documented where a fact shows them, never stamped on by pattern: an
 * operation that takes no input (no parameter, no body) cannot answer "bad request".
 */
import { describe, expect, it } from 'vitest';
import { resolveEnvironment } from '../../src/config/resolve-environment.ts';
import { isObject } from '../../src/lib/openapi/json.ts';
import { loadDocuments } from '../../src/lib/openapi/load.ts';
import { forEachOperation, type OperationAt } from '../../src/lib/openapi/walk.ts';

/** Whether an operation takes any input: a parameter (its own or its path item's) or a request body. */
function takesInput({ pathItem, operation }: OperationAt): boolean {
  const parameters = [pathItem['parameters'], operation['parameters']].flatMap((list) => (Array.isArray(list) ? list : []));
  return parameters.length > 0 || operation['requestBody'] !== undefined;
}

function badRequestsWithoutInput(document: unknown): string[] {
  const found: string[] = [];
  forEachOperation(document, (at) => {
    const responses = isObject(at.operation['responses']) ? at.operation['responses'] : {};
    if ('400' in responses && !takesInput(at)) found.push(`${at.method.toUpperCase()} ${at.path}`);
  });
  return found;
}

describe('documented error responses', () => {
  it('no operation without input documents a 400', async () => {
    const { documents } = await loadDocuments('openapi', resolveEnvironment({}), process.cwd(), { schemaWarnings: false });
    expect(documents.length).toBe(17);
    const found = documents.flatMap((d) => badRequestsWithoutInput(d.document).map((op) => `${d.file}: ${op}`));
    expect(found).toEqual([]);
  });

  it('the check finds a 400 on an operation without input, and accepts one with input', () => {
    const document = {
      paths: {
        '/licences': { get: { responses: { '200': { description: 'ok' }, '400': { description: 'bad' } } } },
        '/things/{id}': { parameters: [{ name: 'id', in: 'path' }], get: { responses: { '400': { description: 'bad id' } } } },
        '/things': { post: { requestBody: { content: {} }, responses: { '400': { description: 'bad body' } } } },
      },
    };
    expect(badRequestsWithoutInput(document)).toEqual(['GET /licences']);
  });
});
