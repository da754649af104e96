/**
 * The whole task of a recipe as one script in each of the site's languages — Shell (curl + jq),
 * Python (requests), R (httr2) — written from the recipe's workflow, so the page's code is what
 * CI runs: every step's request, the checks of its success criteria, its retries, the values it
 * keeps, the workflow's outputs, and the file it fetches at the end. Inputs can be changed at the
 * top of each script or set in the environment (`SCIENTIFIC_NAME=… ./recipe.sh`); secrets and
 * inputs without a default are read from the environment only.
 */
import { shellQuote, type SampleSet } from '../samples/languages.ts';
import { sentValues } from './arazzo.ts';
import { pointerKeys, valueDependencies, type AnswerPart, type Condition, type Literal, type ValueSource } from './expressions.ts';
import { inputOf, outputOf, variableOf, type RecipeInput, type RecipeModel, type RecipeOutput, type RecipeStep } from './recipe-model.ts';

/** Seconds a script waits for one answer. */
const TIMEOUT = 60;

const firstSentence = (text: string) => (/^(.+?[.!?])(\s|$)/s.exec(text.replace(/\s+/g, ' ').trim())?.[1] ?? text.replace(/\s+/g, ' ').trim()).replace(/`/g, '');

/** A comment of several lines, none longer than `width`. */
function comment(text: string, prefix: string, width = 96): string[] {
  const lines: string[] = [];
  let line = prefix;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line.length + word.length + 1 > width && line !== prefix) {
      lines.push(line);
      line = prefix;
    }
    line += ` ${word}`;
  }
  if (line !== prefix) lines.push(line);
  return lines;
}

function stepComment(step: RecipeStep, prefix: string): string[] {
  const what = step.operation ? `${step.operation.title} (${step.method} ${step.operation.path})` : `${step.method}, see ${step.page?.href ?? 'the recipe page'}`;
  return [`${prefix} Step ${step.number}: ${what}`, ...comment(firstSentence(step.description), prefix)];
}

/** The outputs a script needs: those a later step, the workflow's outputs or its download use. */
function usedOutputs(recipe: RecipeModel): Set<RecipeOutput> {
  const values: ValueSource[] = [
    ...recipe.steps.flatMap((s) => sentValues(s, s.target.kind === 'value' ? s.target.value : undefined)),
    ...recipe.outputs.map((o) => o.value),
    ...(recipe.download ? [recipe.download.url] : []),
  ];
  return new Set(values.flatMap(valueDependencies).map((v) => outputOf(recipe, v)).filter((o): o is RecipeOutput => o !== undefined));
}

/** A Python or R string literal; single-quoted when that saves escaping double quotes. */
function stringLiteral(text: string): string {
  const double = JSON.stringify(text);
  if (!text.includes('"') || text.includes("'")) return double;
  return `'${double.slice(1, -1).replace(/\\"/g, '"')}'`;
}

// ---------------------------------------------------------------- Shell

/** Inside double quotes. */
const shDouble = (text: string) => text.replace(/[\\"$`]/g, (c) => `\\${c}`);

function shWord(recipe: RecipeModel, value: ValueSource): string {
  switch (value.kind) {
    case 'literal':
      return shDouble(value.value === null ? 'null' : String(value.value));
    case 'input':
    case 'output':
      return `\${${variableOf(recipe, value).shell}}`;
    case 'template':
      return value.parts.map((p) => (typeof p === 'string' ? shDouble(p) : shWord(recipe, p))).join('');
    default:
      return shDouble(JSON.stringify(literalJson(value)));
  }
}

/**
 * A value sent as text (a query parameter, a form field): its literal true and false become the
 * strings `true` and `false` — Python would send `True`, R `TRUE`.
 */
function textual(value: ValueSource): ValueSource {
  if (value.kind === 'literal' && typeof value.value === 'boolean') return { kind: 'literal', value: String(value.value) };
  if (value.kind === 'object') return { kind: 'object', entries: value.entries.map(([k, v]) => [k, textual(v)]) };
  if (value.kind === 'array') return { kind: 'array', items: value.items.map(textual) };
  return value;
}

/** A value without expressions, as JSON. */
function literalJson(value: ValueSource): unknown {
  switch (value.kind) {
    case 'literal':
      return value.value;
    case 'array':
      return value.items.map(literalJson);
    case 'object':
      return Object.fromEntries(value.entries.map(([k, v]) => [k, literalJson(v)]));
    default:
      throw new Error(`${value.kind} values must be written with their variables`);
  }
}

/** A jq expression building a JSON value; the variables it needs are collected in `args`. */
function jqValue(recipe: RecipeModel, value: ValueSource, args: Map<string, string>): string {
  switch (value.kind) {
    case 'literal':
      return JSON.stringify(value.value);
    case 'input':
    case 'output': {
      const name = variableOf(recipe, value).shell;
      const input = inputOf(recipe, value);
      const output = outputOf(recipe, value);
      const asJson = input ? input.type !== 'string' : output ? output.type === 'json' || output.type === 'number' || output.type === 'boolean' : false;
      args.set(name, `${asJson ? '--argjson' : '--arg'} ${name.toLowerCase()} "$${name}"`);
      return `$${name.toLowerCase()}`;
    }
    case 'template':
      return `"${value.parts.map((p) => (typeof p === 'string' ? JSON.stringify(p).slice(1, -1) : `\\(${jqValue(recipe, p, args)})`)).join('')}"`;
    case 'array':
      return `[${value.items.map((v) => jqValue(recipe, v, args)).join(', ')}]`;
    case 'object':
      return `{${value.entries.map(([k, v]) => `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : JSON.stringify(k)}: ${jqValue(recipe, v, args)}`).join(', ')}}`;
  }
}

/** A jq path of a body pointer: `/a/0/b` → `.a[0].b`. */
function jqPath(pointer: string): string {
  const keys = pointerKeys(pointer);
  if (!keys.length) return '.';
  return keys.map((k) => (/^\d+$/.test(k) ? `[${k}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `.${JSON.stringify(k)}`)).join('').replace(/^\[/, '.[');
}

function jqLiteral(value: Literal): string {
  return JSON.stringify(value);
}

function shCondition(condition: Condition): string {
  switch (condition.kind) {
    case 'all':
    case 'any':
      return `{ ${condition.conditions.map(shCondition).join(condition.kind === 'all' ? ' && ' : ' || ')}; }`;
    case 'regex':
      return condition.part.kind === 'status'
        ? `[[ "$status" =~ ${condition.pattern} ]]`
        : `jq -e ${shellQuote(`${jqPath(condition.part.pointer)} | tostring | test(${jqLiteral(condition.pattern)})`)} >/dev/null <<<"$body"`;
    case 'compare': {
      if (condition.left.kind === 'status') {
        const ops = { '==': '-eq', '!=': '-ne', '<': '-lt', '<=': '-le', '>': '-gt', '>=': '-ge' } as const;
        return `[ "$status" ${ops[condition.op]} ${String(condition.right)} ]`;
      }
      return `jq -e ${shellQuote(`${jqPath(condition.left.pointer)} ${condition.op} ${jqLiteral(condition.right)}`)} >/dev/null <<<"$body"`;
    }
  }
}

function shAll(conditions: Condition[]): string {
  return conditions.map(shCondition).join(' && ');
}

function shUrl(recipe: RecipeModel, step: RecipeStep): string {
  if (step.target.kind === 'value') return `"${shWord(recipe, step.target.value)}"`;
  let url = shDouble(step.target.url);
  for (const p of step.parameters.filter((x) => x.in === 'path')) {
    const value =
      p.value.kind === 'literal' ? shDouble(encodeURIComponent(String(p.value.value))) : `$(urlencode "${shWord(recipe, p.value)}")`;
    url = url.replaceAll(`{${p.name}}`, value);
  }
  return `"${url}"`;
}

function shRequest(recipe: RecipeModel, step: RecipeStep, indent: string): string[] {
  const args: string[] = [];
  const query = step.parameters.filter((p) => p.in === 'query');
  for (const p of query) {
    const values = p.value.kind === 'array' ? p.value.items : [p.value];
    for (const v of values) args.push(`--data-urlencode "${shDouble(p.name)}=${shWord(recipe, v)}"`);
  }
  for (const p of step.parameters.filter((x) => x.in === 'header')) args.push(`-H "${shDouble(p.name)}: ${shWord(recipe, p.value)}"`);
  if (step.security?.kind === 'basic') args.push(`-u "${shWord(recipe, step.security.username)}:${shWord(recipe, step.security.password)}"`);
  if (step.security?.kind === 'bearer') args.push(`-H "Authorization: Bearer ${shWord(recipe, step.security.token)}"`);
  const lines: string[] = [];
  if (step.body) {
    if (/x-www-form-urlencoded/.test(step.body.contentType) && step.body.value.kind === 'object') {
      for (const [k, v] of step.body.value.entries) args.push(`--data-urlencode "${shDouble(k)}=${shWord(recipe, v)}"`);
    } else {
      const jqArgs = new Map<string, string>();
      const expression = jqValue(recipe, step.body.value, jqArgs);
      lines.push(`${indent}payload=$(jq -n ${[...jqArgs.values(), shellQuote(expression)].join(' ')})`);
      args.push(`-H ${shellQuote(`Content-Type: ${step.body.contentType}`)}`, '--data-binary "$payload"');
    }
  }
  const head = `${indent}call ${step.method} ${shUrl(recipe, step)}${query.length ? ' -G' : ''}`;
  if (!args.length) return [...lines, head];
  return [...lines, `${head} \\`, ...args.map((a, i) => `${indent}  ${a}${i < args.length - 1 ? ' \\' : ''}`)];
}

function shOutputs(step: RecipeStep, used: Set<RecipeOutput>, indent: string): string[] {
  return step.outputs.filter((o) => used.has(o)).map((o) => {
    if (o.from.kind === 'status') return `${indent}${o.variable.shell}=$status`;
    const path = jqPath(o.from.pointer);
    return `${indent}${o.variable.shell}=$(jq ${o.type === 'json' ? '-c' : '-r'} ${shellQuote(path)} <<<"$body")`;
  });
}

function shInput(input: RecipeInput): string {
  const v = input.variable.shell;
  const about = input.description.replace(/`/g, '').replace(/\s+/g, ' ');
  // An apostrophe would end the message early inside ${…:?…}: write a typographic one.
  if (input.secret || input.shown === undefined) return `${v}="\${${v}:?Set ${v}: ${shDouble(firstSentence(about)).replace(/'/g, '’')}}"`;
  return `${v}=\${${v}:-${shellQuote(input.shown)}}`;
}

function shellScript(recipe: RecipeModel): string {
  const used = usedOutputs(recipe);
  const out: string[] = [
    '#!/usr/bin/env bash',
    `# ${recipe.title}`,
    `# ${recipe.summary}`,
    `# Generated from ${recipe.file}. Needs curl and jq.`,
    'set -euo pipefail',
    '',
    '# Inputs: change them here, or set them in the environment.',
    ...recipe.inputs.map(shInput),
    '',
    '# call METHOD URL [curl options…]: sends a request; sets $status and $body',
    'answer=$(mktemp)',
    "trap 'rm -f \"$answer\"' EXIT",
    'call() {',
    '  local method=$1 url=$2',
    '  shift 2',
    `  status=$(curl -sS --max-time ${TIMEOUT} -o "$answer" -w '%{http_code}' -X "$method" "$url" "$@")`,
    '  body=$(cat "$answer")',
    '}',
    'fail() {',
    '  echo "$1: unexpected answer (HTTP $status): ${body:0:500}" >&2',
    '  exit 1',
    '}',
  ];
  if (recipe.steps.some((s) => s.parameters.some((p) => p.in === 'path' && p.value.kind !== 'literal'))) {
    out.push("urlencode() { jq -rn --arg v \"$1\" '$v|@uri'; }");
  }
  for (const step of recipe.steps) {
    out.push('', ...stepComment(step, '#'));
    if (step.retry) {
      const r = step.retry;
      out.push(`for attempt in $(seq 0 ${r.limit}); do`);
      out.push(...shRequest(recipe, step, '  '));
      out.push(`  if ${shAll(step.success)}; then break; fi`);
      out.push(`  if [ "$attempt" -eq ${r.limit} ]${r.while.length ? ` || ! { ${shAll(r.while)}; }` : ''}; then fail ${step.stepId}; fi`);
      out.push(`  sleep ${r.after}`);
      out.push('done');
    } else {
      out.push(...shRequest(recipe, step, ''));
      out.push(step.success.length > 1 ? `{ ${shAll(step.success)}; } || fail ${step.stepId}` : `${shAll(step.success)} || fail ${step.stepId}`);
    }
    out.push(...shOutputs(step, used, ''));
  }
  out.push('');
  for (const output of recipe.outputs) {
    const o = outputOf(recipe, output.value);
    out.push(o?.type === 'json' ? `echo "${output.name}:"; jq . <<<"$${output.variable.shell}"` : `echo "${output.name}: $${output.variable.shell}"`);
  }
  if (recipe.download) {
    const url = shWord(recipe, recipe.download.url);
    out.push(`curl -sS --fail -o ${shellQuote(recipe.download.file)} "${url}"`, `echo "Saved ${shDouble(recipe.download.file)}"`);
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- Python


function pyLiteral(value: Literal): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return typeof value === 'string' ? stringLiteral(value) : String(value);
}

function pyValue(recipe: RecipeModel, value: ValueSource): string {
  switch (value.kind) {
    case 'literal':
      return pyLiteral(value.value);
    case 'input':
    case 'output':
      return variableOf(recipe, value).python;
    case 'template': {
      const texts = value.parts.filter((p): p is string => typeof p === 'string').join('');
      const quote = texts.includes('"') && !texts.includes("'") ? "'" : '"';
      const escape = (t: string) =>
        t.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replaceAll(quote, `\\${quote}`).replace(/[{}]/g, (c) => c + c);
      return `f${quote}${value.parts.map((p) => (typeof p === 'string' ? escape(p) : `{${pyValue(recipe, p)}}`)).join('')}${quote}`;
    }
    case 'array':
      return `[${value.items.map((v) => pyValue(recipe, v)).join(', ')}]`;
    case 'object':
      return `{${value.entries.map(([k, v]) => `${stringLiteral(k)}: ${pyValue(recipe, v)}`).join(', ')}}`;
  }
}

/** A body pointer as Python indexing: `/a/0/b` → `body["a"][0]["b"]`. */
function pyPath(pointer: string): string {
  return 'body' + pointerKeys(pointer).map((k) => (/^\d+$/.test(k) ? `[${k}]` : `[${stringLiteral(k)}]`)).join('');
}

function pyPart(part: AnswerPart): string {
  return part.kind === 'status' ? 'response.status_code' : pyPath(part.pointer);
}

function pyCondition(condition: Condition): string {
  switch (condition.kind) {
    case 'all':
    case 'any':
      return `(${condition.conditions.map(pyCondition).join(condition.kind === 'all' ? ' and ' : ' or ')})`;
    case 'regex':
      return `re.search(${stringLiteral(condition.pattern)}, str(${pyPart(condition.part)}))`;
    case 'compare': {
      const identity = condition.right === null || typeof condition.right === 'boolean';
      const op = identity && condition.op === '==' ? 'is' : identity && condition.op === '!=' ? 'is not' : condition.op;
      return `${pyPart(condition.left)} ${op} ${pyLiteral(condition.right)}`;
    }
  }
}

const NEGATED = { '==': '!=', '!=': '==', '<': '>=', '<=': '>', '>': '<=', '>=': '<' } as const;

const pyAll = (conditions: Condition[]) => conditions.map(pyCondition).join(' and ');

/** A dict literal: on one line when short, else one entry a line. */
function pyDict(entries: [string, string][], indent: string): string {
  const one = `{${entries.map(([k, v]) => `${stringLiteral(k)}: ${v}`).join(', ')}}`;
  if (one.length + indent.length < 80) return one;
  return `{\n${entries.map(([k, v]) => `${indent}        ${stringLiteral(k)}: ${v},`).join('\n')}\n${indent}    }`;
}

function pyRequest(recipe: RecipeModel, step: RecipeStep, indent: string): string[] {
  let url: string;
  if (step.target.kind === 'value') url = pyValue(recipe, step.target.value);
  else {
    const path = step.parameters.filter((p) => p.in === 'path');
    let text = JSON.stringify(step.target.url).slice(1, -1).replace(/[{}]/g, (c) => c + c);
    for (const p of path) {
      const value = p.value.kind === 'literal' ? encodeURIComponent(String(p.value.value)) : `{quote(str(${pyValue(recipe, p.value)}), safe='')}`;
      text = text.replaceAll(`{{${p.name}}}`, value);
    }
    url = path.length ? `f"${text}"` : `"${text}"`;
  }
  const args: string[] = [url];
  const query = step.parameters.filter((p) => p.in === 'query');
  if (query.length) args.push(`params=${pyDict(query.map((p) => [p.name, pyValue(recipe, textual(p.value))]), indent)}`);
  const headers = step.parameters.filter((p) => p.in === 'header').map((p) => `${stringLiteral(p.name)}: ${pyValue(recipe, p.value)}`);
  if (step.security?.kind === 'bearer') headers.push(`"Authorization": f"Bearer {${pyValue(recipe, step.security.token)}}"`);
  if (headers.length) args.push(`headers={${headers.join(', ')}}`);
  if (step.security?.kind === 'basic') args.push(`auth=(${pyValue(recipe, step.security.username)}, ${pyValue(recipe, step.security.password)})`);
  if (step.body) {
    const form = /x-www-form-urlencoded/.test(step.body.contentType);
    args.push(`${form ? 'data' : 'json'}=${pyValue(recipe, form ? textual(step.body.value) : step.body.value)}`);
  }
  args.push(`timeout=${TIMEOUT}`);
  return [`${indent}response = requests.${step.method.toLowerCase()}(`, ...args.map((a) => `${indent}    ${a},`), `${indent})`, `${indent}body = answer(response)`];
}

function pyOutputs(step: RecipeStep, used: Set<RecipeOutput>): string[] {
  return step.outputs.filter((o) => used.has(o)).map((o) => `${o.variable.python} = ${o.from.kind === 'status' ? 'response.status_code' : pyPath(o.from.pointer)}`);
}

function pyInput(input: RecipeInput): string {
  const v = input.variable.python;
  const about = firstSentence(input.description);
  if (input.secret || input.shown === undefined) return `${v} = os.environ[${stringLiteral(v)}]  # required: ${about}`;
  const read = `os.environ.get(${stringLiteral(v)}, ${stringLiteral(input.shown)})`;
  switch (input.type) {
    case 'integer':
      return `${v} = int(${read})`;
    case 'number':
      return `${v} = float(${read})`;
    case 'boolean':
      return `${v} = ${read} == "true"`;
    case 'array':
    case 'object':
      return `${v} = json.loads(${read})`;
    default:
      return `${v} = ${read}`;
  }
}

function pythonScript(recipe: RecipeModel): string {
  const used = usedOutputs(recipe);
  const code = recipe.steps.flatMap((step) => {
    const lines = ['', '', ...stepComment(step, '#')];
    if (step.retry) {
      const r = step.retry;
      lines.push(`for attempt in range(${r.limit + 1}):`, ...pyRequest(recipe, step, '    '));
      lines.push(`    if ${pyAll(step.success)}:`, '        break');
      lines.push(`    if attempt == ${r.limit}${r.while.length ? ` or not (${pyAll(r.while)})` : ''}:`, `        fail(${stringLiteral(step.stepId)}, response)`);
      lines.push(`    time.sleep(${r.after})`);
    } else {
      const only = step.success.length === 1 ? step.success[0]! : undefined;
      const check = only?.kind === 'compare' ? pyCondition({ ...only, op: NEGATED[only.op] }) : `not (${pyAll(step.success)})`;
      lines.push(...pyRequest(recipe, step, ''), `if ${check}:`, `    fail(${stringLiteral(step.stepId)}, response)`);
    }
    return [...lines, ...pyOutputs(step, used)];
  });
  const text = code.join('\n');
  const imports = [
    ...(recipe.inputs.some((i) => i.type === 'array' || i.type === 'object') || recipe.outputs.some((o) => outputOf(recipe, o.value)?.type === 'json') ? ['import json'] : []),
    'import os',
    ...(text.includes('re.search(') ? ['import re'] : []),
    ...(text.includes('time.sleep(') ? ['import time'] : []),
    ...(text.includes('quote(') ? ['from urllib.parse import quote'] : []),
  ];
  const out = [
    `"""${recipe.title}`,
    '',
    `${recipe.summary} Generated from ${recipe.file}. Needs requests (pip install requests).`,
    '"""',
    ...imports,
    '',
    'import requests',
    '',
    '# Inputs: change them here, or set them in the environment.',
    ...recipe.inputs.map(pyInput),
    '',
    '',
    'def answer(response):',
    '    """The JSON body of a response, or None when it has none."""',
    '    try:',
    '        return response.json()',
    '    except ValueError:',
    '        return None',
    '',
    '',
    'def fail(step, response):',
    '    raise SystemExit(f"{step}: unexpected answer (HTTP {response.status_code}): {response.text[:500]}")',
    text,
    '',
  ];
  for (const output of recipe.outputs) {
    const o = outputOf(recipe, output.value);
    out.push(o?.type === 'json' ? `print(${stringLiteral(`${output.name}:`)}, json.dumps(${output.variable.python}, indent=2))` : `print(${stringLiteral(`${output.name}:`)}, ${output.variable.python})`);
  }
  if (recipe.download) {
    out.push(
      `download = requests.get(${pyValue(recipe, recipe.download.url)}, timeout=${TIMEOUT * 10})`,
      'download.raise_for_status()',
      `with open(${stringLiteral(recipe.download.file)}, "wb") as file:`,
      '    file.write(download.content)',
      `print("Saved", ${stringLiteral(recipe.download.file)})`,
    );
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- R

function rLiteral(value: Literal): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return typeof value === 'string' ? stringLiteral(value) : String(value);
}

const rName = (name: string) => (/^[A-Za-z][A-Za-z0-9._]*$/.test(name) ? name : `\`${name}\``);

function rValue(recipe: RecipeModel, value: ValueSource): string {
  switch (value.kind) {
    case 'literal':
      return rLiteral(value.value);
    case 'input':
    case 'output':
      return variableOf(recipe, value).r;
    case 'template':
      return `paste0(${value.parts.map((p) => (typeof p === 'string' ? stringLiteral(p) : rValue(recipe, p))).join(', ')})`;
    case 'array':
      return `list(${value.items.map((v) => rValue(recipe, v)).join(', ')})`;
    case 'object':
      return `list(${value.entries.map(([k, v]) => `${rName(k)} = ${rValue(recipe, v)}`).join(', ')})`;
  }
}

/** A JSON body value in R: arrays stay arrays even with one item (a list, never a vector). */
function rJson(recipe: RecipeModel, value: ValueSource): string {
  if (value.kind === 'array') return `list(${value.items.map((v) => rJson(recipe, v)).join(', ')})`;
  if (value.kind === 'object') return `list(${value.entries.map(([k, v]) => `${rName(k)} = ${rJson(recipe, v)}`).join(', ')})`;
  return rValue(recipe, value);
}

function rPath(pointer: string): string {
  return `body${pointerKeys(pointer).map((k) => (/^\d+$/.test(k) ? `[[${Number(k) + 1}]]` : `[[${stringLiteral(k)}]]`)).join('')}`;
}

const rPart = (part: AnswerPart) => (part.kind === 'status' ? 'resp_status(resp)' : rPath(part.pointer));

function rCondition(condition: Condition): string {
  switch (condition.kind) {
    case 'all':
    case 'any':
      return `(${condition.conditions.map(rCondition).join(condition.kind === 'all' ? ' && ' : ' || ')})`;
    case 'regex':
      return `isTRUE(grepl(${stringLiteral(condition.pattern)}, ${rPart(condition.part)}))`;
    case 'compare':
      if (condition.right === null) return `${condition.op === '==' ? '' : '!'}is.null(${rPart(condition.left)})`;
      return condition.left.kind === 'status'
        ? `${rPart(condition.left)} ${condition.op} ${rLiteral(condition.right)}`
        : `isTRUE(${rPart(condition.left)} ${condition.op} ${rLiteral(condition.right)})`;
  }
}

const rAll = (conditions: Condition[]) => conditions.map(rCondition).join(' && ');

function rRequest(recipe: RecipeModel, step: RecipeStep, indent: string): string[] {
  let url: string;
  if (step.target.kind === 'value') url = rValue(recipe, step.target.value);
  else {
    const pieces: string[] = [];
    let rest = step.target.url;
    for (const match of step.target.url.matchAll(/\{([^}]+)\}/g)) {
      const [before] = rest.split(match[0], 1);
      pieces.push(stringLiteral(before!));
      rest = rest.slice(before!.length + match[0].length);
      const p = step.parameters.find((x) => x.in === 'path' && x.name === match[1]);
      pieces.push(!p ? stringLiteral(match[0]) : p.value.kind === 'literal' ? stringLiteral(encodeURIComponent(String(p.value.value))) : `utils::URLencode(as.character(${rValue(recipe, p.value)}), reserved = TRUE)`);
    }
    if (rest) pieces.push(stringLiteral(rest));
    url = pieces.length === 1 ? pieces[0]! : `paste0(${pieces.join(', ')})`;
  }
  const pipes: string[] = [];
  const query = step.parameters.filter((p) => p.in === 'query');
  if (query.length) pipes.push(`req_url_query(${query.map((p) => `${rName(p.name)} = ${rValue(recipe, textual(p.value))}`).join(', ')})`);
  const headers = step.parameters.filter((p) => p.in === 'header');
  if (headers.length) pipes.push(`req_headers(${headers.map((p) => `${rName(p.name)} = ${rValue(recipe, p.value)}`).join(', ')})`);
  if (step.security?.kind === 'basic') pipes.push(`req_auth_basic(${rValue(recipe, step.security.username)}, ${rValue(recipe, step.security.password)})`);
  if (step.security?.kind === 'bearer') pipes.push(`req_auth_bearer_token(${rValue(recipe, step.security.token)})`);
  if (step.body) {
    if (/x-www-form-urlencoded/.test(step.body.contentType) && step.body.value.kind === 'object') {
      pipes.push(`req_body_form(${step.body.value.entries.map(([k, v]) => `${rName(k)} = ${rValue(recipe, textual(v))}`).join(', ')})`);
    } else pipes.push(`req_body_json(${rJson(recipe, step.body.value)})`);
  }
  if (step.method !== 'GET' && !step.body) pipes.push(`req_method(${stringLiteral(step.method)})`);
  pipes.push(`req_timeout(${TIMEOUT})`, 'req_error(is_error = function(resp) FALSE)', 'req_perform()');
  return [`${indent}resp <- request(${url}) |>`, ...pipes.map((p, i) => `${indent}  ${p}${i < pipes.length - 1 ? ' |>' : ''}`), `${indent}body <- answer(resp)`];
}

function rInput(input: RecipeInput): string[] {
  const v = input.variable.r;
  const env = input.variable.shell;
  if (input.secret || input.shown === undefined) {
    return [`${v} <- Sys.getenv(${stringLiteral(env)})`, `if (${v} == "") stop(${stringLiteral(`Set ${env}: ${firstSentence(input.description)}`)})`];
  }
  const read = `Sys.getenv(${stringLiteral(env)}, ${stringLiteral(input.shown)})`;
  switch (input.type) {
    case 'integer':
      return [`${v} <- as.integer(${read})`];
    case 'number':
      return [`${v} <- as.numeric(${read})`];
    case 'boolean':
      return [`${v} <- ${read} == "true"`];
    case 'array':
    case 'object':
      return [`${v} <- jsonlite::fromJSON(${read}, simplifyVector = FALSE)`];
    default:
      return [`${v} <- ${read}`];
  }
}

function rScript(recipe: RecipeModel): string {
  const used = usedOutputs(recipe);
  const out = [
    `# ${recipe.title}`,
    `# ${recipe.summary}`,
    `# Generated from ${recipe.file}. Needs httr2 (install.packages("httr2")).`,
    'library(httr2)',
    '',
    '# Inputs: change them here, or set them in the environment.',
    ...recipe.inputs.flatMap(rInput),
    '',
    '# The JSON body of a response, or NULL when it has none',
    'answer <- function(resp) tryCatch(resp_body_json(resp), error = function(e) NULL)',
    'fail <- function(step, resp) {',
    '  stop(step, ": unexpected answer (HTTP ", resp_status(resp), ")", call. = FALSE)',
    '}',
  ];
  for (const step of recipe.steps) {
    out.push('', ...stepComment(step, '#'));
    if (step.retry) {
      const r = step.retry;
      out.push(`for (attempt in 0:${r.limit}) {`, ...rRequest(recipe, step, '  '));
      out.push(`  if (${rAll(step.success)}) break`);
      out.push(`  if (attempt == ${r.limit}${r.while.length ? ` || !(${rAll(r.while)})` : ''}) fail(${stringLiteral(step.stepId)}, resp)`);
      out.push(`  Sys.sleep(${r.after})`, '}');
    } else {
      // A status check alone reads better negated; a body check stays inside !(…), where a missing field fails it.
      const only = step.success.length === 1 ? step.success[0]! : undefined;
      const check = only?.kind === 'compare' && only.left.kind === 'status' && only.op === '==' && typeof only.right === 'number' ? rCondition({ ...only, op: '!=' }) : `!(${rAll(step.success)})`;
      out.push(...rRequest(recipe, step, ''), `if (${check}) fail(${stringLiteral(step.stepId)}, resp)`);
    }
    for (const o of step.outputs.filter((x) => used.has(x))) out.push(`${o.variable.r} <- ${o.from.kind === 'status' ? 'resp_status(resp)' : rPath(o.from.pointer)}`);
  }
  out.push('');
  for (const output of recipe.outputs) {
    const o = outputOf(recipe, output.value);
    out.push(o?.type === 'json' ? `cat(${stringLiteral(`${output.name}:\n`)})\nstr(${output.variable.r})` : `cat(${stringLiteral(`${output.name}:`)}, ${output.variable.r}, "\\n")`);
  }
  if (recipe.download) {
    out.push(
      `saved <- request(${rValue(recipe, recipe.download.url)}) |>`,
      `  req_timeout(${TIMEOUT * 10}) |>`,
      `  req_perform(path = ${stringLiteral(recipe.download.file)})`,
      `cat("Saved", ${stringLiteral(recipe.download.file)}, "\\n")`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** The recipe's script in the site's three languages. */
export function recipeScripts(recipe: RecipeModel): SampleSet {
  return { shell: shellScript(recipe), python: pythonScript(recipe), r: rScript(recipe) };
}
