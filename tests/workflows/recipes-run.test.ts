/**
 * Every recipe runs against the loopback API built from the project's OpenAPI documents
 * (tests/support/loopback-gateway.ts: Stoplight Prism per document, which answers with the
 * documents' examples and refuses requests that do not fit them): with Redocly Respect — the
 * workflow itself — and as the page's Shell, Python and R scripts. A step whose example does not
 * fit its document fails.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { resolveEnvironment } from '../../src/config/resolve-environment.ts';
import { loadDocuments } from '../../src/lib/openapi/load.ts';
import { serviceModels } from '../../src/lib/reference-model/service-model.ts';
import { recipeScripts } from '../../src/lib/workflows/recipe-code.ts';
import { recipeModel } from '../../src/lib/workflows/recipe-model.ts';
import { loadRecipes, type WorkflowEntry } from '../../src/lib/workflows/workflow-loader.ts';
import { runRespect } from '../../tools/run-respect.ts';
import { startLoopbackGateway, type LoopbackGateway } from '../support/loopback-gateway.ts';
import { startProvider, type RunningProvider } from '../support/oidc-provider.ts';
import { RECIPE_PORTS } from '../support/sites.ts';

const run = promisify(execFile);
const MACHINE = { clientId: 'recipe-test-client', clientSecret: 'recipe-test-secret' };

let gateway: LoopbackGateway;
let provider: RunningProvider;
let entries: WorkflowEntry[];
let work: string;

/** What each recipe needs that has no default: a registered email, an approved client. */
const inputs = () => ({ email: 'researcher@example.org', ...MACHINE, tokenUrl: `${provider.issuer}/token` });
/** Every source of the recipes, to the loopback gateway. */
function servers(entry: WorkflowEntry): Record<string, string> {
  return Object.fromEntries(entry.workflow.sources.map((s) => [s.name, gateway.serviceUrl(s.serviceId)]));
}

beforeAll(async () => {
  const loaded = await loadRecipes('workflows');
  entries = loaded.entries;
  const serviceIds = [...new Set(entries.flatMap((e) => e.workflow.sources.map((s) => s.serviceId)))];
  [gateway, provider] = await Promise.all([
    startLoopbackGateway({ port: RECIPE_PORTS.gateway, services: serviceIds }),
    startProvider({ port: RECIPE_PORTS.provider, style: 'ala', clientId: 'unused', redirectUri: 'http://127.0.0.1/unused', siteOrigin: 'http://127.0.0.1', machineClient: MACHINE }),
  ]);
  work = mkdtempSync(join(tmpdir(), 'recipes-run-'));
});

afterAll(async () => {
  await Promise.all([gateway?.close(), provider?.close()]);
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('every recipe against the loopback API', () => {
  it('runs with Redocly Respect: every step answers as its document says', async () => {
    for (const entry of entries) {
      const result = await runRespect({ files: [entry.file], servers: servers(entry), inputs: inputs(), jsonOut: join(work, `${entry.workflow.name}.json`) });
      const failed = result.results.flatMap((r) => r.steps.filter((s) => !s.passed).map((s) => `${s.stepId}: ${s.mismatch}`));
      expect(failed, `${entry.file}\n${result.output}\n${gateway.logs()}`).toEqual([]);
      expect(result.code, result.output).toBe(0);
      expect(result.results.map((r) => r.steps.map((s) => s.stepId))).toEqual([entry.workflow.steps.map((s) => s.stepId)]);
    }
  });

  it('runs as the page\u2019s Shell, Python and R scripts', async () => {
    const env = resolveEnvironment({ ALA_API_BASE: gateway.url });
    const loaded = await loadDocuments('openapi', env, process.cwd(), { schemaWarnings: false });
    const services = serviceModels(loaded.documents, env);
    const variables = { EMAIL: 'researcher@example.org', CLIENT_ID: MACHINE.clientId, CLIENT_SECRET: MACHINE.clientSecret, TOKEN_URL: `${provider.issuer}/token` };
    const runs = entries.flatMap((entry) => {
      const code = recipeScripts(recipeModel(entry.workflow, services, env));
      const files = { shell: join(work, `${entry.workflow.name}.sh`), python: join(work, `${entry.workflow.name}.py`), r: join(work, `${entry.workflow.name}.R`) };
      writeFileSync(files.shell, code.shell);
      writeFileSync(files.python, code.python);
      writeFileSync(files.r, code.r);
      return [
        ['bash', files.shell],
        ['python3', files.python],
        ['Rscript', files.r],
      ].map(([command, file]) => ({ name: `${entry.workflow.name} (${command})`, command: command!, file: file!, download: entry.workflow.download?.file }));
    });
    // Two at a time: R starts slowly, and the machine is shared.
    const failures: string[] = [];
    for (let i = 0; i < runs.length; i += 2) {
      await Promise.all(
        runs.slice(i, i + 2).map(async (r) => {
          const cwd = mkdtempSync(join(work, 'cwd-'));
          try {
            const { stdout } = await run(r.command, [r.file], { cwd, env: { ...process.env, ...variables }, timeout: 60_000 });
            if (r.download) expect(readFileSync(join(cwd, r.download)).subarray(0, 2).toString()).toBe('PK');
            else expect(stdout).not.toBe('');
          } catch (error) {
            const e = error as { stderr?: string; message: string };
            failures.push(`${r.name}: ${e.stderr || e.message}`);
          }
        }),
      );
    }
    expect(failures).toEqual([]);
  });
});

describe('a step whose example does not fit its document', () => {
  it('fails when the request does not fit: Prism refuses it', async () => {
    const entry = entries.find((e) => e.workflow.name === 'record-counts')!;
    const doc = parse(readFileSync(entry.file, 'utf8')) as {
      sourceDescriptions: { url: string }[];
      workflows: { steps: { stepId: string; parameters: { name: string; value: unknown }[] }[] }[];
    };
    for (const source of doc.sourceDescriptions) source.url = join(process.cwd(), 'workflows', source.url);
    // pageSize is an integer in the document.
    doc.workflows[0]!.steps.find((s) => s.stepId === 'countByYearAndState')!.parameters.find((p) => p.name === 'pageSize')!.value = 'none';
    const file = join(work, 'broken-request.arazzo.yaml');
    writeFileSync(file, stringify(doc));
    const result = await runRespect({ files: [file], servers: servers(entry), jsonOut: join(work, 'broken-request.json') });
    expect(result.code).not.toBe(0);
    const failed = result.results[0]!.steps.find((s) => !s.passed)!;
    expect(failed.stepId).toBe('countByYearAndState');
    expect(failed.status).toBe(422);
    expect(failed.mismatch).toMatch(/^(success criteria check|status code check)/);
  });

  it('fails when the document\u2019s own response example does not fit its schema', async () => {
    const entry = entries.find((e) => e.workflow.name === 'layer-values')!;
    const docs = mkdtempSync(join(work, 'openapi-'));
    const spatial = readFileSync('openapi/spatial.yaml', 'utf8').replace("batchId: '1678306712973'\n                    statusUrl", 'batchId: 1678306712973\n                    statusUrl');
    expect(spatial).not.toBe(readFileSync('openapi/spatial.yaml', 'utf8'));
    writeFileSync(join(docs, 'spatial.yaml'), spatial);
    const broken = await startLoopbackGateway({ port: RECIPE_PORTS.gateway + 20, services: ['spatial'], dir: docs });
    try {
      const result = await runRespect({ files: [entry.file], servers: { spatial: broken.serviceUrl('spatial') }, jsonOut: join(work, 'broken-example.json') });
      expect(result.code).not.toBe(0);
      const failed = result.results[0]!.steps.find((s) => !s.passed)!;
      expect(failed.stepId).toBe('waitForSampling');
      expect(failed.status === 500 || /schema check/.test(failed.mismatch ?? '')).toBe(true);
    } finally {
      await broken.close();
    }
  });
});
