/**
 * The one place the diff engine is used: Redocly's `diffDocuments` (marked experimental upstream)
 * compares two versions of an OpenAPI document, and this module turns its judged changes into
 * the changelog's vocabulary — a class (breaking, non-breaking, deprecated, annotation), the
 * operations each change reaches (through every `$ref` to a shared component), a JSON pointer and
 * a sentence. Breaking changes keep the engine's own sentences; the others are written here.
 * What this returns is stored in the records as it is, and never computed again.
 */
import { createConfig, diffDocuments, displaySide, makeDocumentFromString, nameOf, typeOf, type Config, type DiffNode, type JudgedChange } from '@redocly/openapi-core';
import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { asString, isObject, type Json } from '../openapi/json.ts';
import { pointerOf, pointerSegments, resolvePointer } from '../openapi/pointer.ts';
import { childParentKey, isData } from '../openapi/references.ts';
import { HTTP_METHODS } from '../openapi/walk.ts';
import type { ChangeClass } from './records.ts';
import { covers, isMethod, operationsAt, valueDifferences, type OperationKey } from './value-differences.ts';

export interface ApiChange {
  class: ChangeClass;
  /** Every operation the change reaches, in document order of discovery, without repeats. */
  operations: OperationKey[];
  /** Where the change is, in the document that has it (the old one for a removal): `#/paths/~1a/get`. */
  pointer: string;
  message: string;
}

/** A document to compare: its file name (for the engine's messages) and its text. */
export interface DocumentText {
  file: string;
  text: string;
}

type Entry = NonNullable<DiffNode['base']>;

let config: Promise<Config> | undefined;
/**
 * Only the diff rules: without `diff-recommended` in `extends` the engine judges every change
 * by its default (added: minor, anything else: patch) and nothing is ever breaking.
 */
const diffConfig = () => (config ??= createConfig({ extends: ['diff-recommended'] }));

/** Compares `base` with `revision`; an empty list when they describe the same API in the same words. */
export async function diffApi(base: DocumentText, revision: DocumentText): Promise<ApiChange[]> {
  const before = parseDocument(base);
  const after = parseDocument(revision);
  const differences = valueDifferences(before, after);
  if (differences.length === 0) return [];
  const [baseText, revisionText] = withParameterIdentities(before, after);
  const result = await diffDocuments({
    base: makeDocumentFromString(baseText, base.file),
    revision: makeDocumentFromString(revisionText, revision.file),
    config: await diffConfig(),
  });
  // The identities are the wrapper's own: a change of one says nothing about the API.
  const judged = result.changes.filter((change) => !(change.kind === 'modified' && change.property === IDENTITY));
  const changes = judged.map((change) => securityOverride(change, before, after) ?? toApiChange(change));
  // Where the engine's changes are, on both sides (a renamed key is a place in each).
  const seen = judged.flatMap((change) => (change.kind === 'modified' ? [change.base, change.revision] : [displaySide(change)]).map((side) => side.location.pointer));
  // What the engine did not see: values it does not compare (an example written as an object).
  const unseen = differences.filter((difference) => !seen.some((pointer) => covers(pointer, difference)));
  return [...changes, ...unseenChanges(unseen, before, after)];
}

function parseDocument({ file, text }: DocumentText): Json {
  const value: unknown = parse(text, { merge: true });
  if (!isObject(value)) throw new Error(`${file}: not an OpenAPI document (no object at its root)`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Parameters are paired by name and location

/** The field that carries a parameter's identity for the engine's pairing (never shown). */
const IDENTITY = 'x-changelog-parameter';

/**
 * Every parameter object of a document (in path items, operations and components) but path
 * parameters: their names are the document's own (`/a/{id}` and `/a/{key}` are one URL), so the
 * engine's pairing, which lets them be renamed, is right for them.
 */
function parametersOf(document: Json): Json[] {
  const found: Json[] = [];
  const collect = (list: unknown) => {
    for (const parameter of Array.isArray(list) ? list : isObject(list) ? Object.values(list) : []) {
      if (isObject(parameter) && typeof parameter['name'] === 'string' && typeof parameter['in'] === 'string' && parameter['in'] !== 'path') found.push(parameter);
    }
  };
  const components = isObject(document['components']) ? document['components'] : {};
  collect(components['parameters']);
  for (const items of [document['paths'], document['webhooks'], components['pathItems']]) {
    for (const item of isObject(items) ? Object.values(items) : []) {
      if (!isObject(item)) continue;
      collect(item['parameters']);
      for (const method of HTTP_METHODS) if (isObject(item[method])) collect(item[method]['parameters']);
    }
  }
  return found;
}

/**
 * The engine pairs the items of a list by likeness, not by identity: when one parameter is removed,
 * another added and a third changed in one list, it may pair `region` with `limit` and report a
 * rename and a narrowed type that never happened. A query, header or cookie parameter is its name
 * and location, so each one is given a long field derived from them, of one length in both
 * documents (four times the longest parameter): parameters of the same name and location then
 * pair (their fields are equal), and no others can (their fields differ in nearly every
 * character). Pointers are unchanged: the field is added, nothing moves. Returns the two
 * documents as JSON text.
 */
function withParameterIdentities(base: Json, revision: Json): [string, string] {
  const documents = [structuredClone(base), structuredClone(revision)];
  const parameters = documents.map(parametersOf);
  const length = Math.max(256, ...parameters.flat().map((p) => 4 * JSON.stringify(p).length));
  for (const parameter of parameters.flat()) {
    const key = createHash('sha256').update(`${String(parameter['in'])}\n${String(parameter['name'])}`).digest('hex');
    parameter[IDENTITY] = key.repeat(Math.ceil(length / key.length)).slice(0, length);
  }
  return [JSON.stringify(documents[0]), JSON.stringify(documents[1])];
}

// ---------------------------------------------------------------------------------------------
// An operation's own security, set or dropped

/** Whether a list of security alternatives lets a call through without credentials (`[]`, or an alternative `{}`). */
const allowsAnonymous = (list: unknown[]) => list.length === 0 || list.some((alt) => isObject(alt) && Object.keys(alt).length === 0);
const alternativeNames = (list: unknown[]) => list.map((alt) => (isObject(alt) ? Object.keys(alt).sort().join(' + ') : ''));
const securityText = (list: unknown[]) => (list.length === 0 ? 'none needed' : alternativeNames(list).map((names) => (names ? code(names) : 'no credentials')).join(', or '));

/**
 * An operation's own `security` added or removed: the engine compares the list with nothing, but
 * what applies was, or becomes, the document's own. Removing `security: []` from an operation of a
 * document that needs a token makes the token required — breaking, though nothing was "removed"
 * from the API. Judged here on what applies before and after.
 */
function securityOverride(change: JudgedChange, base: Json, revision: Json): ApiChange | undefined {
  if (change.kind === 'modified' || typeOf(change.node) !== 'SecurityRequirementList' || !change.node.parent || typeOf(change.node.parent) !== 'Operation') return undefined;
  const [key] = operationsReached(change.node);
  if (!key) return undefined;
  const applying = (document: Json): unknown[] => {
    const operation = nodeAt(document, ['paths', key.path, key.method.toLowerCase()]);
    const own = isObject(operation) ? operation['security'] : undefined;
    const list = own ?? document['security'];
    return Array.isArray(list) ? list : [];
  };
  const before = applying(base);
  const after = applying(revision);
  const kept = alternativeNames(before).every((names) => alternativeNames(after).includes(names)) && (!allowsAnonymous(before) || allowsAnonymous(after));
  const what =
    allowsAnonymous(before) && !allowsAnonymous(after)
      ? 'A token is now required'
      : !kept
        ? 'The credentials it accepts changed'
        : !allowsAnonymous(before) && allowsAnonymous(after)
          ? 'A token is now optional'
          : 'More ways to call it are accepted';
  return {
    class: kept ? 'non-breaking' : 'breaking',
    operations: [key],
    pointer: displaySide(change).location.pointer,
    message: `${what}: ${change.kind === 'added' ? "its own security replaces the document's" : "its own security was removed, so the document's applies"} (was ${securityText(before)}; now ${securityText(after)}).`,
  };
}

function toApiChange(change: JudgedChange): ApiChange {
  const pointer = displaySide(change).location.pointer || '#/';
  const operations = operationsReached(change.node);
  if (change.impact === 'major') {
    return { class: 'breaking', operations, pointer, message: change.verdicts.filter((v) => v.impact === 'major').map((v) => v.message).join(' ') };
  }
  return { class: classOf(change), operations, pointer, message: messageOf(change) };
}

// ---------------------------------------------------------------------------------------------
// Classes of the changes the engine does not call breaking

/** Parts of a document that only describe: a change in (or of) one of these is an annotation. */
const DESCRIBING_TYPES = new Set(['Info', 'Contact', 'License', 'Logo', 'Tag', 'TagList', 'TagGroup', 'TagGroups', 'ExternalDocs', 'Example', 'ExamplesMap', 'NamedExamples', 'XCodeSample', 'XCodeSampleList', 'EnumDescriptions']);
/** Fields that only describe, wherever they are. */
const DESCRIBING_FIELDS = new Set(['description', 'summary', 'title', 'example', 'examples', 'externalValue', '$comment', 'tags', 'openapi']);

const isDescribingField = (property: string) => DESCRIBING_FIELDS.has(property) || property.startsWith('x-');

function classOf(change: JudgedChange): ChangeClass {
  if (change.kind === 'modified' && change.property === 'deprecated') return change.revision.value === true ? 'deprecated' : 'non-breaking';
  if (climb(change.node).some((node) => DESCRIBING_TYPES.has(typeOf(node)))) return 'annotation';
  if (change.kind === 'modified' && isDescribingField(change.property)) return 'annotation';
  return 'non-breaking';
}

/** The node and the nodes above it, up to the root (along `parent`). */
function climb(node: DiffNode): DiffNode[] {
  const chain: DiffNode[] = [];
  for (let current: DiffNode | null = node; current; current = current.parent) chain.push(current);
  return chain;
}

// ---------------------------------------------------------------------------------------------
// Operations a change reaches

const ROOT_DEFAULTS = ['servers', 'security'];
const latest = (node: DiffNode): Entry => (node.revision ?? node.base)!;
/** The node a side stands for: a `$ref`'s target, or the node itself. */
const target = (entry: Entry): Entry => entry.resolved ?? entry;

/** The operations of a path item (written at `path`); with `unless`, only those that do not set that field themselves. */
function operationsOfPathItem(item: Entry, path: string, unless?: string): OperationKey[] {
  if (unless && field(item, unless) !== undefined) return [];
  return target(item)
    .children.filter((child) => isMethod(child.key) && !(unless && field(child, unless) !== undefined))
    .map((child) => ({ method: String(child.key).toUpperCase(), path }));
}

/** The operations of a `paths` object (see operationsOfPathItem for `unless`). */
const operationsOfPaths = (paths: Entry, unless?: string): OperationKey[] => target(paths).children.flatMap((item) => operationsOfPathItem(item, String(item.key), unless));

/**
 * The operations above `node`: its own operation, or — for a shared component — every operation
 * that reaches it by `$ref`. The engine compares a component once, under the first place that
 * reaches it, and lists the other places in `referencedBy`; this climbs both.
 */
function operationsReached(node: DiffNode): OperationKey[] {
  const found = new Map<string, OperationKey>();
  const add = (op: OperationKey) => found.set(`${op.method} ${op.path}`, op);
  const visited = new Set<DiffNode>();
  const visit = (current: DiffNode, below: DiffNode | undefined) => {
    if (visited.has(current)) return;
    visited.add(current);
    const type = typeOf(current);
    if (type === 'Operation' && current.parent && typeOf(current.parent) === 'PathItem') {
      add({ method: nameOf(current).toUpperCase(), path: nameOf(current.parent) });
      return;
    }
    if (type === 'PathItem' && current.parent && typeOf(current.parent) === 'Paths') {
      // A change of the path item itself, or of its own parameters or servers: all its operations.
      if (!below || typeOf(below) !== 'Operation') operationsOfPathItem(latest(current), nameOf(current)).forEach(add);
      return;
    }
    if (type === 'Paths') {
      if (!below) operationsOfPaths(latest(current)).forEach(add);
      return;
    }
    // The document's own servers and security apply to every operation that does not set its own.
    const rootField = below ? String(latest(below).key) : '';
    if (type === 'Root' && ROOT_DEFAULTS.includes(rootField)) {
      const paths = target(latest(current)).children.find((child) => child.key === 'paths');
      if (paths) operationsOfPaths(paths, rootField).forEach(add);
      return;
    }
    for (const place of [current.parent, ...current.referencedBy]) if (place) visit(place, current);
  };
  visit(node, undefined);
  return [...found.values()];
}

// ---------------------------------------------------------------------------------------------
// Sentences for the changes the engine does not call breaking

const code = (text: unknown) => `\`${String(text)}\``;
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const field = (entry: Entry | undefined, name: string): unknown => {
  const value = entry && target(entry).value;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[name] : undefined;
};

/** The schema's name when it is a property or a component (a `$ref` names its target): `` of `Order` ``. */
function ownerOf(schema: DiffNode | null | undefined): string {
  const container = schema && target(latest(schema)).parent?.type.name;
  return container === 'SchemaProperties' || container === 'NamedSchemas' ? ` of ${code(nameOf(schema!))}` : '';
}

/** What a node is, as a reader names it: `` query parameter `limit` ``, `` property `id` of `Record` ``. */
function placeOf(node: DiffNode): string {
  const entry = latest(node);
  const parentType = node.parent ? typeOf(node.parent) : '';
  switch (typeOf(node)) {
    case 'Root':
      return 'the document';
    case 'Info':
      return "the document's info";
    case 'Paths':
      return 'the paths';
    case 'PathItem':
      return `path ${code(nameOf(node))}`;
    case 'Operation':
      return node.parent && typeOf(node.parent) === 'PathItem' ? `operation ${code(`${nameOf(node).toUpperCase()} ${nameOf(node.parent)}`)}` : `operation ${code(nameOf(node))}`;
    case 'Parameter':
      return `${String(field(entry, 'in') ?? '')} parameter ${code(field(entry, 'name'))}`.trim();
    case 'ParameterList':
      return 'the parameters';
    case 'RequestBody':
      return 'the request body';
    case 'Responses':
      return 'the responses';
    case 'Response':
      return parentType === 'NamedResponses' ? `response ${code(nameOf(node))}` : `response ${code(entry.key)}`;
    case 'MediaType':
      return `${code(entry.key)} content`;
    case 'Header':
      return `header ${code(nameOf(node))}`;
    case 'Schema': {
      // A `$ref` stands for its target: a component schema is named as one wherever it is reached.
      const written = target(entry).parent?.type.name;
      if (parentType === 'SchemaProperties') return `property ${code(nameOf(node))}${ownerOf(node.parent?.parent)}`;
      if (parentType === 'NamedSchemas' || written === 'NamedSchemas') return `schema ${code(nameOf(node))}`;
      if (parentType === 'Parameter' || parentType === 'Header') return placeOf(node.parent!);
      return node.parent ? `the schema of ${placeOf(node.parent)}` : 'a schema';
    }
    case 'SchemaProperties':
      return `the properties${ownerOf(node.parent)}`;
    case 'SecurityRequirementList':
      return 'the security requirements';
    case 'SecurityRequirement': {
      const names = Object.keys((target(entry).value as Record<string, unknown>) ?? {});
      return names.length ? `the security alternative ${names.map(code).join(' + ')}` : 'the security alternative without credentials';
    }
    case 'SecurityScheme':
      return `security scheme ${code(nameOf(node))}`;
    case 'Server':
      return `server ${code(field(entry, 'url'))}`;
    case 'Tag':
      return `tag ${code(field(entry, 'name'))}`;
    case 'Example':
      return `example ${code(nameOf(node))}`;
    default:
      return typeof entry.key === 'string' && entry.key ? code(entry.key) : typeOf(node);
  }
}

const shown = (value: unknown) => (value === undefined ? 'none' : code(Array.isArray(value) ? value.join(' | ') : value));

/** A security requirement list as alternatives: `` `oauth2`, or no credentials ``. */
function alternatives(list: Entry): string {
  const items = target(list).children.map((item) => Object.keys((target(item).value as Record<string, unknown>) ?? {}));
  return items.map((names) => (names.length ? names.map(code).join(' + ') : 'no credentials')).join(', or ');
}

function addedMessage(node: DiffNode, place: string): string {
  const entry = latest(node);
  switch (typeOf(node)) {
    case 'Parameter':
      return `${field(entry, 'required') === true ? 'Required' : 'Optional'} ${place} was added.`;
    case 'ParameterList': {
      const names = target(entry).children.map((p) => `${field(p, 'required') === true ? 'required' : 'optional'} ${String(field(p, 'in'))} parameter ${code(field(p, 'name'))}`);
      return `${capitalized(names.join(', '))} ${names.length === 1 ? 'was' : 'were'} added.`;
    }
    case 'PathItem': {
      const methods = target(entry).children.filter((child) => isMethod(child.key)).map((child) => String(child.key).toUpperCase());
      return methods.length === 1 ? `Operation ${code(`${methods[0]} ${nameOf(node)}`)} was added.` : `${capitalized(place)} was added, with operations ${methods.map(code).join(', ')}.`;
    }
    case 'SchemaProperties': {
      const names = target(entry).children.map((property) => code(property.key));
      const listed = names.length > 8 ? `${names.slice(0, 8).join(', ')} and ${names.length - 8} more` : names.join(', ');
      return `${capitalized(place)} were added: ${listed}.`;
    }
    case 'SecurityRequirementList':
      return `Security requirements were added: ${alternatives(entry)}.`;
    case 'SecurityRequirement':
      return Object.keys((target(entry).value as Record<string, unknown>) ?? {}).length ? `${capitalized(place)} was added.` : 'An alternative without credentials was added: a token is now optional.';
    default:
      return `${capitalized(place)} was added.`;
  }
}

function messageOf(change: JudgedChange): string {
  const { node } = change;
  const place = placeOf(node);
  if (change.kind === 'added') return addedMessage(node, place);
  if (change.kind === 'removed') return `${capitalized(place)} was removed.`;
  const { property } = change;
  const before = change.base.value;
  const after = change.revision.value;
  if (property === 'deprecated') return after === true ? `${capitalized(place)} is deprecated.` : `${capitalized(place)} is no longer deprecated.`;
  if (property === 'key') return `${capitalized(place.replace(code(after), code(before)))} was renamed to ${code(after)}.`;
  if (property === 'name' && typeOf(node) === 'Parameter') {
    const location = String(field(latest(node), 'in'));
    return `${capitalized(location)} parameter ${code(before)} was renamed to ${code(after)}${location === 'path' ? ' (the same URL: only its name in the document changed)' : ''}.`;
  }
  if (property === 'required' && ['Parameter', 'RequestBody'].includes(typeOf(node)) && after !== true) return `${capitalized(place)} is now optional.`;
  if (property === 'nullable') return after === true ? `${capitalized(place)} now accepts \`null\`.` : `${capitalized(place)} no longer accepts \`null\`.`;
  if (property === 'type') return `The type of ${place} changed from ${shown(before)} to ${shown(after)}.`;
  if (isDescribingField(property) && (typeof before === 'string' || typeof after === 'string' || before === undefined || after === undefined)) {
    const what = `the ${property}`;
    if (before === undefined) return `${capitalized(what)} of ${place} was added.`;
    if (after === undefined) return `${capitalized(what)} of ${place} was removed.`;
    return `${capitalized(what)} of ${place} changed.`;
  }
  return `${code(property)} of ${place} changed from ${shown(before)} to ${shown(after)}.`;
}

// ---------------------------------------------------------------------------------------------
// Changes the engine does not see

/** The node at `segments` of a document (a `$ref` followed), if any. */
function nodeAt(document: Json, segments: string[]): unknown {
  let node: unknown = document;
  for (const segment of segments) {
    node = Array.isArray(node) ? node[Number(segment)] : isObject(node) ? node[segment] : undefined;
    const ref = isObject(node) ? node['$ref'] : undefined;
    if (typeof ref === 'string' && ref.startsWith('#')) node = nodeAt(document, pointerSegments(ref));
  }
  return node;
}

/**
 * A pointer cut after the first value that is data — an example, a default, an Example's value,
 * an extension — so that a changed example is one change however much of it changed. What is
 * data is references.ts's one rule.
 */
function dataRoot(document: Json, segments: string[]): string[] {
  let node: unknown = document;
  let parentKey = '';
  for (const [i, key] of segments.entries()) {
    if (Array.isArray(node)) {
      node = node[Number(key)];
      continue;
    }
    const value = isObject(node) ? node[key] : undefined;
    const named = childParentKey(key, parentKey) !== key;
    if (isData(key, value, parentKey) || (key.startsWith('x-') && !named)) return segments.slice(0, i + 1);
    parentKey = childParentKey(key, parentKey);
    node = value;
  }
  return segments;
}

/** Where a pointer is, for a reader: `` `GET /a` › query parameter `q` ``, `` response `200` › `application/json` ``. */
function pointerPlace(document: Json, segments: string[]): string {
  const parts: string[] = [];
  let i = 0;
  if (segments[0] === 'paths' && segments[1] !== undefined) {
    const method = segments[2];
    const isOperation = method !== undefined && isMethod(method);
    parts.push(isOperation ? code(`${method.toUpperCase()} ${segments[1]}`) : `path ${code(segments[1])}`);
    i = isOperation ? 3 : 2;
  } else if (segments[0] === 'components' && segments[2] !== undefined) {
    parts.push(`${segments[1]!.replace(/s$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} ${code(segments[2])}`);
    i = 3;
  }
  for (; i < segments.length - 1; i++) {
    const segment = segments[i]!;
    const name = code(segments[i + 1]);
    if (segment === 'requestBody') {
      parts.push('the request body');
      continue;
    }
    const named: Record<string, string> = { responses: `response ${name}`, properties: `property ${name}`, content: name, examples: `example ${name}`, headers: `header ${name}` };
    if (segment === 'parameters') {
      const parameter = nodeAt(document, segments.slice(0, i + 2));
      parts.push(isObject(parameter) ? `${asString(parameter['in'])} parameter ${code(asString(parameter['name']))}` : 'a parameter');
    } else if (named[segment]) parts.push(named[segment]);
    else continue;
    i++;
  }
  return parts.join(' › ') || 'the document';
}

function unseenChanges(pointers: string[], base: Json, revision: Json): ApiChange[] {
  const places = new Map<string, { segments: string[]; document: Json }>();
  for (const pointer of pointers) {
    const segments = pointerSegments(pointer);
    const document = resolvePointer(revision, pointer).found ? revision : base;
    const kept = dataRoot(document, segments);
    places.set(kept.join('\u0000'), { segments: kept, document });
  }
  return [...places.values()].map(({ segments, document }) => {
    const pointer = pointerOf(segments);
    const field = segments[segments.length - 1] ?? '';
    const inRevision = operationsAt(revision, pointer);
    return {
      class: isDescribingField(field) || field === 'value' ? 'annotation' : 'non-breaking',
      operations: inRevision.length ? inRevision : operationsAt(base, pointer),
      pointer,
      message: `The ${code(field)} of ${pointerPlace(document, segments.slice(0, -1))} changed.`,
    };
  });
}
