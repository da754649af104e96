/**
 * Makes the copy of a document that a build publishes: its servers and ALA sign-in URLs moved
 * to the chosen environment. Documents of other APIs keep their own URLs.
 */
import { rebase } from '../../config/resolve-environment.ts';
import { environments, type Environment, type ServiceEndpoints } from '../../config/environments.ts';
import type { ServiceId } from '../../config/services.ts';
import { isObject, type Json } from './json.ts';
import { nestedServerHolders } from './walk.ts';

const production = environments.production;

/** Where an ALA production sign-in URL lives in the target environment. */
export function authUrl(url: unknown, env: Environment): unknown {
  if (typeof url !== 'string') return url;
  const map: Record<string, string> = {
    [production.oidc.discovery]: env.oidc.discovery,
    [production.oidc.authorize]: env.oidc.authorize,
    [production.oidc.token]: env.oidc.token,
  };
  return map[url] ?? url;
}

/**
 * Where a production URL of an ALA service lives in `env`: under the service's gateway URL or
 * its own host (the longest match wins, so the galah gateway root does not capture the others);
 * any other URL on the production gateway is rebased on the environment's gateway.
 */
function serviceUrl(url: string, env: Environment): string {
  const bases = (Object.entries(production.services) as [ServiceId, ServiceEndpoints][])
    .flatMap(([id, from]): [string, string][] => {
      const to = env.services[id];
      return [[from.api, to.api], ...(from.directApi && to.directApi ? [[from.directApi, to.directApi] as [string, string]] : [])];
    })
    .filter(([from]) => url === from || url.startsWith(`${from}/`))
    .sort(([a], [b]) => b.length - a.length);
  const [from, to] = bases[0] ?? [production.apiBase, env.apiBase];
  return rebase(url, from, to);
}

/** Moves the servers that path items and operations declare for themselves. */
function moveNestedServers(doc: Json, env: Environment): void {
  const move = (holder: Json) => {
    if (!Array.isArray(holder['servers'])) return;
    const seen = new Set<string>();
    holder['servers'] = holder['servers']
      .map((s) => (isObject(s) && typeof s['url'] === 'string' ? { ...s, url: serviceUrl(s['url'], env) } : s))
      // A service's own host and its gateway path are one URL where ALA_API_BASE moves both.
      .filter((s) => {
        const url = isObject(s) && typeof s['url'] === 'string' ? s['url'].replace(/\/+$/, '') : undefined;
        if (url === undefined) return true;
        if (seen.has(url)) return false;
        seen.add(url);
        return true;
      });
  };
  nestedServerHolders(doc).forEach(move);
}

/**
 * @param serviceApi the service's gateway base in `env` when the document is a registered ALA
 *   service; its servers are then exactly that URL.
 */
export function documentForEnvironment(doc: Json, env: Environment, serviceApi?: string): Json {
  const copy = structuredClone(doc);
  if (serviceApi) {
    copy['servers'] = [{ url: serviceApi, description: `ALA API gateway (${env.label.toLowerCase()})` }];
  } else if (Array.isArray(copy['servers'])) {
    copy['servers'] = copy['servers'].map((s) =>
      isObject(s) && typeof s['url'] === 'string' ? { ...s, url: rebase(s['url'], production.apiBase, env.apiBase) } : s,
    );
  }
  moveNestedServers(copy, env);
  const components = isObject(copy['components']) ? copy['components'] : undefined;
  const schemes = components && isObject(components['securitySchemes']) ? components['securitySchemes'] : {};
  for (const scheme of Object.values(schemes)) {
    if (!isObject(scheme)) continue;
    if (scheme['type'] === 'openIdConnect') scheme['openIdConnectUrl'] = authUrl(scheme['openIdConnectUrl'], env);
    if (scheme['type'] === 'oauth2' && isObject(scheme['flows'])) {
      for (const [name, flow] of Object.entries(scheme['flows'])) {
        if (!isObject(flow)) continue;
        const isAla = flow['tokenUrl'] === production.oidc.token;
        if ('authorizationUrl' in flow) flow['authorizationUrl'] = authUrl(flow['authorizationUrl'], env);
        if ('tokenUrl' in flow) flow['tokenUrl'] = authUrl(flow['tokenUrl'], env);
        // ALA's public clients use PKCE; tell the try-it console (the linter rejects this value in sources).
        if (isAla && name === 'authorizationCode' && flow['x-usePkce'] === undefined) flow['x-usePkce'] = 'SHA-256';
      }
    }
  }
  return copy;
}
