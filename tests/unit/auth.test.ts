import * as oauth from 'oauth4webapi';
import { UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { checkEndpoint, issuerFromDiscoveryUrl } from '../../src/lib/auth/endpoints.ts';
import { OAuthStepError, explainError } from '../../src/lib/auth/oauth-errors.ts';
import { CREDENTIALS_CHANGED, CredentialsStore, secondsLeft, STORAGE_KEYS, type Token } from '../../src/lib/auth/credentials.ts';
import { authorizationCodeGrant, isAuthorizationResponse, withoutAuthorizationResponse } from '../../src/lib/auth/pkce-flow.ts';
import { clientAuthentication, type TryItTarget } from '../../src/lib/auth/try-it-auth.ts';
import { describeToken, formatRemaining } from '../../src/lib/auth/token-view.ts';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}

const origin = 'https://docs.example.org';

describe('endpoints', () => {
  it('accepts https anywhere and http only on loopback', () => {
    expect(checkEndpoint('https://auth.ala.org.au/cas/oidc/.well-known', 'discovery URL').host).toBe('auth.ala.org.au');
    for (const ok of ['http://127.0.0.1:4420/x', 'http://localhost/x', 'http://[::1]:8080/x', 'http://127.1.2.3/x']) {
      expect(() => checkEndpoint(ok, 'token endpoint')).not.toThrow();
    }
    expect(() => checkEndpoint('http://auth.example.org/token', 'token endpoint')).toThrow('The token endpoint must use https');
    expect(() => checkEndpoint('http://10.0.0.1/token', 'token endpoint')).toThrow(/must use https/);
    expect(() => checkEndpoint('auth.ala.org.au', 'discovery URL')).toThrow('The discovery URL is not a URL');
  });

  it('derives the expected issuer from ALA-style and standard discovery URLs', () => {
    expect(issuerFromDiscoveryUrl(new URL('https://auth.ala.org.au/cas/oidc/.well-known')).href).toBe('https://auth.ala.org.au/cas/oidc');
    expect(issuerFromDiscoveryUrl(new URL('https://cognito-idp.ap-southeast-2.amazonaws.com/pool_1/.well-known/openid-configuration')).href).toBe(
      'https://cognito-idp.ap-southeast-2.amazonaws.com/pool_1',
    );
    expect(issuerFromDiscoveryUrl(new URL('https://login.example.org/.well-known/openid-configuration')).href).toBe('https://login.example.org/');
  });
});

describe('the authorization response', () => {
  const server: oauth.AuthorizationServer = { issuer: 'https://auth.example.org', token_endpoint: 'https://auth.example.org/token' };

  it('is recognised and removed from the address', () => {
    const url = new URL(`${origin}/authentication/token-helper/?code=abc&state=xyz&iss=https%3A%2F%2Fauth.example.org#top`);
    expect(isAuthorizationResponse(url)).toBe(true);
    expect(isAuthorizationResponse(new URL(`${origin}/authentication/token-helper/?tab=1`))).toBe(false);
    expect(withoutAuthorizationResponse(url)).toBe('/authentication/token-helper/#top');
  });

  it('without a sign-in started in this tab, nothing is exchanged', async () => {
    const store = new CredentialsStore(memoryStorage());
    await expect(authorizationCodeGrant(new URL(`${origin}/?code=abc&state=xyz`), store, origin)).rejects.toThrow('No sign-in was started in this tab');
  });

  it('with a state that is not ours, nothing is exchanged and the pending values are gone', async () => {
    const storage = memoryStorage();
    const store = new CredentialsStore(storage);
    store.savePendingSignIn({ discoveryUrl: '', clientId: 'c', scope: 'openid', redirectUri: `${origin}/`, verifier: 'v'.repeat(43), state: 'ours', nonce: 'n', server });
    const attempt = authorizationCodeGrant(new URL(`${origin}/?code=abc&state=forged`), store, origin);
    await expect(attempt).rejects.toThrow(OAuthStepError);
    await expect(attempt).rejects.toThrow(/does not match this tab.*forged.*Nothing was exchanged/s);
    expect(Object.values(STORAGE_KEYS).map((k) => storage.getItem(k))).toEqual(Object.values(STORAGE_KEYS).map(() => null));
  });

  it('a provider error is explained with its code and description', async () => {
    const store = new CredentialsStore(memoryStorage());
    store.savePendingSignIn({ discoveryUrl: '', clientId: 'c', scope: 'openid', redirectUri: `${origin}/`, verifier: 'v', state: 's1', nonce: 'n', server });
    await expect(
      authorizationCodeGrant(new URL(`${origin}/?error=invalid_scope&error_description=users%2Fwrite+is+not+allowed&state=s1`), store, origin),
    ).rejects.toThrow(/The provider refused the sign-in: invalid_scope: users\/write is not allowed\. Ask only for scopes/);
  });
});

describe('explainError', () => {
  it('says which origin the provider must allow when a request fails (CORS or offline)', () => {
    const explained = explainError(new TypeError('Failed to fetch'), { step: 'discovery', url: 'https://auth.example.org/.well-known/openid-configuration', origin });
    expect(explained.title).toBe('The discovery document could not be fetched');
    expect(explained.detail).toContain(`allow the origin ${origin}`);
  });

  it('passes explained errors through', () => {
    const mine = new OAuthStepError('A', 'B');
    expect(explainError(mine, { step: 'token', origin })).toBe(mine);
  });
});

describe('the credentials store (sessionStorage)', () => {
  const token = (over: Partial<Token> = {}): Token => ({ accessToken: 'abc', tokenType: 'Bearer', issuer: 'https://auth.example.org', clientId: 'c', tokenEndpoint: 'https://auth.example.org/token', raw: {}, ...over });

  it('keeps one token; try-it uses it until it expires; the helper still shows it after', () => {
    const store = new CredentialsStore(memoryStorage());
    store.setToken(token({ expiresAt: 2_000 }));
    expect(store.activeToken(1_000)?.accessToken).toBe('abc');
    expect(store.activeToken(2_000)).toBeUndefined();
    expect(store.token()?.accessToken).toBe('abc');
    expect(secondsLeft({ expiresAt: 61_000 }, 1_000)).toBe(60);
    store.clearToken();
    expect(store.token()).toBeUndefined();
  });

  it('ignores what it cannot read', () => {
    const storage = memoryStorage();
    const store = new CredentialsStore(storage);
    store.setToken(token());
    storage.setItem(STORAGE_KEYS.token, '{not json');
    expect(store.token()).toBeUndefined();
    storage.setItem(STORAGE_KEYS.token, JSON.stringify({ accessToken: '', tokenType: 'Bearer' }));
    expect(store.token()).toBeUndefined();
  });

  it('keeps an API key, trimmed; an empty one removes it', () => {
    const store = new CredentialsStore(memoryStorage());
    store.setApiKey('  key-1 ');
    expect(store.apiKey()).toBe('key-1');
    store.setApiKey(' ');
    expect(store.apiKey()).toBeUndefined();
  });

  it('announces every change of the token or key itself', () => {
    const events = new EventTarget();
    const store = new CredentialsStore(memoryStorage(), events);
    let heard = 0;
    const stop = store.onChange(() => heard++);
    store.setToken(token());
    store.clearToken();
    store.setApiKey('k');
    events.dispatchEvent(new Event(CREDENTIALS_CHANGED));
    stop();
    store.setApiKey('');
    expect(heard).toBe(4);
  });

  it('hands a pending sign-in out once', () => {
    const store = new CredentialsStore(memoryStorage());
    store.savePendingSignIn({ state: 's' });
    expect(store.takePendingSignIn()).toEqual({ state: 's' });
    expect(store.takePendingSignIn()).toBeUndefined();
  });
});

describe('what Try it sends', () => {
  const target = (access: TryItTarget['access']): TryItTarget => ({ documentName: 'd', documentUrl: '/openapi/d.json', method: 'GET', path: '/x', access });
  const oauth2 = { name: 'oauth2', type: 'oauth2' as const, flows: ['authorizationCode', 'clientCredentials'] };
  const key = { scheme: 'apiKey', in: 'header', name: 'x-api-key' };
  const none = { selectedIndex: -1, selectedSchemes: [] };

  it('never a token to an open operation, even when the reader has one', () => {
    expect(clientAuthentication(target({ kind: 'public', scopes: [], apiKeys: [] }), { token: 'T' })).toEqual({ securitySchemes: {}, selection: none });
  });

  it('the token, in every flow of the scheme, to a protected operation, with its scopes', () => {
    expect(clientAuthentication(target({ kind: 'token', scopes: ['users/read'], apiKeys: [], tokenScheme: oauth2 }), { token: 'T', apiKey: 'K' })).toEqual({
      securitySchemes: { oauth2: { flows: { authorizationCode: { token: 'T' }, clientCredentials: { token: 'T' } } } },
      selection: { selectedIndex: 0, selectedSchemes: [{ oauth2: ['users/read'] }] },
    });
    expect(clientAuthentication(target({ kind: 'token', scopes: [], apiKeys: [], tokenScheme: { name: 'bearer', type: 'http', flows: [] } }), { token: 'T' }).securitySchemes).toEqual({ bearer: { token: 'T' } });
  });

  it('a protected operation without a token still selects its scheme (the client asks for one)', () => {
    expect(clientAuthentication(target({ kind: 'token', scopes: [], apiKeys: [], tokenScheme: oauth2 }), {})).toEqual({ securitySchemes: {}, selection: { selectedIndex: 0, selectedSchemes: [{ oauth2: [] }] } });
  });

  it('a token-optional operation gets the token only when there is one', () => {
    const optional = target({ kind: 'optional', scopes: [], apiKeys: [], tokenScheme: oauth2 });
    expect(clientAuthentication(optional, {}).selection).toEqual(none);
    expect(clientAuthentication(optional, { token: 'T' }).selection).toEqual({ selectedIndex: 0, selectedSchemes: [{ oauth2: [] }] });
  });

  it('the API key where the document declares it', () => {
    expect(clientAuthentication(target({ kind: 'apiKey', scopes: [], apiKeys: [key] }), { token: 'T', apiKey: 'K' })).toEqual({
      securitySchemes: { apiKey: { value: 'K' } },
      selection: { selectedIndex: 0, selectedSchemes: [{ apiKey: [] }] },
    });
  });
});

describe('token view', () => {
  it('decodes a JWT into a readable summary with local times', () => {
    const jwt = new UnsecuredJWT({ sub: 'alice', scope: 'openid users/read', roles: ['ROLE_USER', 'ROLE_ADMIN'], client_id: 'portal', iat: 1_700_000_000, exp: 1_700_003_600 })
      .setIssuer('https://auth.ala.org.au/cas/oidc')
      .setAudience('portal')
      .encode();
    const view = describeToken(jwt, 'en-AU');
    expect(view.isJwt).toBe(true);
    expect(view.header).toEqual({ alg: 'none' });
    const rows = Object.fromEntries(view.summary.map((r) => [r.label, r.value]));
    expect(rows).toMatchObject({
      Subject: 'alice',
      Issuer: 'https://auth.ala.org.au/cas/oidc',
      Audience: 'portal',
      Client: 'portal',
      Scopes: 'openid users/read',
      Roles: 'ROLE_USER, ROLE_ADMIN',
      'Signed with': 'none',
    });
    expect(rows['Expires']).toBe(new Date(1_700_003_600_000).toLocaleString('en-AU', { dateStyle: 'medium', timeStyle: 'medium' }));
  });

  it('says so for an opaque token', () => {
    expect(describeToken('an-opaque-token').isJwt).toBe(false);
  });

  it('formats the time left', () => {
    expect(formatRemaining(0)).toBe('expired');
    expect(formatRemaining(42)).toBe('42 s');
    expect(formatRemaining(245)).toBe('4 min 05 s');
    expect(formatRemaining(3720)).toBe('1 h 02 min');
  });
});
