/**
 * Lists the operations of an OpenAPI document, in document order, with what a reader needs to
 * call each one: whether it needs a token (🔒), only an API key (🔑), or nothing.
 */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** `token`: every security alternative needs a bearer token; `apiKey`: every alternative needs at least a key. */
export type Access = 'public' | 'token' | 'apiKey';

export interface OperationSummary {
  operationId: string;
  /** True when the document has no operationId and one was derived from method and path. */
  generatedId: boolean;
  method: Uppercase<HttpMethod>;
  path: string;
  summary: string;
  description: string;
  tag: string;
  deprecated: boolean;
  access: Access;
  /** Scopes named by the token alternatives, for display. */
  scopes: string[];
  /** A value safe to use as an HTML id and URL fragment. */
  anchor: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const TOKEN_SCHEMES = new Set(['oauth2', 'openIdConnect']);

/** What kind of credential each security scheme of the document is. */
function schemeKinds(doc: Json): Map<string, 'token' | 'apiKey' | 'other'> {
  const kinds = new Map<string, 'token' | 'apiKey' | 'other'>();
  const components = isObject(doc['components']) ? doc['components'] : {};
  const schemes = isObject(components['securitySchemes']) ? components['securitySchemes'] : {};
  for (const [name, scheme] of Object.entries(schemes)) {
    if (!isObject(scheme)) continue;
    const type = scheme['type'];
    const isBearer = type === 'http' && String(scheme['scheme']).toLowerCase() === 'bearer';
    kinds.set(name, TOKEN_SCHEMES.has(String(type)) || isBearer ? 'token' : type === 'apiKey' ? 'apiKey' : 'other');
  }
  return kinds;
}

export function accessOf(security: unknown, kinds: Map<string, 'token' | 'apiKey' | 'other'>): { access: Access; scopes: string[] } {
  if (!Array.isArray(security) || security.length === 0) return { access: 'public', scopes: [] };
  const alternatives = security.filter(isObject);
  if (alternatives.length !== security.length) return { access: 'public', scopes: [] };
  const needsToken = (alt: Json) => Object.keys(alt).some((name) => kinds.get(name) === 'token');
  const needsKey = (alt: Json) => Object.keys(alt).some((name) => kinds.get(name) === 'apiKey');
  const scopes = [
    ...new Set(
      alternatives.flatMap((alt) =>
        Object.entries(alt)
          .filter(([name]) => kinds.get(name) === 'token')
          .flatMap(([, s]) => (Array.isArray(s) ? s.map(String) : [])),
      ),
    ),
  ];
  if (alternatives.every(needsToken)) return { access: 'token', scopes };
  if (alternatives.every((alt) => needsToken(alt) || needsKey(alt))) return { access: 'apiKey', scopes: [] };
  return { access: 'public', scopes: [] };
}

export function anchorFor(operationId: string): string {
  const cleaned = operationId.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return `op-${cleaned || 'operation'}`;
}

/**
 * The URL segment of an operation's page: its operationId in kebab case
 * (`searchOccurrences` → `search-occurrences`, `getOccurrenceUUIDs` → `get-occurrence-uuids`,
 * a generated `get/ws/{id}` → `get-ws-id`). Stable: it depends on the operationId only.
 */
export function operationSlug(operationId: string): string {
  // Words: an acronym plural (`UUIDs`), an acronym (`UUID`, `V2`), a word (`Record`, `search2`), digits.
  const words = operationId.match(/[A-Z]{2,}s(?![a-z])|[A-Z]+\d*(?![a-z])|[A-Z]?[a-z]+\d*|\d+/g) ?? [];
  return words.join('-').toLowerCase() || 'operation';
}

export function listOperations(doc: unknown): OperationSummary[] {
  if (!isObject(doc) || !isObject(doc['paths'])) return [];
  const kinds = schemeKinds(doc);
  const operations: OperationSummary[] = [];
  const usedAnchors = new Set<string>();
  for (const [path, item] of Object.entries(doc['paths'])) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const hasId = typeof op['operationId'] === 'string' && op['operationId'] !== '';
      const operationId = hasId ? (op['operationId'] as string) : `${method}${path}`;
      let anchor = anchorFor(operationId);
      for (let n = 2; usedAnchors.has(anchor); n++) anchor = `${anchorFor(operationId)}-${n}`;
      usedAnchors.add(anchor);
      const tags = Array.isArray(op['tags']) ? op['tags'].filter((t): t is string => typeof t === 'string') : [];
      const { access, scopes } = accessOf(op['security'] ?? doc['security'], kinds);
      operations.push({
        operationId,
        generatedId: !hasId,
        method: method.toUpperCase() as Uppercase<HttpMethod>,
        path,
        summary: typeof op['summary'] === 'string' ? op['summary'] : '',
        description: typeof op['description'] === 'string' ? op['description'] : '',
        tag: tags[0] ?? 'Other operations',
        deprecated: op['deprecated'] === true,
        access,
        scopes,
        anchor,
      });
    }
  }
  return operations;
}
