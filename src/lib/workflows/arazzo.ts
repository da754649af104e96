/**
 * Reads a recipe's Arazzo document (`workflows/<name>.arazzo.yaml`) into the checked shape the
 * recipe pages, the generated scripts and `verify:live` use: its source descriptions (each one of
 * the project's OpenAPI documents), its one workflow's inputs, steps and outputs. What a recipe
 * may not do is reported as `workflows/<file>:<line>:<col> <message>`, like the OpenAPI problems.
 *
 * Besides Arazzo 1.0 it reads four extensions, two of Redocly Respect's — `x-operation` (a step
 * that calls a URL taken from an earlier answer, or a sign-in endpoint no document describes) and
 * `x-security` (the credentials a step sends) — and two of ours:
 *  - `x-docs` on an `x-operation` step: the operation it calls (`$sourceDescriptions.<name>.<id>`)
 *    or, for what has no operation page, the site page that explains it (`/authentication/#…`);
 *  - `x-download` on the workflow: an output URL the scripts fetch into a file at the end.
 */
import { documentId } from '../openapi/slug.ts';
import { isObject, type Json } from '../openapi/json.ts';
import { pointerOf } from '../openapi/pointer.ts';
import type { Problem } from '../openapi/problems.ts';
import { parseSource } from '../openapi/source.ts';
import {
  ExpressionError,
  readAnswerPart,
  readCriterion,
  readExpression,
  readValue,
  valueDependencies,
  type AnswerPart,
  type Condition,
  type ValueSource,
} from './expressions.ts';

const WORKFLOW_PATTERN = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.arazzo\.ya?ml$/;

/** The recipe name of a workflow file (`occurrence-download.arazzo.yaml` → `occurrence-download`). */
export const recipeName = (fileName: string): string | undefined => WORKFLOW_PATTERN.exec(fileName)?.[1];

export interface SourceSpec {
  /** The source description's name, as steps refer to it. */
  name: string;
  /** The service whose document it is: `../openapi/<id>.yaml`. */
  serviceId: string;
  /** As written in the workflow. */
  url: string;
}

export interface OperationRef {
  source: string;
  operationId: string;
}

export type StepCall =
  | ({ kind: 'operation' } & OperationRef)
  | { kind: 'url'; method: string; url: ValueSource; docs: ({ kind: 'operation' } & OperationRef) | { kind: 'page'; path: string } };

export interface ParameterSpec {
  name: string;
  in: 'query' | 'path' | 'header';
  value: ValueSource;
}

export type SecuritySpec =
  | { kind: 'basic'; username: ValueSource; password: ValueSource }
  | { kind: 'bearer'; scheme: string; token: ValueSource };

export interface RetrySpec {
  /** Seconds between attempts. */
  after: number;
  /** How many times the step is asked again at most. */
  limit: number;
  /** Asked again only while all of these hold. */
  while: Condition[];
}

export interface StepSpec {
  stepId: string;
  /** Markdown. */
  description: string;
  /** Where the step is in its file (a JSON pointer), for messages. */
  at: string;
  call: StepCall;
  parameters: ParameterSpec[];
  body?: { contentType: string; value: ValueSource };
  security?: SecuritySpec;
  success: Condition[];
  retry?: RetrySpec;
  outputs: { name: string; from: AnswerPart }[];
}

/** Every value a workflow step sends: its parameters, body, URL (an `x-operation` step) and credentials. */
export const stepValues = (step: StepSpec): ValueSource[] => sentValues(step, step.call.kind === 'url' ? step.call.url : undefined);

export type InputType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';

export interface InputSpec {
  name: string;
  type: InputType;
  /** Markdown. */
  description: string;
  default?: unknown;
  required: boolean;
  /** `format: password`: read from the environment, never written into code or logs. */
  secret: boolean;
}

export interface WorkflowSpec {
  /** `workflows/<name>.arazzo.yaml`. */
  file: string;
  /** The recipe name, from the file name. */
  name: string;
  title: string;
  summary: string;
  /** Markdown. */
  description: string;
  workflowId: string;
  sources: SourceSpec[];
  inputs: InputSpec[];
  steps: StepSpec[];
  outputs: { name: string; value: ValueSource }[];
  download?: { url: ValueSource; file: string };
}

const INPUT_TYPES: readonly InputType[] = ['string', 'integer', 'number', 'boolean', 'array', 'object'];
const OPERATION_ID = /^\$sourceDescriptions\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_.-]+)$/;

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** Reads and checks one workflow file; `file` is its path from the project root. */
export function readWorkflow(file: string, source: string): { workflow?: WorkflowSpec; problems: Problem[] } {
  const parsed = parseSource(file, source);
  if (!parsed.source) return { problems: parsed.problems };
  const { locate } = parsed.source;
  const problems: Problem[] = [];
  const problem = (path: (string | number)[], message: string) =>
    problems.push({ file, position: locate(pointerOf(path.map(String))), message, severity: 'error' });

  const name = recipeName(file.split('/').pop() ?? file);
  if (!name) problem([], `the file name must be <name>.arazzo.yaml with <name> in kebab case`);
  const doc = parsed.source.value;
  if (!isObject(doc)) {
    problem([], 'an Arazzo document must be a mapping');
    return { problems };
  }
  if (!/^1\.0\.\d+$/.test(text(doc['arazzo']))) problem(['arazzo'], `"arazzo" must be 1.0.x (Redocly Respect runs Arazzo 1.0)`);
  const info = isObject(doc['info']) ? doc['info'] : {};
  if (!text(info['title'])) problem(['info'], 'info.title is missing: it is the recipe page\'s title');
  if (!text(info['summary'])) problem(['info'], 'info.summary is missing: it is the recipe\'s one line in lists');

  const sources: SourceSpec[] = [];
  (Array.isArray(doc['sourceDescriptions']) ? doc['sourceDescriptions'] : []).forEach((s: unknown, i) => {
    const sd = isObject(s) ? s : {};
    const url = text(sd['url']);
    const documentFile = /^\.\.\/openapi\/([^/]+\.ya?ml)$/.exec(url)?.[1];
    if (sd['type'] !== 'openapi' || !documentFile) {
      problem(['sourceDescriptions', i], `source description "${text(sd['name'])}" must be one of the project's OpenAPI documents: type openapi, url ../openapi/<service>.yaml`);
      return;
    }
    sources.push({ name: text(sd['name']), serviceId: documentId(documentFile), url });
  });
  if (!sources.length) problem(['sourceDescriptions'], 'a recipe needs at least one source description');

  const workflows = Array.isArray(doc['workflows']) ? doc['workflows'] : [];
  if (workflows.length !== 1 || !isObject(workflows[0])) {
    problem(['workflows'], 'a recipe file holds exactly one workflow');
    return { problems };
  }
  const wf = workflows[0] as Json;
  const workflowId = text(wf['workflowId']);
  const at = (...path: (string | number)[]) => ['workflows', 0, ...path];
  const guard = <T>(path: (string | number)[], read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      problem(path, error.message);
      return undefined;
    }
  };
  const sourceNamed = (path: (string | number)[], expression: string): OperationRef | undefined => {
    const match = OPERATION_ID.exec(expression);
    if (!match) {
      problem(path, `"${expression}" must name an operation as $sourceDescriptions.<source>.<operationId>`);
      return undefined;
    }
    if (!sources.some((s) => s.name === match[1])) {
      problem(path, `"${expression}": there is no source description "${match[1]}"`);
      return undefined;
    }
    return { source: match[1]!, operationId: match[2]! };
  };

  // Inputs.
  const inputSchema = isObject(wf['inputs']) ? wf['inputs'] : {};
  const required = new Set(Array.isArray(inputSchema['required']) ? inputSchema['required'].map(String) : []);
  const inputs: InputSpec[] = Object.entries(isObject(inputSchema['properties']) ? inputSchema['properties'] : {}).map(([inputName, raw]) => {
    const schema = isObject(raw) ? raw : {};
    const type = text(schema['type']) as InputType;
    if (!INPUT_TYPES.includes(type)) problem(at('inputs', 'properties', inputName), `input "${inputName}" needs a type (${INPUT_TYPES.join(', ')})`);
    if (!text(schema['description'])) problem(at('inputs', 'properties', inputName), `input "${inputName}" needs a description: the recipe page lists it`);
    if (schema['format'] !== undefined && schema['format'] !== 'password') {
      // Redocly Respect stops without a word on a format its validator does not know.
      problem(at('inputs', 'properties', inputName, 'format'), `input "${inputName}": the only format recipes use is "password" (a secret)`);
    }
    return {
      name: inputName,
      type: INPUT_TYPES.includes(type) ? type : 'string',
      description: text(schema['description']),
      ...(schema['default'] !== undefined ? { default: schema['default'] } : {}),
      required: required.has(inputName),
      secret: schema['format'] === 'password',
    };
  });

  // Steps.
  const seenSteps = new Set<string>();
  const steps: StepSpec[] = [];
  (Array.isArray(wf['steps']) ? wf['steps'] : []).forEach((raw: unknown, i) => {
    const step = isObject(raw) ? raw : {};
    const path = at('steps', i);
    const stepId = text(step['stepId']);
    let call: StepCall | undefined;
    if (typeof step['operationId'] === 'string') {
      const ref = sourceNamed([...path, 'operationId'], step['operationId']);
      if (ref) call = { kind: 'operation', ...ref };
    } else if (isObject(step['x-operation'])) {
      const xop = step['x-operation'];
      const url = guard([...path, 'x-operation', 'url'], () => readValue(xop['url'], workflowId));
      const docs = text(step['x-docs']);
      let docsRef: Extract<StepCall, { kind: 'url' }>['docs'] | undefined;
      if (docs.startsWith('/')) docsRef = { kind: 'page', path: docs };
      else if (docs) {
        const ref = sourceNamed([...path, 'x-docs'], docs);
        if (ref) docsRef = { kind: 'operation', ...ref };
      } else problem(path, `step "${stepId}" calls a URL (x-operation): say in x-docs which operation that is, or which page explains it`);
      if (url && docsRef) call = { kind: 'url', method: text(xop['method']).toUpperCase() || 'GET', url, docs: docsRef };
    } else {
      problem(path, `step "${stepId}" must call an operation by operationId (or a URL with x-operation); workflowId and operationPath steps are not used in recipes`);
    }

    const parameters: ParameterSpec[] = [];
    (Array.isArray(step['parameters']) ? step['parameters'] : []).forEach((p: unknown, j) => {
      const param = isObject(p) ? p : {};
      const where = text(param['in']);
      if (!['query', 'path', 'header'].includes(where)) {
        problem([...path, 'parameters', j], `parameter "${text(param['name'])}" must say where it goes: in query, path or header`);
        return;
      }
      const value = guard([...path, 'parameters', j, 'value'], () => readValue(param['value'], workflowId));
      if (value) parameters.push({ name: text(param['name']), in: where as ParameterSpec['in'], value });
    });

    let body: StepSpec['body'];
    if (isObject(step['requestBody'])) {
      const rb = step['requestBody'];
      const value = guard([...path, 'requestBody', 'payload'], () => readValue(rb['payload'], workflowId));
      if (value) body = { contentType: text(rb['contentType']) || 'application/json', value };
    }

    let security: SecuritySpec | undefined;
    const xsec = Array.isArray(step['x-security']) ? step['x-security'] : [];
    if (xsec.length > 1) problem([...path, 'x-security'], 'a recipe step sends one credential at most');
    const sec = isObject(xsec[0]) ? xsec[0] : undefined;
    if (sec) {
      const values = isObject(sec['values']) ? sec['values'] : {};
      const scheme = isObject(sec['scheme']) ? sec['scheme'] : undefined;
      if (scheme && scheme['type'] === 'http' && scheme['scheme'] === 'basic') {
        const username = guard([...path, 'x-security', 0, 'values', 'username'], () => readValue(values['username'], workflowId));
        const password = guard([...path, 'x-security', 0, 'values', 'password'], () => readValue(values['password'], workflowId));
        if (username && password) security = { kind: 'basic', username, password };
      } else if (typeof sec['schemeName'] === 'string' && values['accessToken'] !== undefined) {
        const token = guard([...path, 'x-security', 0, 'values', 'accessToken'], () => readValue(values['accessToken'], workflowId));
        if (token) security = { kind: 'bearer', scheme: sec['schemeName'], token };
      } else {
        problem([...path, 'x-security'], 'recipes send HTTP Basic credentials (scheme http/basic) or a bearer token (schemeName + values.accessToken)');
      }
    }

    const success = (Array.isArray(step['successCriteria']) ? step['successCriteria'] : [])
      .map((c: unknown, j) => guard([...path, 'successCriteria', j], () => readCriterion(c as { condition: string })))
      .filter((c): c is Condition => c !== undefined);
    if (!success.length) problem(path, `step "${stepId}" needs success criteria (at least $statusCode == 200)`);

    let retry: RetrySpec | undefined;
    const failures = Array.isArray(step['onFailure']) ? step['onFailure'] : [];
    failures.forEach((f: unknown, j) => {
      const action = isObject(f) ? f : {};
      if (action['type'] !== 'retry' || typeof action['retryAfter'] !== 'number' || typeof action['retryLimit'] !== 'number' || failures.length > 1) {
        problem([...path, 'onFailure', j], 'the one failure action recipes use is a retry with retryAfter, retryLimit and criteria');
        return;
      }
      const criteria = (Array.isArray(action['criteria']) ? action['criteria'] : [])
        .map((c: unknown, k) => guard([...path, 'onFailure', j, 'criteria', k], () => readCriterion(c as { condition: string })))
        .filter((c): c is Condition => c !== undefined);
      retry = { after: action['retryAfter'], limit: action['retryLimit'], while: criteria };
    });
    if (step['onSuccess'] !== undefined) problem([...path, 'onSuccess'], 'recipes run their steps in order: onSuccess is not used');

    const outputs = Object.entries(isObject(step['outputs']) ? step['outputs'] : {})
      .map(([outputName, expression]) => {
        const from = guard([...path, 'outputs', outputName], () => readAnswerPart(text(expression)));
        return from ? { name: outputName, from } : undefined;
      })
      .filter((o): o is StepSpec['outputs'][number] => o !== undefined);

    if (!stepId || seenSteps.has(stepId)) problem(path, stepId ? `stepId "${stepId}" is used twice` : 'a step needs a stepId');
    seenSteps.add(stepId);
    if (call) {
      steps.push({ stepId, description: text(step['description']), at: pointerOf(path.map(String)), call, parameters, ...(body ? { body } : {}), ...(security ? { security } : {}), success, ...(retry ? { retry } : {}), outputs });
    }
  });
  if (!steps.length && !problems.length) problem(at('steps'), 'a recipe needs at least one step');

  // Every value a step sends must exist by then: an input, or an output of an earlier step.
  const known = new Set<string>();
  for (const step of steps) {
    const stepProblem = (message: string) => problems.push({ file, position: locate(step.at), message, severity: 'error' });
    for (const dep of stepValues(step).flatMap(valueDependencies)) {
      if (dep.kind === 'input' && !inputs.some((input) => input.name === dep.name)) stepProblem(`step "${step.stepId}" uses the input "${dep.name}", which the workflow does not declare`);
      if (dep.kind === 'output' && !known.has(`${dep.step}.${dep.name}`)) stepProblem(`step "${step.stepId}" uses $steps.${dep.step}.outputs.${dep.name}, which no earlier step keeps`);
    }
    for (const output of step.outputs) known.add(`${step.stepId}.${output.name}`);
  }

  const outputs = Object.entries(isObject(wf['outputs']) ? wf['outputs'] : {})
    .map(([outputName, expression]) => {
      const value = guard(at('outputs', outputName), () => readExpression(text(expression), workflowId));
      if (value?.kind === 'output' && !known.has(`${value.step}.${value.name}`)) problem(at('outputs', outputName), `output "${outputName}" is no step's output`);
      return value ? { name: outputName, value } : undefined;
    })
    .filter((o): o is WorkflowSpec['outputs'][number] => o !== undefined);

  let download: WorkflowSpec['download'];
  if (isObject(wf['x-download'])) {
    const xd = wf['x-download'];
    const url = guard(at('x-download', 'url'), () => readExpression(text(xd['url']), workflowId));
    if (!text(xd['file'])) problem(at('x-download'), 'x-download needs the name of the file to save');
    if (url) download = { url, file: text(xd['file']) };
  }

  if (problems.length) return { problems };
  return {
    workflow: {
      file,
      name: name!,
      title: text(info['title']),
      summary: text(info['summary']),
      description: text(info['description']),
      workflowId,
      sources,
      inputs,
      steps,
      outputs,
      ...(download ? { download } : {}),
    },
    problems,
  };
}

/** Every value a step's request sends: its parameters, its body, the URL it follows (`url`), its credentials. */
export function sentValues(step: Pick<StepSpec, 'parameters' | 'body' | 'security'>, url: ValueSource | undefined): ValueSource[] {
  return [
    ...step.parameters.map((p) => p.value),
    ...(step.body ? [step.body.value] : []),
    ...(url ? [url] : []),
    ...(step.security?.kind === 'basic' ? [step.security.username, step.security.password] : step.security ? [step.security.token] : []),
  ];
}

/** The operation a step names, by operationId or (a step that calls a URL) in x-docs; none for a step that x-docs sends to a page. */
export function namedOperation(call: StepCall): OperationRef | undefined {
  return call.kind === 'operation' ? call : call.docs.kind === 'operation' ? call.docs : undefined;
}

/**
 * The operations a workflow names that its documents do not define. `operationIds` gives the
 * operationIds of a service's document (undefined: there is no such document).
 */
export function missingOperations(
  workflow: WorkflowSpec,
  operationIds: (serviceId: string) => ReadonlySet<string> | undefined,
): { pointer: string; message: string }[] {
  const found: { pointer: string; message: string }[] = [];
  for (const step of workflow.steps) {
    const ref = namedOperation(step.call);
    if (!ref) continue;
    const source = workflow.sources.find((s) => s.name === ref.source)!;
    const ids = operationIds(source.serviceId);
    const pointer = `${step.at}/${step.call.kind === 'operation' ? 'operationId' : 'x-docs'}`;
    if (!ids) found.push({ pointer, message: `step "${step.stepId}": source "${source.name}" points at openapi/${source.serviceId}.yaml, which does not exist` });
    else if (!ids.has(ref.operationId)) {
      found.push({ pointer, message: `step "${step.stepId}" calls operationId "${ref.operationId}", which openapi/${source.serviceId}.yaml does not define` });
    }
  }
  return found;
}
