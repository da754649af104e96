/**
 * Turns the reader's stored credentials into the try-it console's authentication settings:
 * the access token pre-fills every OAuth 2.0 flow and HTTP bearer scheme of the document, the
 * API key every API-key scheme. (OpenID Connect schemes cannot carry a token in the console, so
 * the OAuth 2.0 twin that ALA documents declare beside them is preferred.)
 */
export type SchemeSummary =
  | { type: 'oauth2'; flows: string[] }
  | { type: 'http'; scheme: string }
  | { type: 'apiKey' }
  | { type: 'openIdConnect' }
  | { type: 'other' };

export interface ConsoleAuthentication {
  preferredSecurityScheme?: string;
  securitySchemes: Record<string, Record<string, unknown>>;
}

/** The security schemes of a document, reduced to what pre-filling needs. */
export function summarizeSchemes(document: Record<string, unknown>): Record<string, SchemeSummary> {
  const components = document['components'] as { securitySchemes?: Record<string, Record<string, unknown>> } | undefined;
  const out: Record<string, SchemeSummary> = {};
  for (const [name, scheme] of Object.entries(components?.securitySchemes ?? {})) {
    const type = scheme?.['type'];
    if (type === 'oauth2') out[name] = { type, flows: Object.keys((scheme['flows'] as object | undefined) ?? {}) };
    else if (type === 'http') out[name] = { type, scheme: String(scheme['scheme'] ?? '').toLowerCase() };
    else if (type === 'apiKey' || type === 'openIdConnect') out[name] = { type };
    else out[name] = { type: 'other' };
  }
  return out;
}

export function consoleAuthentication(
  schemes: Record<string, SchemeSummary>,
  credentials: { accessToken?: string | undefined; apiKey?: string | undefined },
): ConsoleAuthentication {
  const securitySchemes: ConsoleAuthentication['securitySchemes'] = {};
  let tokenScheme: string | undefined;
  let keyScheme: string | undefined;
  for (const [name, scheme] of Object.entries(schemes)) {
    if (credentials.accessToken && scheme.type === 'oauth2') {
      securitySchemes[name] = {
        flows: Object.fromEntries(scheme.flows.map((flow) => [flow, { token: credentials.accessToken }])),
      };
      tokenScheme ??= name;
    } else if (credentials.accessToken && scheme.type === 'http' && scheme.scheme === 'bearer') {
      securitySchemes[name] = { token: credentials.accessToken };
      tokenScheme ??= name;
    } else if (credentials.apiKey && scheme.type === 'apiKey') {
      securitySchemes[name] = { value: credentials.apiKey };
      keyScheme ??= name;
    }
  }
  const preferred = tokenScheme ?? keyScheme;
  return preferred ? { preferredSecurityScheme: preferred, securitySchemes } : { securitySchemes };
}
