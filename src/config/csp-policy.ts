/**
 * The Content-Security-Policy of the built site: everything from the site itself, network
 * requests only to the environment's API gateway and sign-in origins, and images only from the
 * occurrences service (map layers, legends) and the base-map tile server. script-src and style-src,
 * with the hashes of each page's inline scripts and styles, are added per page after the build
 * (src/lib/page-csp.ts, written by src/integrations/csp-meta.ts).
 */
import { isLoopback } from './loopback.ts';
import type { Environment } from './environments.ts';

function origins(urls: string[]): string[] {
  return [...new Set(urls.map((u) => new URL(u).origin))].sort();
}

/**
 * Origins the browser may call: the site, the API gateway(s), the hosts of services called
 * directly, the OpenID provider's endpoints.
 */
export function connectOrigins(env: Environment, extra: string[] = []): string[] {
  return origins([
    env.apiBase,
    ...Object.values(env.services).flatMap((s) => (s.directApi ? [s.api, s.directApi] : [s.api])),
    env.oidc.discovery,
    env.oidc.issuer,
    env.oidc.authorize,
    env.oidc.token,
    ...extra,
  ]);
}

/** Origins images may come from besides the site: the occurrence map's WMS and legends, and its base-map tiles. */
export function imageOrigins(env: Environment): string[] {
  return origins([env.services.occurrences.api, env.tiles]);
}

export function cspDirectives(env: Environment, extraConnect: string[] = []): string[] {
  return [
    "default-src 'self'",
    `connect-src 'self' ${connectOrigins(env, extraConnect).join(' ')}`,
    `img-src 'self' data: blob: ${imageOrigins(env).join(' ')}`,
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-src 'none'",
  ];
}

/** `ALA_CSP_CONNECT="https://a.example https://b.example"`: more origins the site may call. */
export function parseExtraConnect(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((v) => {
      const url = new URL(v);
      if (url.protocol !== 'https:' && !isLoopback(url)) {
        throw new Error(`ALA_CSP_CONNECT: "${v}" must be https (http only for loopback).`);
      }
      return url.origin;
    });
}
