/**
 * Which of the reader's credentials "Try it" sends for one operation, decided before the API
 * client opens on it: the token only to operations whose security needs or allows one, never
 * to an open (`security: []`) operation; the API key where the document declares it.
 */
import type { Access, TokenScheme } from '../openapi/access.ts';

/** What the try-it button of an operation carries (built at build time from the model). */
export interface TryItTarget {
  /** The client's name for the operation's own document: service id and operation slug. */
  documentName: string;
  /** Where that document is: `/openapi/<service>/<operation>.json`, cut at build time. */
  documentUrl: string;
  method: string;
  path: string;
  access: Pick<Access, 'kind' | 'scopes' | 'apiKeys'> & { tokenScheme?: TokenScheme };
}

export interface ReaderCredentials {
  token?: string | undefined;
  apiKey?: string | undefined;
}

/** A security selection in the API client's terms: one requirement, or none (index -1). */
export interface Selection {
  selectedIndex: number;
  selectedSchemes: Record<string, string[]>[];
}

export interface ClientAuthentication {
  /** The API client's `authentication.securitySchemes` option: the secrets it fills in. */
  securitySchemes: Record<string, Record<string, unknown>>;
  /** The operation's security selection, set so no earlier choice can carry a token here. */
  selection: Selection;
}

const NONE: Selection = { selectedIndex: -1, selectedSchemes: [] };

function tokenSecrets(scheme: TokenScheme, token: string): Record<string, unknown> {
  if (scheme.type === 'http') return { token };
  const flows = scheme.flows.length ? scheme.flows : ['authorizationCode'];
  return { flows: Object.fromEntries(flows.map((flow) => [flow, { token }])) };
}

export function clientAuthentication(target: TryItTarget, credentials: ReaderCredentials): ClientAuthentication {
  const { access } = target;
  const scheme = access.tokenScheme;
  const sendToken = scheme && (access.kind === 'token' || (access.kind === 'optional' && credentials.token));
  if (sendToken) {
    return {
      securitySchemes: credentials.token ? { [scheme.name]: tokenSecrets(scheme, credentials.token) } : {},
      selection: { selectedIndex: 0, selectedSchemes: [{ [scheme.name]: access.scopes }] },
    };
  }
  const key = access.apiKeys[0];
  if (key && (access.kind === 'apiKey' || credentials.apiKey)) {
    return {
      securitySchemes: credentials.apiKey ? { [key.scheme]: { value: credentials.apiKey } } : {},
      selection: { selectedIndex: 0, selectedSchemes: [{ [key.scheme]: [] }] },
    };
  }
  return { securitySchemes: {}, selection: NONE };
}
