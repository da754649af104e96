/**
 * A schema as a reader sees it: a tree of fields with their type, whether they are required,
 * allowed values, constraints and description. `allOf` is merged into one object, `oneOf` and
 * `anyOf` become alternatives, and a circular reference is shown by name with a link to where it
 * is already open — never expanded forever. Works on a dereferenced schema (src/lib/openapi/dereference.ts).
 */
import { isObject, type Json } from '../openapi/json.ts';
import { idPart } from '../openapi/slug.ts';

export interface SchemaNode {
  /** The property name, for a field of an object. */
  name?: string;
  required: boolean;
  /** Readable type: `string (date-time)`, `array of Taxon`, `integer | null`, `object`. */
  type: string;
  /** The component the schema came from (`Taxon`), when it came from one. */
  refName?: string;
  /** Markdown. */
  description: string;
  /** An array's item schema's own description (Markdown), when the items have one: `Occurrence` says what a record holds. */
  itemDescription?: string;
  deprecated: boolean;
  /** Allowed values, each as JSON. */
  enum: string[];
  default?: string;
  example?: string;
  /** `≥ 1`, `length ≤ 255`, `pattern ^[a-z]+$`, `read-only`… */
  constraints: string[];
  /** Fields of the object, or of the items of an array. */
  fields: SchemaNode[];
  /** `oneOf`/`anyOf`: the value matches exactly one / at least one of these. */
  alternatives?: { kind: 'oneOf' | 'anyOf'; options: SchemaNode[] };
  /** `additionalProperties`: any other key, with values of this schema. */
  additional?: SchemaNode;
  /** A reference to a schema already open above: shown by name, linked to it (`#<targetId>`). */
  cycle?: { refName: string; targetId: string };
  /** Set on a node that a cycle links back to. */
  id?: string;
  /** True when the tree was cut short (too deep or too large) below this node. */
  truncated?: boolean;
}

export interface TreeOptions {
  /** The component name of a dereferenced object (`Dereferenced.nameOf`). */
  nameOf(schema: unknown): string | undefined;
  /** Prefix of the ids given to nodes that cycles link to; unique on the page. */
  idPrefix: string;
  /** Requests hide read-only fields; responses hide write-only ones. */
  mode: 'request' | 'response';
}

const MAX_DEPTH = 12;
const MAX_NODES = 800;

const json = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** `allOf` members merged into one schema: properties and required lists joined, first type wins. */
export function mergeAllOf(schema: Json, seen: Set<object> = new Set()): Json {
  const members = Array.isArray(schema['allOf']) ? schema['allOf'].filter(isObject) : [];
  if (members.length === 0) return schema;
  const merged: Json = {};
  const properties: Json = {};
  const required = new Set<string>();
  seen.add(schema);
  for (const member of [...members, schema]) {
    if (member !== schema && seen.has(member)) continue;
    const flat = member === schema ? schema : mergeAllOf(member, seen);
    for (const [key, value] of Object.entries(flat)) {
      if (key === 'allOf') continue;
      if (key === 'properties' && isObject(value)) Object.assign(properties, value);
      else if (key === 'required' && Array.isArray(value)) value.forEach((r) => required.add(String(r)));
      else if (member === schema || merged[key] === undefined) merged[key] = value;
    }
  }
  if (Object.keys(properties).length) merged['properties'] = properties;
  if (required.size) merged['required'] = [...required];
  if (merged['type'] === undefined && merged['properties']) merged['type'] = 'object';
  return merged;
}

function types(schema: Json): string[] {
  const declared = schema['type'];
  const list = Array.isArray(declared) ? declared.map(String) : typeof declared === 'string' ? [declared] : [];
  if (list.length === 0) {
    if (isObject(schema['properties']) || isObject(schema['additionalProperties'])) list.push('object');
    else if (schema['items'] !== undefined) list.push('array');
    else if (schema['const'] !== undefined) list.push(typeof schema['const']);
  }
  if (schema['nullable'] === true && !list.includes('null')) list.push('null');
  return list;
}

function constraints(schema: Json, mode: TreeOptions['mode']): string[] {
  const out: string[] = [];
  const num = (key: string) => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  const min = num('minimum');
  const max = num('maximum');
  const exMin = num('exclusiveMinimum') ?? (schema['exclusiveMinimum'] === true ? min : undefined);
  const exMax = num('exclusiveMaximum') ?? (schema['exclusiveMaximum'] === true ? max : undefined);
  if (exMin !== undefined) out.push(`> ${exMin}`);
  else if (min !== undefined) out.push(`≥ ${min}`);
  if (exMax !== undefined) out.push(`< ${exMax}`);
  else if (max !== undefined) out.push(`≤ ${max}`);
  if (num('multipleOf') !== undefined) out.push(`multiple of ${num('multipleOf')}`);
  const range = (lo: number | undefined, hi: number | undefined, what: string) => {
    if (lo !== undefined && hi !== undefined) out.push(lo === hi ? `${what} ${lo}` : `${what} ${lo}–${hi}`);
    else if (lo !== undefined) out.push(`${what} ≥ ${lo}`);
    else if (hi !== undefined) out.push(`${what} ≤ ${hi}`);
  };
  range(num('minLength'), num('maxLength'), 'length');
  range(num('minItems'), num('maxItems'), 'items');
  range(num('minProperties'), num('maxProperties'), 'properties');
  if (typeof schema['pattern'] === 'string') out.push(`pattern ${schema['pattern']}`);
  if (schema['uniqueItems'] === true) out.push('unique items');
  if (schema['readOnly'] === true && mode === 'request') out.push('read-only');
  if (schema['writeOnly'] === true) out.push('write-only');
  return out;
}

/** A schema's own example: its `example`, else the first of its `examples`. */
export function firstExample(schema: Json): unknown {
  if (schema['example'] !== undefined) return schema['example'];
  if (Array.isArray(schema['examples']) && schema['examples'].length) return schema['examples'][0];
  return undefined;
}

interface Frame {
  schema: object;
  node: SchemaNode;
  path: string;
}

export function schemaTree(root: unknown, options: TreeOptions): SchemaNode {
  let count = 0;

  /** The readable label of a schema's type: `array of Taxon`, `string (uri) | null`. */
  const label = (schema: Json, depth = 0): string => {
    const flat = mergeAllOf(schema);
    const list = types(flat);
    const alternatives = (['oneOf', 'anyOf'] as const).find((k) => Array.isArray(flat[k]));
    if (list.length === 0) {
      if (alternatives) return (flat[alternatives] as unknown[]).filter(isObject).map((o) => options.nameOf(o) ?? label(o, depth + 1)).join(' | ') || 'any';
      return 'any';
    }
    return list
      .map((t) => {
        if (t === 'array') {
          const items = flat['items'];
          if (!isObject(items) || depth > 4) return 'array';
          return `array of ${options.nameOf(items) ?? label(items, depth + 1)}`;
        }
        const format = typeof flat['format'] === 'string' && t !== 'null' ? ` (${flat['format']})` : '';
        return `${t}${format}`;
      })
      .join(' | ');
  };

  const walk = (raw: unknown, name: string | undefined, required: boolean, stack: Frame[]): SchemaNode | undefined => {
    count++;
    const schema: Json = isObject(raw) ? raw : {};
    const refName = options.nameOf(raw);
    const path = `${stack.at(-1)?.path ?? options.idPrefix}-${idPart(name ?? refName ?? 'item') || 'x'}`;

    const open = stack.find((f) => f.schema === raw);
    if (open) {
      open.node.id ??= open.path;
      return {
        ...(name !== undefined ? { name } : {}),
        required,
        type: refName ?? 'object',
        ...(refName ? { refName } : {}),
        description: '',
        deprecated: false,
        enum: [],
        constraints: [],
        fields: [],
        cycle: { refName: refName ?? 'schema', targetId: open.node.id },
      };
    }
    const flat = mergeAllOf(schema);
    if (options.mode === 'request' && flat['readOnly'] === true && name !== undefined) return undefined;
    if (options.mode === 'response' && flat['writeOnly'] === true && name !== undefined) return undefined;

    // An array shows its items' fields and allowed values: unwrap nested arrays to the item.
    let item: Json = flat;
    while (types(item).includes('array') && isObject(item['items'])) item = mergeAllOf(item['items'] as Json);
    const itemRaw = item === flat ? raw : item;

    const node: SchemaNode = {
      ...(name !== undefined ? { name } : {}),
      required,
      type: label(schema),
      ...(refName ? { refName } : {}),
      description: typeof flat['description'] === 'string' ? flat['description'] : typeof flat['title'] === 'string' ? flat['title'] : '',
      deprecated: flat['deprecated'] === true,
      enum: Array.isArray(item['enum']) ? item['enum'].map(json) : item['const'] !== undefined ? [json(item['const'])] : [],
      constraints: constraints(flat, options.mode),
      fields: [],
    };
    const itemDescription = item !== flat && typeof item['description'] === 'string' ? item['description'] : '';
    if (itemDescription && itemDescription !== node.description) node.itemDescription = itemDescription;
    if (flat['default'] !== undefined) node.default = json(flat['default']);
    const example = firstExample(flat);
    if (example !== undefined && !isObject(example) && !Array.isArray(example)) node.example = json(example);

    if (stack.length >= MAX_DEPTH || count > MAX_NODES) {
      if (isObject(item['properties']) || item['oneOf'] || item['anyOf']) node.truncated = true;
      return node;
    }
    const frames = [...stack, { schema: raw as object, node, path }];
    if (item !== flat && isObject(itemRaw) && options.nameOf(itemRaw)) {
      // `array of Taxon` where Taxon is already open above: the items are the cycle.
      const itemOpen = stack.find((f) => f.schema === itemRaw);
      if (itemOpen) {
        itemOpen.node.id ??= itemOpen.path;
        node.cycle = { refName: options.nameOf(itemRaw)!, targetId: itemOpen.node.id };
        return node;
      }
      frames.push({ schema: itemRaw, node, path });
    }

    const requiredNames = new Set(Array.isArray(item['required']) ? item['required'].map(String) : []);
    if (isObject(item['properties'])) {
      for (const [field, sub] of Object.entries(item['properties'])) {
        const child = walk(sub, field, requiredNames.has(field), frames);
        if (child) node.fields.push(child);
      }
    }
    for (const kind of ['oneOf', 'anyOf'] as const) {
      const list = item[kind];
      if (!Array.isArray(list) || list.length === 0) continue;
      const options_ = list.map((option, i) => walk(option, undefined, false, frames) ?? { required: false, type: `option ${i + 1}`, description: '', deprecated: false, enum: [], constraints: [], fields: [] });
      node.alternatives = { kind, options: options_ };
      break;
    }
    const additional = isObject(item['additionalProperties']) ? walk(item['additionalProperties'], undefined, false, frames) : undefined;
    if (additional) node.additional = additional;
    return node;
  };

  return walk(root, undefined, false, []) ?? { required: false, type: 'any', description: '', deprecated: false, enum: [], constraints: [], fields: [] };
}

/** True when a node has something to show beneath it. */
export function hasChildren(node: SchemaNode): boolean {
  return node.fields.length > 0 || Boolean(node.alternatives) || Boolean(node.additional);
}
