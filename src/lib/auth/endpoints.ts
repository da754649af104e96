/**
 * Which sign-in endpoints the token helper may talk to: https everywhere, plain http only on
 * loopback (the tests' real provider). Never relaxed for any other host.
 */
import { isLoopback } from '../../config/loopback.ts';
import { OAuthStepError } from './oauth-errors.ts';

export { isLoopback };

/** Parses and checks an endpoint URL; throws an explained error when it may not be used. */
export function checkEndpoint(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OAuthStepError(`The ${what} is not a URL`, `"${value}" is not an absolute URL. Give the full address, starting with https://.`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopback(url)) return url;
  throw new OAuthStepError(
    `The ${what} must use https`,
    `${url.origin} is not https. Tokens may only travel over https (plain http is accepted for 127.0.0.1 and localhost only, for local testing).`,
  );
}

/**
 * The issuer a discovery document must name. Standard documents live at
 * `<issuer>/.well-known/openid-configuration`; ALA's CAS publishes `<issuer>/.well-known`.
 */
export function issuerFromDiscoveryUrl(discovery: URL): URL {
  const path = discovery.pathname.replace(/\/\.well-known(\/(openid-configuration|oauth-authorization-server))?\/?$/, '');
  return new URL(`${discovery.origin}${path}`);
}
