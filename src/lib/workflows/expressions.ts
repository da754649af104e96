/**
 * The Arazzo runtime expressions and success criteria the recipes use, read into values the
 * recipe pages and the generated scripts work with: where a request value comes from (a literal,
 * an input, an earlier step's output, a string with `{$…}` inside), what a step keeps from its
 * answer (`$response.body#/pointer`, `$statusCode`), and what makes it succeed (comparisons joined
 * by `&&` / `||`, and regular expressions). Anything else is refused with a message: a recipe's
 * code must say exactly what its workflow does.
 */
import { pointerSegments } from '../openapi/pointer.ts';

/** Where a value sent in a request comes from. */
export type ValueSource =
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'input'; name: string }
  | { kind: 'output'; step: string; name: string }
  /** A string with runtime expressions inside it: `taxonConceptID:"{$steps.a.outputs.b}"`. */
  | { kind: 'template'; parts: (string | ValueSource)[] }
  | { kind: 'array'; items: ValueSource[] }
  | { kind: 'object'; entries: [string, ValueSource][] };

/** A part of a step's answer. */
export type AnswerPart = { kind: 'status' } | { kind: 'body'; pointer: string };

export type Comparison = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type Literal = string | number | boolean | null;

/** A success criterion, or the condition of a retry. */
export type Condition =
  | { kind: 'compare'; left: AnswerPart; op: Comparison; right: Literal }
  | { kind: 'regex'; part: AnswerPart; pattern: string }
  | { kind: 'all' | 'any'; conditions: Condition[] };

export class ExpressionError extends Error {
  override name = 'ExpressionError';
}

const EXPRESSION = /^\$(inputs|steps|workflows|response|statusCode)\b/;

/** `$inputs.x`, `$workflows.<this>.inputs.x`, `$steps.s.outputs.o` → a value source. */
export function readExpression(expression: string, workflowId: string): ValueSource {
  // `$inputs.x`, or the same input named through this workflow's id (taken as text, not as a pattern).
  const own = `$workflows.${workflowId}.inputs.`;
  const input = /^\$inputs\.([A-Za-z0-9_.-]+)$/.exec(expression.startsWith(own) ? `$inputs.${expression.slice(own.length)}` : expression);
  if (input) return { kind: 'input', name: input[1]! };
  const output = /^\$steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_.-]+)$/.exec(expression);
  if (output) return { kind: 'output', step: output[1]!, name: output[2]! };
  throw new ExpressionError(`"${expression}" is not an input ($inputs.<name>) or an earlier step's output ($steps.<step>.outputs.<name>)`);
}

/** A parameter value or request body, with the runtime expressions in it read. */
export function readValue(value: unknown, workflowId: string): ValueSource {
  if (Array.isArray(value)) return { kind: 'array', items: value.map((v) => readValue(v, workflowId)) };
  if (typeof value === 'object' && value !== null) {
    return { kind: 'object', entries: Object.entries(value).map(([k, v]) => [k, readValue(v, workflowId)]) };
  }
  if (typeof value !== 'string') {
    if (value === undefined) throw new ExpressionError('a value is missing');
    return { kind: 'literal', value: value as Literal };
  }
  if (EXPRESSION.test(value)) return readExpression(value, workflowId);
  if (!value.includes('{$')) return { kind: 'literal', value };
  const parts: (string | ValueSource)[] = [];
  let rest = value;
  while (rest) {
    const start = rest.indexOf('{$');
    if (start < 0) {
      parts.push(rest);
      break;
    }
    const end = rest.indexOf('}', start);
    if (end < 0) throw new ExpressionError(`"${value}": a "{$" is never closed`);
    if (start > 0) parts.push(rest.slice(0, start));
    parts.push(readExpression(rest.slice(start + 1, end), workflowId));
    rest = rest.slice(end + 1);
  }
  return { kind: 'template', parts };
}

/** `$response.body#/a/0/b`, `$response.body`, `$statusCode` → a part of the answer. */
export function readAnswerPart(expression: string): AnswerPart {
  if (expression === '$statusCode') return { kind: 'status' };
  const body = /^\$response\.body(?:#(\/.*)?)?$/.exec(expression);
  if (body) return { kind: 'body', pointer: body[1] ?? '' };
  throw new ExpressionError(`"${expression}" is not $statusCode or a part of the response body ($response.body#/<pointer>)`);
}

/** The keys of a body pointer (`/a/0/b` → a, 0, b). */
export const pointerKeys = (pointer: string): string[] => pointerSegments(`#${pointer}`);

function readLiteral(text: string): Literal {
  const t = text.trim();
  if (/^'.*'$/.test(t)) return t.slice(1, -1).replace(/''/g, "'");
  if (t === 'true' || t === 'false') return t === 'true';
  if (t === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  throw new ExpressionError(`"${t}" is not a literal (a number, 'text', true, false or null)`);
}

function splitOutsideQuotes(text: string, separator: '&&' | '||'): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") quoted = !quoted;
    else if (!quoted && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

/** A simple Arazzo condition: comparisons of the answer with literals, joined by `&&` and `||` (`&&` binds tighter). */
export function readCondition(condition: string): Condition {
  const any = splitOutsideQuotes(condition, '||');
  if (any.length > 1) return { kind: 'any', conditions: any.map(readCondition) };
  const all = splitOutsideQuotes(condition, '&&');
  if (all.length > 1) return { kind: 'all', conditions: all.map(readCondition) };
  const match = /^(\$\S+)\s*(==|!=|<=|>=|<|>)\s*(.+)$/.exec(condition.trim());
  if (!match) throw new ExpressionError(`"${condition}" is not a comparison such as $statusCode == 200 or $response.body#/status == 'finished'`);
  return { kind: 'compare', left: readAnswerPart(match[1]!), op: match[2] as Comparison, right: readLiteral(match[3]!) };
}

/** One Arazzo Criterion Object (simple, or regex with a context). */
export function readCriterion(criterion: { condition: string; context?: string; type?: unknown }): Condition {
  const type = typeof criterion.type === 'object' && criterion.type !== null ? (criterion.type as { type?: unknown }).type : criterion.type;
  if (type === undefined || type === 'simple') return readCondition(criterion.condition);
  if (type === 'regex') {
    if (!criterion.context) throw new ExpressionError(`the regex criterion "${criterion.condition}" has no context`);
    return { kind: 'regex', part: readAnswerPart(criterion.context), pattern: criterion.condition };
  }
  throw new ExpressionError(`criteria of type "${String(type)}" are not supported in recipes (use simple or regex)`);
}

/** Every input and step output a value uses. */
export function valueDependencies(value: ValueSource): ValueSource[] {
  switch (value.kind) {
    case 'input':
    case 'output':
      return [value];
    case 'template':
      return value.parts.flatMap((p) => (typeof p === 'string' ? [] : valueDependencies(p)));
    case 'array':
      return value.items.flatMap(valueDependencies);
    case 'object':
      return value.entries.flatMap(([, v]) => valueDependencies(v));
    default:
      return [];
  }
}
