import * as oauth from 'oauth4webapi';
import { UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { consoleAuthentication, summarizeSchemes } from '../../src/lib/auth/console-credentials.ts';
import { checkEndpoint, issuerFromDiscoveryUrl } from '../../src/lib/auth/endpoints.ts';
import { AuthHelperError, explainError } from '../../src/lib/auth/errors.ts';
import { finishSignIn, isAuthorizationResponse, PENDING_KEY, withoutAuthorizationResponse } from '../../src/lib/auth/pkce-flow.ts';
import { clearToken, readApiKey, readToken, secondsLeft, TOKEN_KEY, writeApiKey, writeToken } from '../../src/lib/auth/token-store.ts';
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
    const storage = memoryStorage();
    await expect(finishSignIn(new URL(`${origin}/?code=abc&state=xyz`), storage, origin)).rejects.toThrow('No sign-in was started in this tab');
  });

  it('with a state that is not ours, nothing is exchanged and the pending values are gone', async () => {
    const storage = memoryStorage();
    storage.setItem(
      PENDING_KEY,
      JSON.stringify({ discoveryUrl: '', clientId: 'c', scope: 'openid', redirectUri: `${origin}/`, verifier: 'v'.repeat(43), state: 'ours', nonce: 'n', server }),
    );
    const attempt = finishSignIn(new URL(`${origin}/?code=abc&state=forged`), storage, origin);
    await expect(attempt).rejects.toThrow(AuthHelperError);
    await expect(attempt).rejects.toThrow(/does not match this tab.*forged.*Nothing was exchanged/s);
    expect(storage.getItem(PENDING_KEY)).toBeNull();
  });

  it('a provider error is explained with its code and description', async () => {
    const storage = memoryStorage();
    storage.setItem(PENDING_KEY, JSON.stringify({ discoveryUrl: '', clientId: 'c', scope: 'openid', redirectUri: `${origin}/`, verifier: 'v', state: 's1', nonce: 'n', server }));
    await expect(
      finishSignIn(new URL(`${origin}/?error=invalid_scope&error_description=users%2Fwrite+is+not+allowed&state=s1`), storage, origin),
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
    const mine = new AuthHelperError('A', 'B');
    expect(explainError(mine, { step: 'token', origin })).toBe(mine);
  });
});

describe('token store (sessionStorage)', () => {
  it('keeps a token until it expires, and clears it', () => {
    const s = memoryStorage();
    writeToken(s, { accessToken: 'abc', tokenType: 'Bearer', expiresAt: 2_000 });
    expect(readToken(s, 1_000)?.accessToken).toBe('abc');
    expect(readToken(s, 2_000)).toBeUndefined();
    expect(secondsLeft({ accessToken: 'a', tokenType: 'Bearer', expiresAt: 61_000 }, 1_000)).toBe(60);
    clearToken(s);
    expect(s.getItem(TOKEN_KEY)).toBeNull();
  });

  it('ignores what it cannot read', () => {
    const s = memoryStorage();
    s.setItem(TOKEN_KEY, '{not json');
    expect(readToken(s)).toBeUndefined();
    s.setItem(TOKEN_KEY, JSON.stringify({ accessToken: '', tokenType: 'Bearer' }));
    expect(readToken(s)).toBeUndefined();
  });

  it('keeps an API key, trimmed; an empty one removes it', () => {
    const s = memoryStorage();
    writeApiKey(s, '  key-1 ');
    expect(readApiKey(s)).toBe('key-1');
    writeApiKey(s, ' ');
    expect(readApiKey(s)).toBeUndefined();
  });
});

describe('console credentials', () => {
  const document = {
    components: {
      securitySchemes: {
        openIdConnect: { type: 'openIdConnect', openIdConnectUrl: 'https://x/.well-known' },
        oauth2: { type: 'oauth2', flows: { authorizationCode: {}, clientCredentials: {} } },
        bearer: { type: 'http', scheme: 'Bearer' },
        basic: { type: 'http', scheme: 'basic' },
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      },
    },
  };

  it('pre-fill every OAuth 2.0 flow and bearer scheme with the token, and key schemes with the key', () => {
    expect(consoleAuthentication(summarizeSchemes(document), { accessToken: 'T', apiKey: 'K' })).toEqual({
      preferredSecurityScheme: 'oauth2',
      securitySchemes: {
        oauth2: { flows: { authorizationCode: { token: 'T' }, clientCredentials: { token: 'T' } } },
        bearer: { token: 'T' },
        apiKey: { value: 'K' },
      },
    });
  });

  it('prefer the API key scheme when there is no token', () => {
    expect(consoleAuthentication(summarizeSchemes(document), { apiKey: 'K' })).toEqual({ preferredSecurityScheme: 'apiKey', securitySchemes: { apiKey: { value: 'K' } } });
    expect(consoleAuthentication(summarizeSchemes(document), {})).toEqual({ securitySchemes: {} });
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
