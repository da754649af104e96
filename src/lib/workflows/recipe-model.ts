/**
 * A recipe as its page, its Markdown twin and its generated scripts see it: the workflow's inputs
 * (defaults moved to the build's environment), each step resolved against the reference model
 * (the operation's page, method, URL on the environment's server, what the answer's kept fields
 * are), the workflow's outputs, and one variable name per value in each script language.
 */
import type { Environment } from '../../config/environments.ts';
import { recipePath, servicePath } from '../../config/routes.ts';
import { authUrl } from '../openapi/environment.ts';
import { isJsonMedia } from '../reference-model/examples.ts';
import type { OperationModel } from '../reference-model/operation-model.ts';
import type { SchemaNode } from '../reference-model/schema-tree.ts';
import type { ServiceModel } from '../reference-model/service-model.ts';
import { valueText } from '../samples/sample-request.ts';
import { namedOperation, type InputSpec, type OperationRef, type StepSpec, type WorkflowSpec } from './arazzo.ts';
import { pointerKeys, type AnswerPart, type ValueSource } from './expressions.ts';

/**
 * A value's name in each script: `SCIENTIFIC_NAME` in the shell (for an input, also the
 * environment variable that overrides it), in Python an input's constant or an output's
 * `scientific_name`, in R `scientific_name`.
 */
export interface VariableNames {
  shell: string;
  python: string;
  r: string;
}

export interface RecipeInput extends InputSpec {
  variable: VariableNames;
  /** The default as this environment's scripts and page show it: a string as is, anything else as JSON. */
  shown?: string;
}

export interface RecipeOperation {
  serviceId: string;
  serviceTitle: string;
  operationId: string;
  title: string;
  /** The operation's page. */
  href: string;
  method: string;
  path: string;
}

export type OutputType = 'string' | 'number' | 'boolean' | 'json' | 'unknown';

export interface RecipeOutput {
  name: string;
  from: AnswerPart;
  variable: VariableNames;
  /** What the value is, as far as the document says (`json`: an object or array; `unknown`: it does not say). */
  type: OutputType;
  /** What the document says of that field. */
  description: string;
}

export interface RecipeStep extends Omit<StepSpec, 'outputs' | 'call'> {
  /** 1-based. */
  number: number;
  method: string;
  /** Where the request goes: the operation's URL template on the environment's server, or a value from an earlier answer. */
  target: { kind: 'url'; url: string } | { kind: 'value'; value: ValueSource };
  /** The operation it calls (its page), when it has one. */
  operation?: RecipeOperation;
  /** The site page that explains what it calls, when that is not an operation. */
  page?: { href: string; label: string };
  outputs: RecipeOutput[];
}

export interface RecipeModel {
  name: string;
  file: string;
  href: string;
  title: string;
  summary: string;
  description: string;
  workflowId: string;
  /** The services the recipe calls, in the order of its steps. */
  services: { id: string; title: string; href: string }[];
  inputs: RecipeInput[];
  steps: RecipeStep[];
  outputs: { name: string; value: ValueSource; variable: VariableNames }[];
  download?: { url: ValueSource; file: string };
}

export class RecipeError extends Error {
  override name = 'RecipeError';
}

const words = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
const RESERVED = new Set(['PATH', 'HOME', 'USER', 'SHELL', 'LANG', 'PWD', 'TERM', 'STATUS', 'BODY', 'RESPONSE', 'ATTEMPT', 'TMP', 'ANSWER']);

function namer() {
  const used = new Set<string>();
  return (base: string, constant = false): VariableNames => {
    let stem = words(base).toUpperCase() || 'VALUE';
    if (RESERVED.has(stem) || /^\d/.test(stem)) stem = `RECIPE_${stem}`;
    let name = stem;
    for (let n = 2; used.has(name); n++) name = `${stem}_${n}`;
    used.add(name);
    return { shell: name, python: constant ? name : name.toLowerCase(), r: name.toLowerCase() };
  };
}

/** The node of a response schema at a body pointer, if the schema says. */
export function schemaAt(node: SchemaNode | undefined, pointer: string): SchemaNode | undefined {
  let current = node;
  for (const key of pointerKeys(pointer)) {
    if (!current) return undefined;
    if (/^array\b/.test(current.type) && /^\d+$/.test(key)) {
      const item = current.type.replace(/^array of /, '');
      current = { ...current, type: item === current.type ? 'unknown' : item };
      continue;
    }
    current = current.fields.find((f) => f.name === key) ?? current.additional;
  }
  return current;
}

/** The kind of value a schema node holds (`string (uri)` → string, `array of Taxon` → json). */
function outputType(node: SchemaNode | undefined): OutputType {
  if (!node || node.type === 'unknown') return 'unknown';
  if (/^(array|object)\b/.test(node.type) || node.fields.length) return 'json';
  if (/^string\b/.test(node.type)) return 'string';
  if (/^(integer|number)\b/.test(node.type)) return 'number';
  if (/^boolean\b/.test(node.type)) return 'boolean';
  return 'unknown';
}

/** The JSON schema tree of an operation's success answer. */
function successSchema(op: OperationModel | undefined): SchemaNode | undefined {
  const response = op?.responses.find((r) => /^2/.test(r.status));
  return response?.contents.find((c) => isJsonMedia(c.mediaType))?.schema;
}

/** The recipe of a checked workflow, resolved against the reference of this build. */
export function recipeModel(workflow: WorkflowSpec, services: readonly ServiceModel[], env: Environment): RecipeModel {
  const fail = (message: string): never => {
    throw new RecipeError(`${workflow.file}: ${message}`);
  };
  const resolve = (ref: OperationRef, step: StepSpec): { service: ServiceModel; op: OperationModel } => {
    const source = workflow.sources.find((s) => s.name === ref.source);
    const service = services.find((s) => s.id === source?.serviceId);
    if (!source || !service) return fail(`step "${step.stepId}": the service of source "${ref.source}" is not in this build`);
    const op = service.operations.find((o) => o.operationId === ref.operationId);
    if (!op) return fail(`step "${step.stepId}" calls operationId "${ref.operationId}", which openapi/${service.id}.yaml does not define`);
    return { service, op };
  };
  const name = namer();
  const inputs: RecipeInput[] = workflow.inputs.map((input) => {
    // A default that is one of production's sign-in URLs becomes the environment's.
    const shown = authUrl(input.default, env);
    return { ...input, variable: name(input.name, true), ...(shown !== undefined ? { shown: valueText(shown) } : {}) };
  });
  const servicesUsed: RecipeModel['services'] = [];
  const steps: RecipeStep[] = workflow.steps.map((step, i) => {
    const { call, outputs, ...rest } = step;
    const ref = namedOperation(call);
    const resolved = ref ? resolve(ref, step) : undefined;
    if (resolved && !servicesUsed.some((s) => s.id === resolved.service.id)) {
      servicesUsed.push({ id: resolved.service.id, title: resolved.service.title, href: servicePath(resolved.service.id) });
    }
    const operation: RecipeOperation | undefined = resolved && {
      serviceId: resolved.service.id,
      serviceTitle: resolved.service.title,
      operationId: resolved.op.operationId,
      title: resolved.op.title,
      href: resolved.op.href,
      method: resolved.op.method,
      path: resolved.op.path,
    };
    const schema = successSchema(resolved?.op);
    const recipeOutputs: RecipeOutput[] = outputs.map((output) => {
      const node = output.from.kind === 'body' ? schemaAt(schema, output.from.pointer) : undefined;
      return {
        name: output.name,
        from: output.from,
        variable: name(output.name),
        type: output.from.kind === 'status' ? 'number' : outputType(node),
        description: node?.description ?? '',
      };
    });
    const page = call.kind === 'url' && call.docs.kind === 'page' ? { href: call.docs.path, label: 'the authentication guide' } : undefined;
    return {
      ...rest,
      number: i + 1,
      method: call.kind === 'operation' ? (operation?.method ?? 'GET') : call.method,
      target: call.kind === 'operation' ? { kind: 'url', url: resolved!.op.url } : { kind: 'value', value: call.url },
      ...(operation ? { operation } : {}),
      ...(page ? { page } : {}),
      outputs: recipeOutputs,
    };
  });
  return {
    name: workflow.name,
    file: workflow.file,
    href: recipePath(workflow.name),
    title: workflow.title,
    summary: workflow.summary,
    description: workflow.description,
    workflowId: workflow.workflowId,
    services: servicesUsed,
    inputs,
    steps,
    outputs: workflow.outputs.map((o) => ({ name: o.name, value: o.value, variable: (inputOf({ inputs }, o.value) ?? outputOf({ steps }, o.value))?.variable ?? name(o.name) })),
    ...(workflow.download ? { download: workflow.download } : {}),
  };
}

/** The input a value is, when it is one. */
export function inputOf(recipe: Pick<RecipeModel, 'inputs'>, value: ValueSource): RecipeInput | undefined {
  return value.kind === 'input' ? recipe.inputs.find((i) => i.name === value.name) : undefined;
}

/** The output a value refers to, when it is an earlier step's. */
export function outputOf(recipe: Pick<RecipeModel, 'steps'>, value: ValueSource): RecipeOutput | undefined {
  if (value.kind !== 'output') return undefined;
  return recipe.steps.find((s) => s.stepId === value.step)?.outputs.find((o) => o.name === value.name);
}

/** The variable that holds an input or an earlier step's output. */
export function variableOf(recipe: RecipeModel, value: Extract<ValueSource, { kind: 'input' | 'output' }>): VariableNames {
  const found = (inputOf(recipe, value) ?? outputOf(recipe, value))?.variable;
  if (!found) throw new RecipeError(`${recipe.file}: nothing holds ${value.kind === 'input' ? `input ${value.name}` : `${value.step}.${value.name}`}`);
  return found;
}
