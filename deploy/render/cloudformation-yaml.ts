/**
 * CloudFormation's short-form intrinsic functions (`!Ref`, `!GetAtt`, `!Sub`, `!If`, …) for the
 * `yaml` package: written as tags when a template is rendered, read back as the long JSON form
 * (`{ Ref: … }`, `{ 'Fn::GetAtt': [...] }`) when one is parsed.
 */
import { parse, Scalar, YAMLSeq, type Tags } from 'yaml';

type Long = Record<string, unknown>;

const scalarTag = (name: string, long: (value: string) => Long) => ({ tag: `!${name}`, resolve: long });
const seqTag = (name: string) => ({
  tag: `!${name}`,
  collection: 'seq' as const,
  resolve: (seq: YAMLSeq) => ({ [`Fn::${name}`]: seq.toJSON() }),
});

export const CLOUDFORMATION_TAGS: Tags = [
  scalarTag('Ref', (v) => ({ Ref: v })),
  // `Resource.Attribute.Nested` names the resource before the first dot.
  scalarTag('GetAtt', (v) => ({ 'Fn::GetAtt': [v.slice(0, v.indexOf('.')), v.slice(v.indexOf('.') + 1)] })),
  scalarTag('Sub', (v) => ({ 'Fn::Sub': v })),
  scalarTag('Condition', (v) => ({ Condition: v })),
  seqTag('If'),
  seqTag('Equals'),
  seqTag('Not'),
  seqTag('And'),
  seqTag('Or'),
  seqTag('Join'),
  seqTag('Select'),
];

/** Parses a template into plain data, intrinsic functions in their long form. */
export function parseTemplate(text: string): Record<string, unknown> {
  return parse(text, { customTags: CLOUDFORMATION_TAGS }) as Record<string, unknown>;
}

function tagged(tag: string, value: string): Scalar {
  const node = new Scalar(value);
  node.tag = tag;
  return node;
}

function taggedSeq(tag: string, items: unknown[]): YAMLSeq {
  const node = new YAMLSeq();
  node.tag = tag;
  node.items = items;
  node.flow = true;
  return node;
}

/** Short forms for rendering a template (nodes the `yaml` package writes as `!Ref X` …). */
export const ref = (name: string) => tagged('!Ref', name);
export const getAtt = (path: string) => tagged('!GetAtt', path);
export const sub = (text: string) => tagged('!Sub', text);
export const fnIf = (condition: string, then: unknown, otherwise: unknown) => taggedSeq('!If', [condition, then, otherwise]);
export const fnEquals = (a: unknown, b: unknown) => taggedSeq('!Equals', [a, b]);
export const fnNot = (condition: unknown) => taggedSeq('!Not', [condition]);
export const fnAnd = (...conditions: unknown[]) => taggedSeq('!And', conditions);

/** A string written in quotes, for values a YAML 1.1 reader would take for something else (dates). */
export function quotedString(value: string): Scalar {
  const node = new Scalar(value);
  node.type = Scalar.QUOTE_DOUBLE;
  return node;
}
