/**
 * The report of a `verify:live` run, as JSON (for machines) and Markdown (for people): per
 * service, the operations whose documented example request passed, failed with the first
 * mismatch, or were skipped and why; per recipe, each step's outcome; and how the run went
 * (environment, gateway, limits, requests sent).
 */
import type { StepResult, WorkflowResult } from '../workflows/respect-results.ts';
import type { ExamplePlan } from './example-requests.ts';
import type { RecipeRun } from './recipe-runs.ts';

export interface OperationOutcome {
  operationId: string;
  href: string;
  outcome: 'passed' | 'failed' | 'skipped';
  /** The request sent, for passed and failed operations. */
  request?: string;
  status?: number;
  /** Why it failed (the first mismatch), or why it was skipped. */
  detail?: string;
}

export interface ServiceReport {
  id: string;
  title: string;
  passed: number;
  failed: number;
  skipped: number;
  /** Operations not checked: not a GET, or a token or API key is needed. */
  notChecked: number;
  operations: OperationOutcome[];
}

export interface RecipeReport {
  name: string;
  outcome: 'passed' | 'failed' | 'skipped';
  steps: { stepId: string; outcome: 'passed' | 'failed' | 'skipped' | 'not run'; request?: string; status?: number; detail?: string }[];
}

export interface VerifyReport {
  environment: string;
  gateway: string;
  startedAt: string;
  finishedAt: string;
  limits: { maxInFlight: number; perSecond: number; timeoutSeconds: number };
  requests: number;
  /** Set when the run stopped early (the gateway stopped answering). */
  stopped?: string;
  totals: { passed: number; failed: number; skipped: number };
  services: ServiceReport[];
  recipes: RecipeReport[];
}

export interface ReportInput {
  environment: string;
  gateway: string;
  startedAt: Date;
  finishedAt: Date;
  limits: VerifyReport['limits'];
  requests: number;
  stopped?: string;
  services: { id: string; title: string }[];
  plan: ExamplePlan;
  runs: RecipeRun[];
  /** Respect's results of the examples document. */
  exampleResults: WorkflowResult[];
  /** Respect's results of each recipe that ran, by recipe name. */
  recipeResults: Map<string, WorkflowResult | undefined>;
  /** The URL a request really went to (requests go through the run's proxy). */
  realUrl?: (url: string) => string;
}

export function buildReport(input: ReportInput): VerifyReport {
  const real = input.realUrl ?? ((url: string) => url);
  const requestOf = (step: StepResult) => `${step.method} ${real(step.url)}`;
  const byWorkflow = new Map(input.exampleResults.map((r) => [r.workflowId, r]));
  const services: ServiceReport[] = [];
  for (const service of input.services) {
    const operations: OperationOutcome[] = [];
    for (const check of input.plan.checks.filter((c) => c.serviceId === service.id)) {
      const result = byWorkflow.get(check.workflowId);
      const step = result?.steps[0];
      if (!result || !step) {
        operations.push({ operationId: check.operationId, href: check.href, outcome: 'skipped', detail: input.stopped ? 'not sent: the run stopped' : 'Respect did not run it' });
        continue;
      }
      operations.push({
        operationId: check.operationId,
        href: check.href,
        outcome: result.passed ? 'passed' : 'failed',
        request: requestOf(step),
        ...(step.status !== undefined ? { status: step.status } : {}),
        ...(!result.passed ? { detail: step.mismatch ?? 'failed' } : {}),
      });
    }
    for (const skip of input.plan.skipped.filter((s) => s.serviceId === service.id)) {
      operations.push({ operationId: skip.operationId, href: skip.href, outcome: 'skipped', detail: skip.reason });
    }
    const count = (o: OperationOutcome['outcome']) => operations.filter((x) => x.outcome === o).length;
    if (operations.length || input.plan.notPublicGet[service.id]) {
      services.push({ id: service.id, title: service.title, passed: count('passed'), failed: count('failed'), skipped: count('skipped'), notChecked: input.plan.notPublicGet[service.id] ?? 0, operations });
    }
  }
  const recipes: RecipeReport[] = input.runs.map((run) => {
    const result = input.recipeResults.get(run.name);
    const ran = (result?.steps ?? []).map((s) => ({
      stepId: s.stepId,
      outcome: s.passed ? ('passed' as const) : ('failed' as const),
      request: requestOf(s),
      ...(s.status !== undefined ? { status: s.status } : {}),
      ...(s.mismatch ? { detail: s.mismatch } : {}),
    }));
    const skipped = run.skipped.map((s) => ({ stepId: s.stepId, outcome: 'skipped' as const, detail: s.reason }));
    const outcome: RecipeReport['outcome'] = !run.document ? 'skipped' : result?.passed && ran.every((s) => s.outcome === 'passed') ? 'passed' : 'failed';
    return { name: run.name, outcome, steps: [...ran, ...skipped] };
  });
  const all = [...services.flatMap((s) => s.operations.map((o) => o.outcome)), ...recipes.map((r) => r.outcome)];
  return {
    environment: input.environment,
    gateway: input.gateway,
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    limits: input.limits,
    requests: input.requests,
    ...(input.stopped ? { stopped: input.stopped } : {}),
    totals: { passed: all.filter((o) => o === 'passed').length, failed: all.filter((o) => o === 'failed').length, skipped: all.filter((o) => o === 'skipped').length },
    services,
    recipes,
  };
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

export function reportMarkdown(report: VerifyReport): string {
  const { totals } = report;
  const lines = [
    `# verify:live — ${report.environment}`,
    '',
    `Gateway ${report.gateway}, ${report.startedAt} to ${report.finishedAt}: ${report.requests} requests (at most ${report.limits.maxInFlight} at a time, ${report.limits.perSecond} a second, ${report.limits.timeoutSeconds} s each).`,
    '',
    `**${totals.failed ? 'MISMATCH' : report.stopped ? 'NOT CHECKED' : 'OK'}** — ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped.`,
    '',
  ];
  if (report.stopped) lines.push(`> Stopped early: ${report.stopped}`, '');
  lines.push('## Recipes', '');
  if (!report.recipes.length) lines.push('None in scope.', '');
  for (const recipe of report.recipes) {
    lines.push(`### ${recipe.name}: ${recipe.outcome}`, '');
    for (const step of recipe.steps) lines.push(`- ${step.stepId}: ${step.outcome}${step.status !== undefined ? ` (HTTP ${step.status})` : ''}${step.detail ? ` — ${step.detail}` : ''}`);
    lines.push('');
  }
  lines.push('## Documented example requests', '', '| Service | Passed | Failed | Skipped | Not checked (not a public GET) |', '| --- | --- | --- | --- | --- |');
  for (const s of report.services) lines.push(`| ${s.title} | ${s.passed} | ${s.failed} | ${s.skipped} | ${s.notChecked} |`);
  lines.push('');
  for (const s of report.services.filter((x) => x.failed || x.skipped)) {
    lines.push(`### ${s.title}`, '');
    for (const o of s.operations.filter((x) => x.outcome === 'failed')) lines.push(`- FAILED ${o.operationId}${o.status !== undefined ? ` (HTTP ${o.status})` : ''}: ${cell(o.detail ?? '')}${o.request ? ` — ${o.request}` : ''}`);
    for (const o of s.operations.filter((x) => x.outcome === 'skipped')) lines.push(`- skipped ${o.operationId}: ${cell(o.detail ?? '')}`);
    lines.push('');
  }
  return `${lines.join('\n').trim()}\n`;
}
