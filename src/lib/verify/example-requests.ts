/**
 * The documented example request of every public GET operation, as `verify:live` sends it: the
 * request the operation page's samples make (every required parameter and the first optional
 * ones with an example: src/lib/samples/sample-request.ts), written as one Arazzo workflow per
 * operation so that Redocly Respect sends it and checks the answer's status, content type and
 * body against the document. Operations it cannot check are listed with the reason.
 */
import type { ParameterModel } from '../reference-model/operation-model.ts';
import type { ServiceModel } from '../reference-model/service-model.ts';
import { valueTexts } from '../samples/sample-request.ts';

export interface ExampleCheck {
  serviceId: string;
  operationId: string;
  /** The operation's page. */
  href: string;
  workflowId: string;
  parameters: { name: string; in: string; value: unknown }[];
  /** The documented success status the answer must have. */
  status: number;
}

export interface SkippedOperation {
  serviceId: string;
  operationId: string;
  href: string;
  reason: string;
}

export interface ExamplePlan {
  checks: ExampleCheck[];
  skipped: SkippedOperation[];
  /** Operations not checked because they are not public GETs: a token or API key is needed, or they change data. */
  notPublicGet: Record<string, number>;
}

/** The workflow id of an operation's example (Arazzo ids: letters, digits, `_` and `-`). */
const exampleWorkflowId = (serviceId: string, operationId: string) => `${serviceId}--${operationId}`.replace(/[^A-Za-z0-9_-]/g, '_');

/** Whether the document gives a parameter's value (an example, a default, an enum), so the sample's value is not made up from its type. */
const documented = (param: ParameterModel) => param.example !== undefined || param.schema.default !== undefined || param.schema.enum.length > 0;

/** What `verify:live` checks of these services (all, when `only` is empty). */
export function examplePlan(services: readonly ServiceModel[], only: readonly string[] = []): ExamplePlan {
  const plan: ExamplePlan = { checks: [], skipped: [], notPublicGet: {} };
  for (const service of services.filter((s) => !only.length || only.includes(s.id))) {
    for (const op of service.operations) {
      if (op.method !== 'GET' || (op.access.kind !== 'public' && op.access.kind !== 'optional')) {
        plan.notPublicGet[service.id] = (plan.notPublicGet[service.id] ?? 0) + 1;
        continue;
      }
      const base = { serviceId: service.id, operationId: op.operationId, href: op.href };
      const chosen = op.sample.parameters;
      const missing = chosen
        .filter((p) => {
          const param = op.parameters.find((q) => q.name === p.name && q.in === p.in);
          return param?.required && !documented(param);
        })
        .map((p) => p.name);
      if (missing.length) {
        plan.skipped.push({ ...base, reason: `no documented example for ${missing.map((m) => `\`${m}\``).join(', ')}` });
        continue;
      }
      if (chosen.some((p) => typeof p.value === 'string' && p.value.startsWith('$'))) {
        plan.skipped.push({ ...base, reason: 'an example value starts with `$`, which Arazzo reads as an expression' });
        continue;
      }
      const success = op.responses.map((r) => r.status).find((s) => /^2\d\d$/.test(s));
      if (!success) {
        plan.skipped.push({ ...base, reason: 'documents no success (2xx) answer to check' });
        continue;
      }
      plan.checks.push({
        ...base,
        workflowId: exampleWorkflowId(service.id, op.operationId),
        parameters: chosen.filter((p) => p.value !== undefined && ['path', 'query', 'header'].includes(p.in)).map((p) => ({ name: p.name, in: p.in, value: p.value })),
        status: Number(success),
      });
    }
  }
  return plan;
}

/** A parameter value as Respect sends it: arrays as one comma-separated value, like the services read them; objects as JSON. */
function arazzoValue(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? valueTexts(value).join(',') : value;
}

/** The Arazzo document of the checks: one workflow of one step per operation. */
export function examplesDocument(checks: readonly ExampleCheck[], sourceUrl: (serviceId: string) => string): Record<string, unknown> {
  const services = [...new Set(checks.map((c) => c.serviceId))];
  return {
    arazzo: '1.0.1',
    info: { title: 'Documented example requests', summary: 'The example request of every public GET operation, checked against its document.', version: '1.0.0' },
    sourceDescriptions: services.map((id) => ({ name: id, url: sourceUrl(id), type: 'openapi' })),
    workflows: checks.map((c) => ({
      workflowId: c.workflowId,
      summary: `The documented example request of ${c.operationId}.`,
      steps: [
        {
          stepId: 'example',
          operationId: `$sourceDescriptions.${c.serviceId}.${c.operationId}`,
          parameters: c.parameters.map((p) => ({ name: p.name, in: p.in, value: arazzoValue(p.value) })),
          successCriteria: [{ condition: `$statusCode == ${c.status}` }],
        },
      ],
    })),
  };
}
