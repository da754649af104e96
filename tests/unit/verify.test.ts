import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveEnvironment } from '../../src/config/resolve-environment.ts';
import { loadDocuments } from '../../src/lib/openapi/load.ts';
import { serviceModels, type ServiceModel } from '../../src/lib/reference-model/service-model.ts';
import { examplePlan, examplesDocument } from '../../src/lib/verify/example-requests.ts';
import { RequestLimiter } from '../../src/lib/verify/limiter.ts';
import { parseVerifyArgs, UsageError } from '../../src/lib/verify/options.ts';
import { proxied, upstreamOf } from '../../src/lib/verify/proxy-address.ts';
import { prepareRecipe, recipeInScope } from '../../src/lib/verify/recipe-runs.ts';
import { buildReport, reportMarkdown } from '../../src/lib/verify/report.ts';
import { verificationDocument } from '../../src/lib/verify/verification-document.ts';
import { readWorkflow } from '../../src/lib/workflows/arazzo.ts';
import { respectResults } from '../../src/lib/workflows/respect-results.ts';

const production = resolveEnvironment({});
let services: ServiceModel[];

beforeAll(async () => {
  const loaded = await loadDocuments('openapi', production, process.cwd(), { schemaWarnings: false });
  services = serviceModels(loaded.documents, production);
});

describe('the command line', () => {
  it('reads the environment or a gateway, services, inputs, the report folder and the timeout', () => {
    expect(parseVerifyArgs([])).toMatchObject({ env: 'production', only: [], inputs: {}, out: 'verify-live-report', timeoutSeconds: 30 });
    expect(
      parseVerifyArgs(['--base', 'http://127.0.0.1:9', '--only', 'species,spatial', '--only=namematching', '--input', 'email=a@b.org', '--input', 'points=1,2,3,4', '--timeout', '5']),
    ).toMatchObject({ base: 'http://127.0.0.1:9', only: ['species', 'spatial', 'namematching'], inputs: { email: 'a@b.org', points: '1,2,3,4' }, timeoutSeconds: 5 });
    expect(() => parseVerifyArgs(['--env', 'prod'])).toThrow(UsageError);
    expect(() => parseVerifyArgs(['--input', 'email'])).toThrow('--input takes name=value');
    expect(() => parseVerifyArgs(['--timeout', '0'])).toThrow(UsageError);
    expect(() => parseVerifyArgs(['--bases', 'x'])).toThrow('unknown argument "--bases"');
  });
});

describe('the proxy', () => {
  it('spells the real URL in its path, and reads it back', () => {
    const url = 'https://api.ala.org.au/occurrences/occurrences/search?q=a%20b';
    const onProxy = proxied(url, 'http://127.0.0.1:5000');
    expect(onProxy).toBe('http://127.0.0.1:5000/https/api.ala.org.au/occurrences/occurrences/search?q=a%20b');
    expect(upstreamOf(new URL(onProxy).pathname + new URL(onProxy).search)).toBe(url);
    expect(upstreamOf('/http/127.0.0.1:8080')).toBe('http://127.0.0.1:8080/');
    expect(upstreamOf('/ftp/x')).toBeUndefined();
  });

  it('sends every server of a document through it, and checks byte answers by content type only', () => {
    const lists = services.find((s) => s.id === 'species-lists')!;
    const copy = verificationDocument(lists.document, 'http://127.0.0.1:5000') as { servers: { url: string }[]; paths: Record<string, Record<string, { servers?: { url: string }[] }>> };
    expect(copy.servers[0]!.url).toBe('http://127.0.0.1:5000/https/api.ala.org.au/specieslist');
    expect(copy.paths['/v2/speciesList']!['get']!.servers![0]!.url).toBe('http://127.0.0.1:5000/https/lists-ws.ala.org.au');
    const spatial = verificationDocument(services.find((s) => s.id === 'spatial')!.document, 'http://x') as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> };
    const png = spatial.paths['/distribution/map/png/{imageId}']!['get']!.responses['200']!.content!;
    expect(Object.values(png)[0]!.schema).toBeUndefined();
    expect(lists.document['servers']).toEqual([{ url: 'https://api.ala.org.au/specieslist', description: 'ALA API gateway (production)' }]);
  });
});

describe('the limiter', () => {
  it('keeps at most two requests in flight and starts at most five a second', async () => {
    let now = 0;
    const starts: number[] = [];
    let inFlight = 0;
    let most = 0;
    const limiter = new RequestLimiter({ maxInFlight: 2, perSecond: 5, now: () => now, sleep: async (ms) => void (now += ms) });
    const task = async () => {
      starts.push(now);
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
    };
    await Promise.all(Array.from({ length: 12 }, () => limiter.run(task)));
    expect(most).toBe(2);
    expect(starts).toHaveLength(12);
    for (let i = 5; i < starts.length; i++) expect(starts[i]! - starts[i - 5]!).toBeGreaterThanOrEqual(1000);
  });
});

describe('the documented example requests', () => {
  it('are every public GET operation with what the page\u2019s samples send; the others are counted or skipped with why', () => {
    const plan = examplePlan(services, ['namematching', 'user-details', 'species', 'occurrences']);
    const search = plan.checks.find((c) => c.operationId === 'matchName')!;
    expect(search).toMatchObject({ serviceId: 'namematching', workflowId: 'namematching--matchName', parameters: [{ name: 'q', in: 'query', value: 'Osphranter rufus' }], status: 200 });
    expect(plan.checks.some((c) => c.serviceId === 'user-details' && c.operationId === 'searchUsers')).toBe(false);
    expect(plan.notPublicGet['user-details']).toBeGreaterThan(0);
    expect(plan.checks.some((c) => c.serviceId === 'alerts')).toBe(false);
    expect(plan.skipped.find((s) => s.operationId === 'getOfflineDownloadStatus')?.reason).toBe('no documented example for `id`');
    const doc = examplesDocument(plan.checks, (id) => `/docs/${id}.json`) as { workflows: { workflowId: string; steps: { operationId: string; successCriteria: unknown }[] }[]; sourceDescriptions: unknown[] };
    expect(doc.sourceDescriptions).toContainEqual({ name: 'namematching', url: '/docs/namematching.json', type: 'openapi' });
    expect(doc.workflows.find((w) => w.workflowId === 'namematching--matchName')!.steps[0]).toMatchObject({
      operationId: '$sourceDescriptions.namematching.matchName',
      successCriteria: [{ condition: '$statusCode == 200' }],
    });
  });
});

describe('a recipe run', () => {
  const file = 'workflows/occurrence-download.arazzo.yaml';
  const text = readFileSync(file, 'utf8');
  const spec = readWorkflow(file, text).workflow!;
  const raw = parse(text) as Record<string, unknown>;

  it('stops before the first step that needs an input nobody gave, and says why', () => {
    const run = prepareRecipe(raw, spec, {}, (id) => `/docs/${id}.json`);
    expect(run.skipped).toEqual([
      { stepId: 'queueDownload', reason: 'needs --input email=…' },
      { stepId: 'waitForDownload', reason: 'comes after queueDownload' },
    ]);
    const workflow = (run.document!['workflows'] as { steps: { stepId: string }[]; outputs: Record<string, string>; 'x-download'?: unknown }[])[0]!;
    expect(workflow.steps.map((s) => s.stepId)).toEqual(['matchName', 'countRecords']);
    expect(Object.keys(workflow.outputs)).toEqual(['taxonConceptID', 'totalRecords']);
    expect(workflow['x-download']).toBeUndefined();
    expect(run.document!['sourceDescriptions']).toEqual([
      { name: 'namematching', url: '/docs/namematching.json', type: 'openapi' },
      { name: 'occurrences', url: '/docs/occurrences.json', type: 'openapi' },
    ]);
  });

  it('runs whole when given the inputs, and not at all when its first step needs one', () => {
    expect(prepareRecipe(raw, spec, { email: 'a@b.org' }, (id) => id).skipped).toEqual([]);
    const tokenFile = 'workflows/protected-call.arazzo.yaml';
    const tokenText = readFileSync(tokenFile, 'utf8');
    const run = prepareRecipe(parse(tokenText) as Record<string, unknown>, readWorkflow(tokenFile, tokenText).workflow!, {}, (id) => id);
    expect(run.document).toBeUndefined();
    expect(run.skipped[0]).toEqual({ stepId: 'getToken', reason: 'needs --input clientId=… and --input clientSecret=…' });
    expect(recipeInScope(spec, ['occurrences'])).toBe(false);
    expect(recipeInScope(spec, ['occurrences', 'namematching'])).toBe(true);
  });
});

describe('the report', () => {
  const respectOutput = {
    files: {
      '/tmp/examples.arazzo.yaml': {
        executedWorkflows: [
          {
            workflowId: 'namematching--matchName',
            status: 'error',
            executedSteps: [
              {
                stepId: 'example',
                status: 'error',
                request: { method: 'get', url: 'http://127.0.0.1:5000/http/127.0.0.1:9/namematching/api/search?q=x' },
                response: { statusCode: 200 },
                checks: [
                  { name: 'status code check', passed: true, severity: 'error' },
                  { name: 'schema check', passed: false, severity: 'error', message: '\u001b[0m\nUNEVALUATEDPROPERTIES must NOT have unevaluated properties: "wrong".\n\n> 1 | {' },
                ],
              },
            ],
          },
          { workflowId: 'namematching--autocompleteNames', status: 'success', executedSteps: [{ stepId: 'example', status: 'success', request: { method: 'get', url: 'http://x/a' }, response: { statusCode: 200 }, checks: [] }] },
        ],
      },
    },
  };

  it('reads Respect\u2019s output into the first mismatch of each step', () => {
    const [failed, passed] = respectResults(respectOutput);
    expect(failed).toMatchObject({ workflowId: 'namematching--matchName', passed: false, steps: [{ status: 200, mismatch: 'schema check: must NOT have unevaluated properties: "wrong".' }] });
    expect(passed!.passed).toBe(true);
  });

  it('names the failing operations per service, with the real URL, and the skipped steps with why', () => {
    const plan = examplePlan(services, ['namematching']);
    const text = readFileSync('workflows/occurrence-download.arazzo.yaml', 'utf8');
    const spec = readWorkflow('workflows/occurrence-download.arazzo.yaml', text).workflow!;
    const report = buildReport({
      environment: 'production',
      gateway: 'http://127.0.0.1:9',
      startedAt: new Date(0),
      finishedAt: new Date(1000),
      limits: { maxInFlight: 2, perSecond: 5, timeoutSeconds: 30 },
      requests: 2,
      services: [{ id: 'namematching', title: 'Name matching' }],
      plan: { ...plan, checks: plan.checks.filter((c) => ['matchName', 'autocompleteNames'].includes(c.operationId)) },
      runs: [prepareRecipe(parse(text) as Record<string, unknown>, spec, {}, (id) => id)],
      exampleResults: respectResults(respectOutput),
      recipeResults: new Map(),
      realUrl: (url) => url.replace('http://127.0.0.1:5000/http/', 'http://'),
    });
    expect(report.totals).toEqual({ passed: 1, failed: 2, skipped: 0 });
    const service = report.services[0]!;
    expect(service.operations.find((o) => o.outcome === 'failed')).toMatchObject({ operationId: 'matchName', request: 'GET http://127.0.0.1:9/namematching/api/search?q=x' });
    const md = reportMarkdown(report);
    expect(md).toContain('**MISMATCH** — 1 passed, 2 failed, 0 skipped.');
    expect(md).toContain('- FAILED matchName (HTTP 200): schema check: must NOT have unevaluated properties: "wrong".');
    expect(md).toContain('- queueDownload: skipped — needs --input email=…');
  });
});
