import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveEnvironment } from '../../src/config/resolve-environment.ts';
import { assertUsable, documentId, loadDocument, loadDocuments, type LoadedDocument } from '../../src/lib/openapi/load.ts';
import { documentOperations } from '../../src/lib/reference-model/operation-model.ts';
import { formatProblem, OpenApiBuildError } from '../../src/lib/openapi/problems.ts';

const fixtures = 'tests/fixtures/openapi';
/** The operations of a loaded document as its service page lists them, in document order. */
const operationsOf = (d: LoadedDocument) => documentOperations(d.document).map((o) => o.summary);

const production = resolveEnvironment({});
const testing = resolveEnvironment({ ALA_ENV: 'testing' });

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

/** A folder laid out like a project: `<root>/openapi/<name>`. */
async function project(files: Record<string, string>): Promise<{ root: string; dir: string }> {
  const root = await mkdtemp(join(tmpdir(), 'ala-openapi-'));
  roots.push(root);
  const dir = join(root, 'openapi');
  await mkdir(dir);
  for (const [name, from] of Object.entries(files)) await copyFile(join(fixtures, from), join(dir, name));
  return { root, dir };
}

async function problemsOf(name: string, from: string): Promise<string[]> {
  const { root, dir } = await project({ [name]: from });
  const result = await loadDocuments(dir, production, root);
  return result.problems.map(formatProblem);
}

describe('a good document', () => {
  it('loads with its operations in document order', async () => {
    const { root, dir } = await project({ 'fixture.yaml': 'good.yaml' });
    const [doc] = assertUsable(await loadDocuments(dir, production, root));
    expect(doc!.id).toBe('fixture');
    expect(doc!.file).toBe('openapi/fixture.yaml');
    expect(operationsOf(doc!).map((o) => `${o.method} ${o.path} ${o.operationId}`)).toEqual([
      'GET /things listThings',
      'POST /things createThing',
      'GET /things/{id} get/things/{id}',
      'DELETE /things/{id} deleteThing',
    ]);
  });

  it('tells protected (token), key-only and public operations apart', async () => {
    const { document } = await loadDocument(join(fixtures, 'good.yaml'), production);
    const access = Object.fromEntries(operationsOf(document!).map((o) => [o.operationId, o.access.kind]));
    expect(access).toEqual({
      listThings: 'public',
      createThing: 'token',
      'get/things/{id}': 'apiKey',
      // One alternative needs only an API key: a key is not protection.
      deleteThing: 'apiKey',
    });
    expect(operationsOf(document!)[1]!.access.scopes).toEqual(['things/write']);
    expect(operationsOf(document!)[2]!.generatedId).toBe(true);
    expect(operationsOf(document!)[2]!.anchor).toBe('op-get-things-id');
  });

  it('ignores "$ref" keys inside example data', async () => {
    expect(await problemsOf('fixture.yaml', 'good.yaml')).toEqual([]);
  });
});

describe('environment rewriting', () => {
  it('moves a registered service to its gateway URL in the environment', async () => {
    const { root, dir } = await project({ 'alerts.yaml': 'good.yaml' });
    const [doc] = assertUsable(await loadDocuments(dir, testing, root));
    expect(doc!.document['servers']).toEqual([{ url: 'https://api.test.ala.org.au/alerts-test', description: 'ALA API gateway (testing)' }]);
  });

  it('moves ALA sign-in URLs to the environment provider and asks consoles for PKCE', async () => {
    const { document } = await loadDocument(join(fixtures, 'good.yaml'), testing);
    const schemes = (document!.document['components'] as { securitySchemes: Record<string, Record<string, unknown>> }).securitySchemes;
    expect(schemes['openIdConnect']!['openIdConnectUrl']).toBe(testing.oidc.discovery);
    const flow = (schemes['oauth2']!['flows'] as Record<string, Record<string, string>>)['authorizationCode']!;
    expect(flow['authorizationUrl']).toBe('https://auth-secure.auth.ap-southeast-2.amazoncognito.com/oauth2/authorize');
    expect(flow['tokenUrl']).toBe('https://auth-secure.auth.ap-southeast-2.amazoncognito.com/oauth2/token');
    expect(flow['x-usePkce']).toBe('SHA-256');
  });

  it('rebases an unregistered document on the ALA gateway, and to ALA_API_BASE', async () => {
    const local = resolveEnvironment({ ALA_API_BASE: 'http://127.0.0.1:9000' });
    const { document } = await loadDocument(join(fixtures, 'good.yaml'), local);
    expect(document!.document['servers']).toEqual([{ url: 'http://127.0.0.1:9000/fixture' }]);
  });

  describe('servers of single paths and operations', () => {
    async function ownServers(env: ReturnType<typeof resolveEnvironment>) {
      const { root, dir } = await project({ 'species-lists.yaml': 'own-servers.yaml' });
      const [doc] = assertUsable(await loadDocuments(dir, env, root));
      const paths = doc!.document['paths'] as Record<string, Record<string, unknown> & { get?: Record<string, unknown> }>;
      const urls = (servers: unknown) => (servers as { url: string }[]).map((s) => s.url);
      return { operation: urls(paths['/v2/things']!.get!['servers']), pathItem: urls(paths['/graphql']!['servers']) };
    }

    it('move the service\'s own host and its gateway URL to the environment', async () => {
      expect(await ownServers(testing)).toEqual({
        operation: ['https://lists-ws.test.ala.org.au', 'https://api.test.ala.org.au/specieslist', 'https://elsewhere.example.org/things'],
        pathItem: ['https://lists-ws.test.ala.org.au/', 'https://api.test.ala.org.au/specieslist'],
      });
    });

    it('follow ALA_API_BASE, the service\'s own host included: a mirror build reaches no production host', async () => {
      const local = resolveEnvironment({ ALA_API_BASE: 'http://127.0.0.1:9000' });
      expect(await ownServers(local)).toEqual({
        operation: ['http://127.0.0.1:9000/specieslist', 'https://elsewhere.example.org/things'],
        pathItem: ['http://127.0.0.1:9000/specieslist/'],
      });
    });

    it('stay as written in production', async () => {
      expect(await ownServers(production)).toEqual({
        operation: ['https://lists-ws.ala.org.au', 'https://api.ala.org.au/specieslist', 'https://elsewhere.example.org/things'],
        pathItem: ['https://lists-ws.ala.org.au/', 'https://api.ala.org.au/specieslist'],
      });
    });
  });

  it('leaves other APIs\' servers and sign-in URLs alone', async () => {
    const { document } = await loadDocument(join(fixtures, 'tolerated.json'), testing);
    expect(document!.document['servers']).toEqual([{ url: 'https://auth-test.example.org/things' }]);
  });
});

describe('fatal problems name file, line and column', () => {
  it('a YAML syntax error, at the line where the quote was opened', async () => {
    expect(await problemsOf('zz.yaml', 'syntax-error.yaml')).toEqual([
      'openapi/zz.yaml:7:46 syntax error: Missing closing "quote (opened here, never closed)',
      'openapi/zz.yaml:7:10 syntax error: Flow map in block collection must end with a } (opened here, never closed)',
    ]);
  });

  it('a $ref to nothing, naming the missing target', async () => {
    expect(await problemsOf('zz.yaml', 'dangling-ref.yaml')).toEqual([
      'openapi/zz.yaml:9:28 $ref "#/components/parameters/Missing" resolves to nothing: there is no "Missing" in #/components/parameters',
    ]);
  });

  it('duplicate operationIds, pointing back at the first', async () => {
    expect(await problemsOf('dup.yaml', 'duplicate-ids.yaml')).toEqual([
      'openapi/dup.yaml:12:20 duplicate operationId "getThing": already used at line 8 (GET /b)',
    ]);
  });

  it('a document that is not OpenAPI 3.x', async () => {
    expect(await problemsOf('old.json', 'swagger2.json')).toEqual([
      'openapi/old.json:1:1 not an OpenAPI 3.x document (Swagger 2.0); convert it to OpenAPI 3.0 or 3.1',
    ]);
  });

  it('two files with the same service id', async () => {
    const { root, dir } = await project({ 'same.yaml': 'good.yaml', 'same.json': 'tolerated.json' });
    const result = await loadDocuments(dir, production, root);
    expect(result.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual(['openapi/same.yaml:1:1 same service id "same" as openapi/same.json: rename one of them']);
  });

  it('every problem of every file is reported before the build stops', async () => {
    const { root, dir } = await project({ 'a.yaml': 'dangling-ref.yaml', 'b.yaml': 'duplicate-ids.yaml', 'c.yaml': 'good.yaml' });
    const result = await loadDocuments(dir, production, root);
    expect(() => assertUsable(result)).toThrow(OpenApiBuildError);
    expect(() => assertUsable(result)).toThrow(/2 problems in OpenAPI documents stop the build:\nopenapi\/a\.yaml:9:28 .*\nopenapi\/b\.yaml:12:20 /);
  });
});

describe('tolerated problems', () => {
  it('schema violations of a machine-made document are warnings, and it still loads', async () => {
    const { root, dir } = await project({ 'user-details.real.json': 'tolerated.json' });
    const result = await loadDocuments(dir, production, root);
    expect(result.problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(result.problems.map(formatProblem)).toEqual([
      'openapi/user-details.real.json:19:21 does not follow the OpenAPI schema: Property `tokenUrl` is not expected here.',
      'openapi/user-details.real.json:21:7 does not follow the OpenAPI schema: The field `scheme` must be present on this level.',
    ]);
    const [doc] = assertUsable(result);
    expect(doc!.id).toBe('user-details-real');
    expect(operationsOf(doc!)[0]!.access.kind).toBe('token');
  });
});

describe('documentId', () => {
  it('slugs file names', () => {
    expect(documentId('occurrences.yaml')).toBe('occurrences');
    expect(documentId('user-details.real.json')).toBe('user-details-real');
    expect(documentId('Scalar Galaxy.YML')).toBe('scalar-galaxy');
  });
});

