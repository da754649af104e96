/**
 * What a caller needs to call an operation, read from the document's security schemes and the
 * operation's security requirements. The only reader of security schemes: pages, samples and the
 * try-it client all take their answer from here.
 */
import { isObject, type Json } from './json.ts';

/** What a security scheme asks the caller for. */
export type CredentialKind = 'token' | 'apiKey' | 'other';

export interface SchemeInfo {
  name: string;
  /** The scheme's `type`: oauth2, openIdConnect, http, apiKey, mutualTLS… */
  type: string;
  kind: CredentialKind;
  /** API-key schemes: where the key goes and under which name. */
  apiKey?: { in: string; name: string };
  /** OAuth 2.0 schemes: the names of their flows. */
  flows?: string[];
}

/**
 * - `public`: no credential needed (and none is sent);
 * - `token`: every security alternative needs a bearer token;
 * - `optional`: anonymous calls work, a token unlocks more (`security: [{}, {…}]`);
 * - `apiKey`: every alternative needs at least an API key (a key, not a lock).
 */
export type AccessKind = 'public' | 'token' | 'optional' | 'apiKey';

export interface ApiKeyPlacement {
  scheme: string;
  in: string;
  name: string;
}

export interface TokenScheme {
  name: string;
  type: 'oauth2' | 'openIdConnect' | 'http';
  /** OAuth 2.0 flows (an API client fills the token into each). */
  flows: string[];
}

export interface Access {
  kind: AccessKind;
  /** Scopes the token alternatives name. */
  scopes: string[];
  /** Schemes a token may be sent with, in the document's order. Empty for `public` and key-only. */
  tokenSchemes: string[];
  /**
   * The scheme an API client should send the reader's token with: OAuth 2.0 or HTTP bearer
   * first (a client can hold a ready token for those), OpenID Connect otherwise.
   */
  tokenScheme?: TokenScheme;
  /** Where an API key goes, when an alternative takes one. */
  apiKeys: ApiKeyPlacement[];
}

const TOKEN_TYPES = new Set(['oauth2', 'openIdConnect']);

export function securitySchemes(document: Json): Map<string, SchemeInfo> {
  const schemes = new Map<string, SchemeInfo>();
  const components = isObject(document['components']) ? document['components'] : {};
  const declared = isObject(components['securitySchemes']) ? components['securitySchemes'] : {};
  for (const [name, scheme] of Object.entries(declared)) {
    if (!isObject(scheme)) continue;
    const type = String(scheme['type'] ?? '');
    const bearer = type === 'http' && String(scheme['scheme'] ?? '').toLowerCase() === 'bearer';
    const kind: CredentialKind = TOKEN_TYPES.has(type) || bearer ? 'token' : type === 'apiKey' ? 'apiKey' : 'other';
    const info: SchemeInfo = { name, type, kind };
    if (kind === 'apiKey') info.apiKey = { in: String(scheme['in'] ?? 'header'), name: String(scheme['name'] ?? '') };
    if (type === 'oauth2') info.flows = isObject(scheme['flows']) ? Object.keys(scheme['flows']) : [];
    schemes.set(name, info);
  }
  return schemes;
}

const PUBLIC: Access = { kind: 'public', scopes: [], tokenSchemes: [], apiKeys: [] };

/** The access of an operation: `security` is the operation's own, or the document's when it has none. */
export function accessOf(security: unknown, schemes: Map<string, SchemeInfo>): Access {
  if (!Array.isArray(security) || security.length === 0) return PUBLIC;
  const alternatives = security.filter(isObject);
  if (alternatives.length !== security.length) return PUBLIC;
  const kindsOf = (alt: Json) => Object.keys(alt).map((name) => schemes.get(name)?.kind);
  const needsToken = (alt: Json) => kindsOf(alt).includes('token');
  const needsKey = (alt: Json) => kindsOf(alt).includes('apiKey');
  const anonymous = alternatives.some((alt) => Object.keys(alt).length === 0);

  const tokenSchemes = [...new Set(alternatives.filter(needsToken).flatMap((alt) => Object.keys(alt).filter((n) => schemes.get(n)?.kind === 'token')))];
  const scopes = [
    ...new Set(
      alternatives.flatMap((alt) =>
        Object.entries(alt)
          .filter(([name]) => schemes.get(name)?.kind === 'token')
          .flatMap(([, s]) => (Array.isArray(s) ? s.map(String) : [])),
      ),
    ),
  ];
  const apiKeys = [
    ...new Map(
      alternatives.flatMap((alt) =>
        Object.keys(alt).flatMap((name) => {
          const key = schemes.get(name)?.apiKey;
          return key ? [[name, { scheme: name, ...key }] as const] : [];
        }),
      ),
    ).values(),
  ];

  let kind: AccessKind = 'public';
  if (alternatives.every(needsToken)) kind = 'token';
  else if (anonymous && tokenSchemes.length > 0) kind = 'optional';
  else if (alternatives.every((alt) => needsToken(alt) || needsKey(alt))) kind = 'apiKey';
  const preferred = ['oauth2', 'http', 'openIdConnect'].map((type) => tokenSchemes.find((n) => schemes.get(n)?.type === type)).find(Boolean);
  const tokenScheme: TokenScheme | undefined = preferred
    ? { name: preferred, type: schemes.get(preferred)!.type as TokenScheme['type'], flows: schemes.get(preferred)!.flows ?? [] }
    : undefined;
  return { kind, scopes: kind === 'apiKey' ? [] : scopes, tokenSchemes, ...(tokenScheme ? { tokenScheme } : {}), apiKeys };
}

/** The access of every operation needs the schemes once per document: read them here. */
export function accessReader(document: Json): (operation: Json) => Access {
  const schemes = securitySchemes(document);
  return (operation) => accessOf(operation['security'] ?? document['security'], schemes);
}

/** Where the document's API key goes (its first `apiKey` scheme), when it declares one. */
export function documentApiKey(document: Json): { in: string; name: string } | undefined {
  return [...securitySchemes(document).values()].find((s) => s.apiKey)?.apiKey;
}
