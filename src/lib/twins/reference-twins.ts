/**
 * The Markdown twins of the reference pages, written from the same model as their HTML
 * (src/lib/reference-model/service-model.ts): an operation's method and URL, access, parameters as a
 * table, request body and responses as nested field lists with their examples, and the samples;
 * a service's facts, prose and operation index.
 */
import { markdownPath, servicePath } from '../../config/routes.ts';
import type { MediaModel, OperationModel, ParameterModel } from '../reference-model/operation-model.ts';
import type { SchemaNode } from '../reference-model/schema-tree.ts';
import type { ServiceModel } from '../reference-model/service-model.ts';
import { ACCESS_LABELS, ALTERNATIVES, accessSentence, countParts, GENERATED_EXAMPLE, parameterGroups, statusText, type Part } from '../reference-model/words.ts';
import { SAMPLE_LANGUAGES } from '../samples/languages.ts';
import { codeBlock, inlineCode, oneLine, tableCell } from './markdown-text.ts';

/** A sentence of the shared words in Markdown; links to pages lead to their twins. */
export function wordsMarkdown(parts: Part[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : 'code' in p ? inlineCode(p.code) : `[${p.text}](${markdownPath(p.href)})`)).join('');
}

/** Type, required, facts of a schema node, on one line: `string, required; default "x"; allowed …`. */
function facts(node: SchemaNode, example?: string): string {
  const parts: string[] = [];
  if (node.default !== undefined) parts.push(`default ${inlineCode(node.default)}`);
  if (node.enum.length) parts.push(`allowed ${node.enum.map(inlineCode).join(', ')}`);
  if (node.constraints.length) parts.push(node.constraints.map(inlineCode).join(', '));
  const ex = example ?? node.example;
  if (ex !== undefined) parts.push(`example ${inlineCode(ex)}`);
  return parts.join('; ');
}

/** A schema's fields as a nested Markdown list. */
export function fieldList(node: SchemaNode, depth = 0): string[] {
  const indent = '  '.repeat(depth);
  const lines: string[] = [];
  for (const field of node.fields) {
    const head = `${indent}- ${inlineCode(field.name ?? '')} (${field.type}${field.required ? ', required' : ''}${field.deprecated ? ', deprecated' : ''})`;
    const items = field.itemDescription ? `each item: ${oneLine(field.itemDescription)}` : '';
    const about = [oneLine(field.description), items, facts(field)].filter(Boolean).join(' — ');
    const cycle = field.cycle ? ` — circular: the same ${field.cycle.refName} as above` : '';
    lines.push(`${head}${about ? `: ${about}` : ''}${cycle}`);
    lines.push(...fieldList(field, depth + 1));
  }
  if (node.additional) lines.push(`${indent}- any other key: ${node.additional.type}`, ...fieldList(node.additional, depth + 1));
  if (node.alternatives) {
    lines.push(`${indent}- ${ALTERNATIVES[node.alternatives.kind]}:`);
    for (const option of node.alternatives.options) {
      lines.push(`${indent}  - ${option.refName ?? option.type}${option.description ? `: ${oneLine(option.description)}` : ''}`);
      lines.push(...fieldList(option, depth + 2));
    }
  }
  if (node.truncated) lines.push(`${indent}- … nested deeper: see the OpenAPI document`);
  return lines;
}

function parameterTable(parameters: ParameterModel[]): string {
  const rows = parameters.map((p) =>
    [tableCell(inlineCode(p.name)), tableCell(p.schema.type), p.required ? 'yes' : 'no', tableCell([oneLine(p.description), facts(p.schema, p.example), p.deprecated ? 'Deprecated.' : ''].filter(Boolean).join(' — '))].join(' | '),
  );
  return ['| Name | Type | Required | Description |', '| --- | --- | --- | --- |', ...rows.map((r) => `| ${r} |`)].join('\n');
}

function media(contents: MediaModel[], what: string): string[] {
  return contents.flatMap((m) => {
    const fields = m.schema ? fieldList(m.schema) : [];
    return [
      `${inlineCode(m.mediaType)}${m.schema ? ` — ${m.schema.refName ? `${m.schema.refName} (${m.schema.type})` : m.schema.type}` : ''}`,
      '',
      ...(m.schema?.description ? [oneLine(m.schema.description), ''] : []),
      ...(fields.length ? [...fields, ''] : []),
      ...m.examples.flatMap((e) => [
        ...(e.generated ? [`*${GENERATED_EXAMPLE}*`, ''] : []),
        `${what} example${e.name ? ` “${e.name}”` : ''}:`,
        '',
        codeBlock(e.text, e.lang),
        '',
      ]),
    ];
  });
}

export function operationMarkdown(op: OperationModel, service: ServiceModel): string {
  const lines: string[] = [
    `# ${oneLine(op.title)}`,
    '',
    `${inlineCode(`${op.method} ${op.url}`)}`,
    '',
    ...(op.generatedId ? [] : [`- **Operation ID:** ${inlineCode(op.operationId)}`]),
    `- **Service:** [${service.title}](${markdownPath(servicePath(service.id))}) · ${op.tag}`,
    `- **Access:** ${wordsMarkdown(accessSentence(op.access))}`,
    ...(op.deprecated ? ['- **Deprecated**'] : []),
    '',
  ];
  if (op.description) lines.push(op.description.trim(), '');
  lines.push('## Request samples', '');
  for (const language of SAMPLE_LANGUAGES) lines.push(`**${language.label}**`, '', codeBlock(op.samples[language.key], language.lang), '');
  const groups = parameterGroups(op);
  if (groups.length) {
    lines.push('## Parameters', '');
    for (const group of groups) lines.push(`### ${group.title}`, '', parameterTable(group.parameters), '');
  }
  if (op.requestBody) {
    lines.push('## Request body', '', op.requestBody.required ? 'Required.' : 'Optional.', '');
    if (op.requestBody.description) lines.push(op.requestBody.description.trim(), '');
    lines.push(...media(op.requestBody.contents, 'Request body'));
  }
  lines.push('## Responses', '');
  for (const response of op.responses) {
    lines.push(`### ${response.status} ${statusText(response.status)}`.trimEnd(), '');
    if (response.description) lines.push(response.description.trim(), '');
    if (response.headers.length) {
      lines.push('Headers:', '', ...response.headers.map((h) => `- ${inlineCode(h.name)} (${h.schema.type}): ${oneLine(h.description)}`), '');
    }
    lines.push(...media(response.contents, `Response ${response.status}`));
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** A service's twin: facts, its prose (already Markdown), and the index of its operations' twins. */
export function serviceMarkdown(service: ServiceModel, prose: string): string {
  const counts = [`${service.counts.total}`, ...countParts(service.counts).map((p) => `${p.count} ${p.text}`)].join(' · ');
  const lines = [
    `# ${service.title}`,
    '',
    `> ${oneLine(service.purpose)}`,
    '',
    ...(service.baseUrl ? [`- **Base URL:** ${inlineCode(service.baseUrl)}`] : []),
    ...(service.app ? [`- **Web app:** [${service.app.name}](${service.app.url})`] : []),
    `- **OpenAPI document:** [JSON](${service.downloads.json}) · [YAML](${service.downloads.yaml})`,
    `- **Operations:** ${counts}`,
    '',
    prose.trim(),
    '',
    '## Operations',
    '',
  ];
  for (const group of service.groups) {
    lines.push(`### ${group.name}`, '');
    if (group.description) lines.push(oneLine(group.description), '');
    for (const op of group.operations) {
      const mark = op.access.kind === 'public' ? '' : ` (${ACCESS_LABELS[op.access.kind].label})`;
      lines.push(`- [${oneLine(op.title)}](${markdownPath(op.href)}): ${inlineCode(`${op.method} ${op.path}`)}${mark}${op.deprecated ? ' (deprecated)' : ''}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
