/**
 * The words a recipe page and its Markdown twin share, written once as lists of parts
 * (text, `code`, links — src/lib/reference-model/words.ts): an input's default, the facts of each
 * step (what it calls, where each value it sends comes from, what makes it succeed, when it is
 * asked again, what it keeps), and the sections of the page.
 */
import { RECIPES_PATH } from '../../config/routes.ts';
import type { Part } from '../reference-model/words.ts';
import type { RetrySpec } from './arazzo.ts';
import { pointerKeys, type AnswerPart, type Condition, type Literal, type ValueSource } from './expressions.ts';
import { GALAH_VERSIONS } from './galah-code.ts';
import type { RecipeInput, RecipeModel, RecipeOutput, RecipeStep } from './recipe-model.ts';

/** The sections of a recipe page, for "On this page" and the twin. */
export function recipeHeadings(recipe: RecipeModel): { depth: number; slug: string; text: string }[] {
  return [
    { depth: 2, slug: 'what-you-need', text: 'What you need' },
    { depth: 2, slug: 'steps', text: 'Steps' },
    ...recipe.steps.map((s) => ({ depth: 3, slug: stepAnchor(s), text: stepHeading(s) })),
    { depth: 2, slug: 'result', text: 'Result' },
    { depth: 2, slug: 'script', text: 'The whole task as one script' },
    { depth: 2, slug: 'tested', text: 'How this recipe is checked' },
  ];
}

export const stepAnchor = (step: RecipeStep) => `step-${step.number}`;

/** `1. Match a scientific name` */
export function stepHeading(step: RecipeStep): string {
  return `${step.number}. ${step.operation?.title ?? (step.page ? 'Get an access token' : step.stepId)}`;
}

/** Where a step's heading links to: its operation's page, or the page that explains what it calls. */
export function stepLink(step: RecipeStep): string | undefined {
  return step.operation?.href ?? step.page?.href;
}

/** What a step calls, under its heading: the path and service, or why it has no operation page. */
export function stepReference(step: RecipeStep): Part[] {
  if (step.operation) return [{ code: step.operation.path }, ` — ${step.operation.serviceTitle}`];
  if (step.page) return ['the sign-in service\'s token endpoint, not an operation of the ALA APIs — see ', { href: step.page.href, text: step.page.label }];
  return [];
}

/**
 * What an input's default is: a secret and an input without a default are read from the
 * environment; otherwise its default value, which the page writes as code after "default" and
 * the twin's Default column as code alone.
 */
export function inputDefault(input: RecipeInput): string | { code: string } {
  if (input.secret) return 'a secret: from the environment only';
  return input.shown === undefined ? 'required' : { code: input.shown };
}

/**
 * A line of a step fact: what it is about when that is a name (a parameter, a content type),
 * which the page writes as code of its own, then the words about it.
 */
export interface FactLine {
  code?: string;
  parts: Part[];
}

/** One fact of a step under its term: one line, or a list of them. */
export type StepFact = { term: string; line: FactLine } | { term: string; items: FactLine[] };

/** The facts of a step, in the order its page and twin list them; those that do not apply are left out. */
export function stepFacts(recipe: RecipeModel, step: RecipeStep): StepFact[] {
  const followed = followedUrl(recipe, step);
  const security = securityParts(recipe, step);
  return [
    ...(followed ? [{ term: 'Calls', line: { parts: followed } }] : []),
    ...(step.parameters.length ? [{ term: 'Sends', items: step.parameters.map((p) => ({ code: p.name, parts: [` (${p.in}): `, ...valueParts(recipe, p.value)] })) }] : []),
    ...(step.body ? [{ term: 'Body', line: { code: step.body.contentType, parts: [': ', ...valueParts(recipe, step.body.value)] } }] : []),
    ...(security ? [{ term: 'Credentials', line: { parts: security } }] : []),
    { term: 'Succeeds when', line: { parts: successParts(step.success) } },
    ...(step.retry ? [{ term: 'Until then', line: { parts: retryParts(step.retry) } }] : []),
    ...(step.outputs.length ? [{ term: 'Keeps', items: step.outputs.map((o) => ({ parts: keptParts(o) })) }] : []),
  ];
}

/** A kept value: its name, where it comes from when that is not a field of the same name, and what the document says of it. */
function keptParts(output: RecipeOutput): Part[] {
  const same = output.from.kind === 'body' && fieldName(output.from.pointer) === output.name;
  return [{ code: output.name }, ...(same ? [] : [' (', ...answerParts(output.from), ')']), ...(output.description ? [' — ', ...textParts(output.description)] : [])];
}

/** A short Markdown text (one line, inline code only) as parts; other Markdown stays as written. */
function textParts(markdown: string): Part[] {
  return markdown
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(`[^`]+`)/)
    .filter(Boolean)
    .map((piece) => (/^`[^`]+`$/.test(piece) ? { code: piece.slice(1, -1) } : piece));
}

/** For an x-operation step that follows a URL: which operation that URL is. */
function followedUrl(recipe: RecipeModel, step: RecipeStep): Part[] | undefined {
  if (step.target.kind !== 'value') return undefined;
  return ['the URL ', ...valueParts(recipe, step.target.value), step.operation ? ': this operation, at the address the service gave' : '', '.'];
}

function literalText(value: Literal): string {
  return value === null ? 'null' : String(value);
}

/** A pointer into an answer as readers write it: `facetResults[0].fieldName`. */
function fieldName(pointer: string): string {
  return pointerKeys(pointer)
    .map((k, i) => (/^\d+$/.test(k) ? `[${k}]` : i === 0 ? k : `.${k}`))
    .join('');
}

function answerParts(part: AnswerPart): Part[] {
  if (part.kind === 'status') return ['the HTTP status'];
  return part.pointer ? [{ code: fieldName(part.pointer) }] : ['the whole answer'];
}

/** Where a value sent by a step comes from. */
export function valueParts(recipe: RecipeModel, value: ValueSource): Part[] {
  switch (value.kind) {
    case 'literal':
      return [{ code: literalText(value.value) }];
    case 'input':
      return ['your ', { code: value.name }];
    case 'output': {
      const step = recipe.steps.find((s) => s.stepId === value.step);
      return [{ code: value.name }, ` from step ${step?.number ?? value.step}`];
    }
    case 'template': {
      const pattern = value.parts.map((p) => (typeof p === 'string' ? p : `{${p.kind === 'input' || p.kind === 'output' ? p.name : '…'}}`)).join('');
      const sources = value.parts.filter((p): p is ValueSource => typeof p !== 'string');
      return [{ code: pattern }, ' with ', ...sources.flatMap((s, i) => [...(i ? [', '] : []), ...valueParts(recipe, s)])];
    }
    case 'array':
      return value.items.length ? ['a list: ', ...value.items.flatMap((v, i) => [...(i ? [', '] : []), ...valueParts(recipe, v)])] : ['an empty list'];
    case 'object':
      return ['an object: ', ...value.entries.flatMap(([k, v], i) => [...(i ? ['; '] : []), { code: k }, ' = ', ...valueParts(recipe, v)])];
  }
}

const OPS: Record<string, string> = { '==': 'is', '!=': 'is not', '<': 'is below', '<=': 'is at most', '>': 'is above', '>=': 'is at least' };

function conditionParts(condition: Condition): Part[] {
  switch (condition.kind) {
    case 'compare':
      return [...answerParts(condition.left), ` ${OPS[condition.op]} `, { code: literalText(condition.right) }];
    case 'regex':
      return [...answerParts(condition.part), ' matches ', { code: condition.pattern }];
    case 'all':
    case 'any':
      return condition.conditions.flatMap((c, i) => [...(i ? [condition.kind === 'all' ? ' and ' : ' or '] : []), ...conditionParts(c)]);
  }
}

/** "HTTP status is 200, and success is true." */
function successParts(conditions: Condition[]): Part[] {
  return [...conditions.flatMap((c, i) => [...(i ? [', and '] : []), ...conditionParts(c)]), '.'];
}

function retryParts(retry: RetrySpec): Part[] {
  return [
    `Asked again every ${retry.after} s, ${retry.limit} times at most`,
    ...(retry.while.length ? [', while ', ...retry.while.flatMap((c, i) => [...(i ? [' and '] : []), ...conditionParts(c)])] : []),
    '; anything else ends the task with an error.',
  ];
}

function securityParts(recipe: RecipeModel, step: RecipeStep): Part[] | undefined {
  const security = step.security;
  if (!security) return undefined;
  if (security.kind === 'basic') {
    return ['HTTP Basic authentication with ', ...valueParts(recipe, security.username), ' and ', ...valueParts(recipe, security.password), '.'];
  }
  return ['The access token, ', ...valueParts(recipe, security.token), ', as ', { code: 'Authorization: Bearer <token>' }, '.'];
}

/** One output of the whole task: `totalRecords` — from step 2. */
export function resultParts(recipe: RecipeModel, output: RecipeModel['outputs'][number]): Part[] {
  const value = output.value;
  if ((value.kind === 'output' || value.kind === 'input') && value.name === output.name) {
    return [{ code: output.name }, ' — ', ...(value.kind === 'input' ? ['your input'] : valueParts(recipe, value).slice(1).map((p) => (typeof p === 'string' ? p.replace(/^ /, '') : p)))];
  }
  return [{ code: output.name }, ': ', ...valueParts(recipe, value)];
}

/** How a recipe's code was made, said once above its tabs. */
export function codeNote(recipe: RecipeModel): Part[] {
  return [
    'The Shell, Python and R scripts are written from the workflow, ',
    { code: recipe.file },
    `, so they make exactly its requests; set the inputs at the top or in the environment. The galah code is written by hand for galah ${GALAH_VERSIONS.r} (R) and galah-python ${GALAH_VERSIONS.python}, and does the same task the galah way.`,
  ];
}

/** How a recipe is kept true. */
export function testedParts(): Part[] {
  return [
    'Every recipe runs in the portal\'s CI with Redocly Respect against a loopback API made from the OpenAPI documents (Stoplight Prism), which refuses any request that does not fit the document; its scripts run there too. ALA\'s maintainers run ',
    { code: 'npm run verify:live' },
    ' to play the recipes and every documented example request against the real API. All recipes: ',
    { href: RECIPES_PATH, text: 'Recipes' },
    '.',
  ];
}

/** What the recipes index says, on its page and in its twin. */
export const RECIPES_INTRO: { description: string; lead: Part[] } = {
  description: 'Researchers\' tasks end to end — download a species\' records, count them, check names, sample layers — each as one script in Shell, Python, R and galah.',
  lead: [
    'Each recipe is a task that takes several operations, written once as an Arazzo workflow: its page explains every step, links each to its ',
    { href: '/services/', text: 'operation\'s page' },
    ', and gives the whole task as one script in Shell, Python and R (written from the workflow) and with galah, the R and Python packages most ALA researchers use.',
  ],
};
