/**
 * `npm run verify:live`: proves the documentation against a live API. It runs every recipe
 * (workflows/*.arazzo.yaml) and the documented example request of every public GET operation with
 * Redocly Respect, which checks each answer's status, content type and body against the OpenAPI
 * document, then writes a JSON report and a Markdown summary and exits non-zero on any mismatch.
 *
 * Every request goes through a proxy of its own on loopback that keeps the run polite — at most
 * 2 requests in flight, 5 started per second, a timeout each — and stops the run when the gateway
 * stops answering. The gateway is tried first: when it cannot be reached the run ends at once,
 * with a message saying so. Options: see USAGE in src/lib/verify/options.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { ConfigError, resolveEnvironment } from '../src/config/resolve-environment.ts';
import type { Environment } from '../src/config/environments.ts';
import { loadDocuments } from '../src/lib/openapi/load.ts';
import { formatProblem } from '../src/lib/openapi/problems.ts';
import { serviceModels } from '../src/lib/reference-model/service-model.ts';
import { examplePlan, examplesDocument } from '../src/lib/verify/example-requests.ts';
import { RequestLimiter } from '../src/lib/verify/limiter.ts';
import { parseVerifyArgs, UsageError, USAGE, type VerifyOptions } from '../src/lib/verify/options.ts';
import { upstreamOf } from '../src/lib/verify/proxy-address.ts';
import { verificationDocument } from '../src/lib/verify/verification-document.ts';
import { buildReport, reportMarkdown, type VerifyReport } from '../src/lib/verify/report.ts';
import { prepareRecipe, recipeInScope, type RecipeRun } from '../src/lib/verify/recipe-runs.ts';
import { authUrl } from '../src/lib/openapi/environment.ts';
import { loadRecipes } from '../src/lib/workflows/workflow-loader.ts';
import { runRespect } from './run-respect.ts';

const LIMITS = { maxInFlight: 2, perSecond: 5 };
/** How long the first request may take before the gateway counts as unreachable. */
const PROBE_TIMEOUT_MS = 15_000;
/** Network failures in a row that stop the run. */
const FAILURES_TO_STOP = 5;

function usage(message: string): never {
  console.error(`verify:live: ${message}\n\n${USAGE}`);
  process.exit(2);
}

/** Why a fetch failed, in a few words: `connect ECONNREFUSED 127.0.0.1:9`, `no answer within 30 s`. */
function failureReason(error: unknown, timeoutSeconds: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutSeconds} s`;
  return e.cause?.message ?? e.cause?.code ?? e.message ?? String(error);
}

async function probe(gateway: string): Promise<string | undefined> {
  try {
    const answer = await fetch(gateway, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await answer.body?.cancel();
    return undefined;
  } catch (error) {
    return failureReason(error, PROBE_TIMEOUT_MS / 1000);
  }
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((done) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => done(Buffer.concat(chunks)));
  });

const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'accept-encoding', 'transfer-encoding', 'keep-alive']);

interface Proxy {
  origin: string;
  requests(): number;
  stopped(): string | undefined;
  close(): Promise<void>;
}

/** The polite loopback proxy every request of the run goes through. */
async function startProxy(options: VerifyOptions, onStop: (reason: string) => void): Promise<Proxy> {
  const limiter = new RequestLimiter(LIMITS);
  let requests = 0;
  let failures = 0;
  let stopped: string | undefined;
  const server = createServer((req, res) => {
    void (async () => {
      const upstream = upstreamOf(req.url ?? '/');
      if (!upstream) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('verify:live: not a proxied URL');
        return;
      }
      const body = await readBody(req);
      if (stopped) {
        res.writeHead(503, { 'content-type': 'text/plain', 'x-verify-live': 'stopped' }).end(`verify:live: not sent, the run stopped: ${stopped}`);
        return;
      }
      await limiter.run(async () => {
        requests++;
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([k, v]) => !HOP_HEADERS.has(k) && typeof v === 'string')) as Record<string, string>;
        try {
          const answer = await fetch(upstream, {
            method: req.method ?? 'GET',
            headers,
            ...(body.length ? { body: new Uint8Array(body) } : {}),
            redirect: 'follow',
            signal: AbortSignal.timeout(options.timeoutSeconds * 1000),
          });
          const bytes = Buffer.from(await answer.arrayBuffer());
          failures = 0;
          const out: Record<string, string> = {};
          answer.headers.forEach((value, key) => {
            if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(key)) out[key] = value;
          });
          res.writeHead(answer.status, out).end(bytes);
        } catch (error) {
          failures++;
          const reason = failureReason(error, options.timeoutSeconds);
          const timeout = reason.startsWith('no answer');
          res.writeHead(timeout ? 504 : 502, { 'content-type': 'text/plain', 'x-verify-live': timeout ? 'timeout' : 'unreachable' }).end(`verify:live: ${new URL(upstream).host}: ${reason}`);
          if (failures >= FAILURES_TO_STOP && !stopped) {
            stopped = `the API stopped answering (${FAILURES_TO_STOP} requests in a row failed; the last: ${reason})`;
            onStop(stopped);
          }
        }
      });
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests: () => requests,
    stopped: () => stopped,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

function writeReport(out: string, report: VerifyReport): void {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'verify-live.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(out, 'verify-live.md'), reportMarkdown(report));
}

/** Inputs every recipe gets from the environment checked: its sign-in URLs. */
function environmentInputs(env: Environment, inputs: { name: string; default?: unknown }[]): Record<string, string> {
  const given: Record<string, string> = {};
  for (const input of inputs) {
    const moved = authUrl(input.default, env);
    if (typeof moved === 'string' && moved !== input.default) given[input.name] = moved;
  }
  return given;
}

async function main(): Promise<number> {
  const startedAt = new Date();
  let options: VerifyOptions;
  try {
    options = parseVerifyArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) usage(error.message);
    throw error;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  let env: Environment;
  try {
    env = resolveEnvironment({ ALA_ENV: options.env, ALA_API_BASE: options.base });
  } catch (error) {
    if (error instanceof ConfigError) usage(error.message.replaceAll('ALA_API_BASE', '--base').replaceAll('ALA_ENV', '--env'));
    throw error;
  }
  const out = resolve(options.out);
  const gateway = env.apiBase;
  const where = options.base ? `--base ${gateway}` : `the ${env.label.toLowerCase()} environment (${gateway})`;
  console.log(`verify:live: checking ${where}${options.only.length ? `, only ${options.only.join(', ')}` : ''}`);

  // First of all, whether the gateway answers at all.
  const base = { environment: env.name, gateway, limits: { ...LIMITS, timeoutSeconds: options.timeoutSeconds } };
  const unreachable = await probe(gateway);
  if (unreachable) {
    const reason = `cannot reach the API gateway at ${gateway}: ${unreachable}. Nothing was checked.`;
    console.error(`verify:live: ${reason}`);
    writeReport(out, buildReport({ ...base, startedAt, finishedAt: new Date(), requests: 0, stopped: reason, services: [], plan: { checks: [], skipped: [], notPublicGet: {} }, runs: [], exampleResults: [], recipeResults: new Map() }));
    return 2;
  }

  const loaded = await loadDocuments('openapi', env, process.cwd(), { schemaWarnings: false });
  if (loaded.problems.some((p) => p.severity === 'error')) {
    console.error(loaded.problems.map(formatProblem).join('\n'));
    return 2;
  }
  const services = serviceModels(loaded.documents, env);
  const unknown = options.only.filter((id) => !services.some((s) => s.id === id));
  if (unknown.length) usage(`no service ${unknown.join(', ')} (services: ${services.map((s) => s.id).join(', ')})`);
  const scope = services.filter((s) => !options.only.length || options.only.includes(s.id));

  const stop = new AbortController();
  const proxy = await startProxy(options, (reason) => {
    console.error(`verify:live: ${reason}; stopping.`);
    stop.abort();
  });
  const work = mkdtempSync(join(tmpdir(), 'verify-live-'));
  try {
    // The documents Respect checks against: the environment's copies, every server through the proxy.
    mkdirSync(join(work, 'openapi'));
    const documentFile = (id: string) => join(work, 'openapi', `${id}.json`);
    for (const d of loaded.documents) writeFileSync(documentFile(d.id), JSON.stringify(verificationDocument(d.document, proxy.origin)));

    const plan = examplePlan(scope);
    const files: string[] = [];
    const examplesFile = join(work, 'examples.arazzo.yaml');
    if (plan.checks.length) {
      writeFileSync(examplesFile, stringify(examplesDocument(plan.checks, documentFile)));
      files.push(examplesFile);
    }

    const recipes = await loadRecipes('workflows');
    if (recipes.problems.length) {
      console.error(recipes.problems.map(formatProblem).join('\n'));
      return 2;
    }
    const inputs: Record<string, unknown> = {};
    const runs: RecipeRun[] = [];
    for (const { file, workflow } of recipes.entries.filter((e) => recipeInScope(e.workflow, options.only))) {
      const given = { ...environmentInputs(env, workflow.inputs), ...options.inputs };
      for (const [name, value] of Object.entries(given)) {
        const type = workflow.inputs.find((i) => i.name === name)?.type;
        inputs[name] = type === 'array' || type === 'object' ? JSON.parse(value) : value;
      }
      const run = prepareRecipe(parse(readFileSync(file, 'utf8')) as Record<string, unknown>, workflow, given, documentFile);
      runs.push(run);
      if (run.document) {
        const recipeFile = join(work, `${workflow.name}.arazzo.yaml`);
        writeFileSync(recipeFile, stringify(run.document));
        files.push(recipeFile);
      }
    }

    console.log(`verify:live: ${runs.filter((r) => r.document).length} recipes and ${plan.checks.length} example requests to run; at most ${LIMITS.maxInFlight} requests at a time, ${LIMITS.perSecond} a second`);
    const respect = files.length
      ? await runRespect({
          files,
          inputs,
          jsonOut: join(work, 'respect.json'),
          maxFetchTimeoutMs: (options.timeoutSeconds + 10) * 1000,
          executionTimeoutMs: 3 * 3600_000,
          signal: stop.signal,
        })
      : { code: 0, output: '', results: [] };
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'respect.log'), respect.output);
    const exampleResults = respect.results.filter((r) => r.file.endsWith('examples.arazzo.yaml'));
    const recipeResults = new Map(runs.map((run) => [run.name, respect.results.find((r) => r.file.endsWith(`/${run.name}.arazzo.yaml`))]));
    const stopped = proxy.stopped();
    const report = buildReport({
      ...base,
      startedAt,
      finishedAt: new Date(),
      requests: proxy.requests(),
      ...(stopped ? { stopped } : {}),
      services: scope.map((s) => ({ id: s.id, title: s.title })),
      plan,
      runs,
      exampleResults,
      recipeResults,
      realUrl: (url) => {
        const u = new URL(url);
        return u.origin === proxy.origin ? (upstreamOf(u.pathname + u.search) ?? url) : url;
      },
    });
    if (!stopped && files.length && !respect.results.length) {
      console.error(`verify:live: Respect ran but wrote no results; its output:\n${respect.output}`);
      return 2;
    }
    writeReport(out, report);
    const { totals } = report;
    console.log(`verify:live: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped (${report.requests} requests)`);
    for (const s of report.services) for (const o of s.operations.filter((x) => x.outcome === 'failed')) console.log(`  FAILED ${s.id} ${o.operationId}: ${o.detail}`);
    for (const r of report.recipes.filter((x) => x.outcome === 'failed')) console.log(`  FAILED recipe ${r.name}: ${r.steps.find((s) => s.outcome === 'failed')?.detail ?? ''}`);
    console.log(`verify:live: report in ${join(out, 'verify-live.md')} and verify-live.json`);
    if (stopped) return 2;
    return totals.failed ? 1 : 0;
  } finally {
    await proxy.close();
    rmSync(work, { recursive: true, force: true });
  }
}

process.exit(await main());
