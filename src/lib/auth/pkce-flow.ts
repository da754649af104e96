/**
 * The OAuth 2.0 authorization-code flow with PKCE (S256) run in the browser, with oauth4webapi
 * doing every protocol step and check. The verifier, state and nonce are kept by the credentials
 * store (sessionStorage) and deleted as soon as the reader comes back — used or not.
 */
import * as oauth from 'oauth4webapi';
import type { CredentialsStore, Token } from './credentials.ts';
import { checkEndpoint, isLoopback, issuerFromDiscoveryUrl } from './endpoints.ts';
import { OAuthStepError, explainError } from './oauth-errors.ts';

/** The part of the credentials store a sign-in uses. */
type PendingSignInStore = Pick<CredentialsStore, 'savePendingSignIn' | 'takePendingSignIn'>;

export interface SignInRequest {
  discoveryUrl: string;
  clientId: string;
  scope: string;
  redirectUri: string;
}

interface PendingSignIn extends SignInRequest {
  verifier: string;
  state: string;
  nonce: string;
  server: oauth.AuthorizationServer;
}

/** Lets oauth4webapi use plain http, but only for loopback hosts. */
function requestOptions(url: string): { [oauth.allowInsecureRequests]?: boolean } {
  return isLoopback(new URL(url)) ? { [oauth.allowInsecureRequests]: true } : {};
}

export async function discoverAuthorizationServer(discoveryUrl: string, origin: string): Promise<oauth.AuthorizationServer> {
  const url = checkEndpoint(discoveryUrl.trim(), 'discovery URL');
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    throw explainError(error, { step: 'discovery', url: url.href, origin });
  }
  if (!response.ok) {
    throw new OAuthStepError('The discovery document could not be fetched', `${url.href} answered HTTP ${response.status}. Check the discovery URL.`);
  }
  try {
    const server = await oauth.processDiscoveryResponse(issuerFromDiscoveryUrl(url), response);
    for (const [field, what] of [
      ['authorization_endpoint', 'authorization endpoint'],
      ['token_endpoint', 'token endpoint'],
    ] as const) {
      const value = server[field];
      if (typeof value !== 'string') throw new OAuthStepError('The discovery document is incomplete', `It has no ${field}.`);
      checkEndpoint(value, what);
    }
    return server;
  } catch (error) {
    throw explainError(error, { step: 'discovery', url: url.href, origin });
  }
}

/** Scopes the provider offers, for the scope picker. */
export function offeredScopes(server: oauth.AuthorizationServer): string[] {
  return Array.isArray(server.scopes_supported) ? server.scopes_supported.filter((s): s is string => typeof s === 'string') : [];
}

/** Starts a sign-in: stores the PKCE verifier, state and nonce, and returns the URL to send the browser to. */
export async function authorizationRequest(request: SignInRequest, store: PendingSignInStore, origin: string): Promise<URL> {
  const clientId = request.clientId.trim();
  if (!clientId) throw new OAuthStepError('A client ID is needed', 'Enter the client ID of your registered application (ask support@ala.org.au if you have none).');
  const server = await discoverAuthorizationServer(request.discoveryUrl, origin);
  const methods = server.code_challenge_methods_supported;
  if (Array.isArray(methods) && !methods.includes('S256')) {
    throw new OAuthStepError('This provider does not offer PKCE with S256', 'The token helper only runs the authorization-code flow with PKCE (S256).');
  }
  const verifier = oauth.generateRandomCodeVerifier();
  const pending: PendingSignIn = {
    ...request,
    clientId,
    verifier,
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    server,
  };
  const authorize = new URL(server.authorization_endpoint!);
  const params = {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: request.redirectUri,
    scope: request.scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  };
  for (const [key, value] of Object.entries(params)) authorize.searchParams.set(key, value);
  store.savePendingSignIn(pending);
  return authorize;
}

/** True when the page URL carries an authorization response (code or error, with state). */
export function isAuthorizationResponse(url: URL): boolean {
  return url.searchParams.has('state') && (url.searchParams.has('code') || url.searchParams.has('error'));
}

/** The address without the authorization response parameters, for `history.replaceState`. */
export function withoutAuthorizationResponse(url: URL): string {
  const clean = new URL(url);
  for (const key of ['code', 'state', 'error', 'error_description', 'error_uri', 'iss', 'session_state']) clean.searchParams.delete(key);
  return clean.pathname + clean.search + clean.hash;
}

function isPendingSignIn(value: unknown): value is PendingSignIn {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['clientId', 'verifier', 'state', 'nonce', 'redirectUri', 'scope'].every((k) => typeof v[k] === 'string') && typeof v['server'] === 'object' && v['server'] !== null;
}

function toResult(response: oauth.TokenEndpointResponse, pending: { server: oauth.AuthorizationServer; clientId: string }, now: number): Token {
  const result: Token = {
    accessToken: response.access_token,
    tokenType: response.token_type,
    issuer: pending.server.issuer,
    clientId: pending.clientId,
    tokenEndpoint: pending.server.token_endpoint!,
    raw: { ...response },
  };
  if (typeof response.expires_in === 'number') result.expiresAt = now + response.expires_in * 1000;
  if (typeof response.scope === 'string') result.scope = response.scope;
  if (typeof response.id_token === 'string') result.idToken = response.id_token;
  if (typeof response.refresh_token === 'string') result.refreshToken = response.refresh_token;
  return result;
}

/**
 * Completes the sign-in on return: checks state, exchanges the code with the verifier, validates
 * the ID token (issuer, audience, nonce, expiry). The pending values are gone afterwards,
 * whatever happens.
 */
export async function authorizationCodeGrant(callback: URL, store: PendingSignInStore, origin: string, now = Date.now()): Promise<Token> {
  const pending = store.takePendingSignIn();
  if (!isPendingSignIn(pending)) {
    throw new OAuthStepError(
      'No sign-in was started in this tab',
      'This page got a sign-in response but has no record of sending you to sign in (it may have been started in another tab, or the tab was reopened). Nothing was exchanged. Start again.',
    );
  }
  const client: oauth.Client = { client_id: pending.clientId };
  const server = pending.server;
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(server, client, callback, pending.state);
  } catch (error) {
    throw explainError(error, { step: 'authorization', origin });
  }
  try {
    const response = await oauth.authorizationCodeGrantRequest(server, client, oauth.None(), params, pending.redirectUri, pending.verifier, requestOptions(server.token_endpoint!));
    const tokens = await oauth.processAuthorizationCodeResponse(server, client, response, {
      expectedNonce: pending.nonce,
      requireIdToken: pending.scope.split(/\s+/).includes('openid'),
    });
    return toResult(tokens, pending, now);
  } catch (error) {
    throw explainError(error, { step: 'token', url: server.token_endpoint, origin });
  }
}

/** Uses the refresh token for a new access token (same client, same provider). */
export async function refreshTokenGrant(previous: Token, origin: string, now = Date.now()): Promise<Token> {
  if (!previous.refreshToken) throw new OAuthStepError('No refresh token', 'The provider did not issue a refresh token: sign in again.');
  const server: oauth.AuthorizationServer = { issuer: previous.issuer, token_endpoint: previous.tokenEndpoint };
  const client: oauth.Client = { client_id: previous.clientId };
  try {
    const response = await oauth.refreshTokenGrantRequest(server, client, oauth.None(), previous.refreshToken, requestOptions(previous.tokenEndpoint));
    const tokens = await oauth.processRefreshTokenResponse(server, client, response);
    const next = toResult(tokens, { server, clientId: previous.clientId }, now);
    // A provider may rotate refresh tokens or not, and may omit a new ID token: keep the last ones.
    next.refreshToken ??= previous.refreshToken;
    if (previous.idToken !== undefined) next.idToken ??= previous.idToken;
    return next;
  } catch (error) {
    throw explainError(error, { step: 'refresh', url: previous.tokenEndpoint, origin });
  }
}
