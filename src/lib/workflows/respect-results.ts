/**
 * What Redocly Respect found, read from its JSON output (`respect --json-output`): for each
 * workflow run, whether it passed and, per step, the request, the answer's status and the first
 * check that failed, in one line a person can act on. The recipe tests and `verify:live` read it.
 */
import { isObject, type Json } from '../openapi/json.ts';

export interface StepResult {
  stepId: string;
  method: string;
  url: string;
  /** The answer's HTTP status; undefined when no answer came. */
  status?: number;
  passed: boolean;
  /** The first failed check, in one line: `schema check: must NOT have unevaluated properties: "wrong"`. */
  mismatch?: string;
}

export interface WorkflowResult {
  /** The Arazzo file, as Respect names it. */
  file: string;
  workflowId: string;
  passed: boolean;
  steps: StepResult[];
}

// The escape sequences Respect colours its messages with.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** The first line of a check's message that says something. */
function firstLine(message: string): string {
  const lines = message.replace(ANSI, '').split('\n').map((l) => l.trim()).filter(Boolean);
  const useful = lines.find((l) => !/^List of valid response codes/.test(l) && !/^Expected value/.test(l)) ?? lines[0] ?? '';
  // Respect starts a schema error with the keyword in capitals (`UNEVALUATEDPROPERTIES must …`): the rest says it.
  return useful.replace(/^[A-Z]{3,} /, '').slice(0, 300);
}

function checkMismatch(check: Json, status: number | undefined): string {
  const name = typeof check['name'] === 'string' ? check['name'] : 'check';
  const message = typeof check['message'] === 'string' ? check['message'] : '';
  if (name === 'status code check') return `status code check: HTTP ${status ?? '?'} is not a status the document describes`;
  if (name === 'success criteria check') return `success criteria check: ${typeof check['condition'] === 'string' ? check['condition'] : firstLine(message)} is false (HTTP ${status ?? '?'})`;
  return `${name}: ${firstLine(message)}`;
}

/** Every workflow run of a Respect JSON output. */
export function respectResults(output: unknown): WorkflowResult[] {
  const files = isObject(output) && isObject(output['files']) ? output['files'] : {};
  const results: WorkflowResult[] = [];
  for (const [file, value] of Object.entries(files)) {
    const runs = isObject(value) && Array.isArray(value['executedWorkflows']) ? value['executedWorkflows'] : [];
    for (const run of runs.filter(isObject)) {
      const steps = (Array.isArray(run['executedSteps']) ? run['executedSteps'] : []).filter(isObject).map((step): StepResult => {
        const request = isObject(step['request']) ? step['request'] : {};
        const response = isObject(step['response']) ? step['response'] : undefined;
        const status = typeof response?.['statusCode'] === 'number' ? response['statusCode'] : undefined;
        const checks = (Array.isArray(step['checks']) ? step['checks'] : []).filter(isObject);
        const failed = checks.find((c) => c['passed'] === false && c['severity'] !== 'warn' && c['severity'] !== 'off');
        return {
          stepId: String(step['stepId'] ?? ''),
          method: String(request['method'] ?? '').toUpperCase(),
          url: String(request['url'] ?? ''),
          ...(status !== undefined ? { status } : {}),
          passed: !failed && step['status'] !== 'error',
          ...(failed ? { mismatch: checkMismatch(failed, status) } : step['status'] === 'error' ? { mismatch: 'the step failed without an answer' } : {}),
        };
      });
      results.push({ file, workflowId: String(run['workflowId'] ?? ''), passed: run['status'] === 'success', steps });
    }
  }
  return results;
}
