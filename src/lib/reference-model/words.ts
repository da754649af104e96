/**
 * The words a reference page and its Markdown twin share, written once: who may call an
 * operation, a service's operation counts, the parameter groups and "On this page" sections, the
 * words for each response status, alternatives and generated examples. Sentences with code or
 * links are lists of parts, which each renderer writes in its own markup
 * (src/components/reference/Words.astro, src/lib/twins/reference-twins.ts).
 */
import { TOKEN_HELPER_PATH } from '../../config/routes.ts';
import type { Access, AccessKind } from '../openapi/access.ts';
import type { ExampleModel } from './examples.ts';
import { PARAMETER_LOCATIONS, type OperationModel, type ParameterLocation, type ParameterModel } from './operation-model.ts';
import type { ServiceCounts } from './service-model.ts';

/** A piece of a sentence: text, inline code, or a link to a page of the site. */
export type Part = string | { code: string } | { href: string; text: string };

const codes = (values: readonly string[]): Part[] => values.flatMap((v, i) => (i > 0 ? [', ', { code: v }] : [{ code: v }]));

/** Who may call an operation, in one sentence. */
export function accessSentence(access: Access): Part[] {
  const { scopes } = access;
  const key = access.apiKeys[0];
  switch (access.kind) {
    case 'token':
      return [
        'Needs an access token',
        ...(scopes.length ? [` with ${scopes.length === 1 ? 'scope' : 'scopes'} `, ...codes(scopes)] : []),
        ', sent as ',
        { code: 'Authorization: Bearer <token>' },
        ' — ',
        { href: TOKEN_HELPER_PATH, text: 'get one with the token helper' },
        '.',
      ];
    case 'optional':
      return [
        'Open, token optional: works without a token; an ',
        { href: '/authentication/', text: 'access token' },
        ...(scopes.length ? [' (', ...codes(scopes), ')'] : []),
        ' unlocks more — ',
        { href: TOKEN_HELPER_PATH, text: 'get one' },
        '.',
      ];
    case 'apiKey':
      return ['Needs an API key', ...(key ? [', sent as ', { code: key.name }, ` (${key.in})`] : []), ' — for usage tracking, not authentication.'];
    default:
      return ['Open: no token needed.'];
  }
}

/** The short label of each kind of access (badges, index entries) and what it means. */
export const ACCESS_LABELS: Record<AccessKind, { label: string; meaning: string }> = {
  token: { label: 'token required', meaning: 'Needs an access token' },
  optional: { label: 'token optional', meaning: 'Works without a token; a token unlocks more' },
  apiKey: { label: 'API key', meaning: 'Needs an API key (usage tracking, not authentication)' },
  public: { label: 'open', meaning: 'No token needed' },
};

/** A service's operations by access: the total, then how many need a token, accept one, or need a key. */
export function countParts(counts: ServiceCounts): { kind: AccessKind; count: number; text: string }[] {
  return [
    { kind: 'token' as const, count: counts.protected, text: 'need a token' },
    { kind: 'optional' as const, count: counts.optional, text: 'token optional' },
    { kind: 'apiKey' as const, count: counts.apiKey, text: 'need an API key' },
  ].filter((p) => p.count > 0);
}

/** How `oneOf` and `anyOf` alternatives are introduced. */
export const ALTERNATIVES = { oneOf: 'Exactly one of', anyOf: 'Any of' } as const;

/** Said beside an example the document does not give. */
export const GENERATED_EXAMPLE = 'Example generated from the schema (the document gives none).';

export interface ParameterGroup {
  location: ParameterLocation;
  title: string;
  anchor: string;
  parameters: ParameterModel[];
}

const LOCATION_TITLES: Record<ParameterLocation, string> = {
  path: 'Path parameters',
  query: 'Query parameters',
  header: 'Header parameters',
  cookie: 'Cookie parameters',
};

export function parameterGroups(op: Pick<OperationModel, 'parameters'>): ParameterGroup[] {
  return PARAMETER_LOCATIONS.map((location) => ({
    location,
    title: LOCATION_TITLES[location],
    anchor: `${location}-parameters`,
    parameters: op.parameters.filter((p) => p.in === location),
  })).filter((g) => g.parameters.length > 0);
}

const REASONS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No content',
  '206': 'Partial content',
  '301': 'Moved permanently',
  '302': 'Found',
  '303': 'See other',
  '304': 'Not modified',
  '307': 'Temporary redirect',
  '308': 'Permanent redirect',
  '400': 'Bad request',
  '401': 'Unauthorized',
  '403': 'Forbidden',
  '404': 'Not found',
  '405': 'Method not allowed',
  '406': 'Not acceptable',
  '409': 'Conflict',
  '410': 'Gone',
  '413': 'Content too large',
  '415': 'Unsupported media type',
  '422': 'Unprocessable content',
  '429': 'Too many requests',
  '500': 'Internal server error',
  '502': 'Bad gateway',
  '503': 'Service unavailable',
  '504': 'Gateway timeout',
  '1XX': 'Informational',
  '2XX': 'Success',
  '3XX': 'Redirection',
  '4XX': 'Client error',
  '5XX': 'Server error',
  default: 'Any other status',
};

/** `404` → `Not found`, `4XX` → `Client error`, `default` → `Any other status`. */
export function statusText(status: string): string {
  return REASONS[status.toUpperCase()] ?? REASONS[status] ?? '';
}

/** The sections of the page, for Starlight's "On this page". */
export function operationHeadings(op: OperationModel): { depth: number; slug: string; text: string }[] {
  return [
    { depth: 2, slug: 'request-samples', text: 'Request samples' },
    ...(op.parameters.length ? [{ depth: 2, slug: 'parameters', text: 'Parameters' }] : []),
    ...parameterGroups(op).map((g) => ({ depth: 3, slug: g.anchor, text: g.title })),
    ...(op.requestBody ? [{ depth: 2, slug: 'request-body', text: 'Request body' }] : []),
    { depth: 2, slug: 'responses', text: 'Responses' },
    ...op.responses.map((r) => ({ depth: 3, slug: `response-${r.status}`, text: `${r.status} ${statusText(r.status)}`.trim() })),
  ];
}

/** The example shown beside the reference on wide screens: the first success response's first example. */
export function responseExample(op: Pick<OperationModel, 'responses'>): { status: string; mediaType: string; example: ExampleModel } | undefined {
  for (const response of op.responses.filter((r) => /^2/.test(r.status))) {
    for (const media of response.contents) {
      const example = media.examples[0];
      if (example) return { status: response.status, mediaType: media.mediaType, example };
    }
  }
  return undefined;
}
