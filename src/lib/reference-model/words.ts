/**
 * The outline of an operation page, from its model: the parameter groups by location, the
 * sections the "On this page" box lists, and the words for each response status.
 */
import { PARAMETER_LOCATIONS, type OperationModel, type ParameterLocation, type ParameterModel } from './operation-model.ts';

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
