/**
 * A real OpenID Connect provider (the `oidc-provider` package) on loopback, for the token helper
 * tests: one public client with PKCE required, the helper page as its redirect URI, CORS allowed
 * for the site's origin, and the package's development login (any username); optionally a
 * confidential client for the client credentials grant.
 *
 *  - `ala` style: issuer `/cas/oidc`, discovery published at `/cas/oidc/.well-known` (like ALA's CAS);
 *  - `cognito` style: standard discovery, endpoints at `/oauth2/authorize` and `/oauth2/token`.
 *
 * With `machineClient`, it also has a confidential client for the client-credentials grant
 * (HTTP Basic authentication), as an ALA system uses: the recipe tests get their token from it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Provider from 'oidc-provider';

export interface RunningProvider {
  issuer: string;
  discoveryUrl: string;
  close(): Promise<void>;
}

export interface ProviderOptions {
  port: number;
  style: 'ala' | 'cognito';
  clientId: string;
  redirectUri: string;
  /** The site's origin, allowed to call the provider from the browser (CORS). */
  siteOrigin: string;
  /** A confidential client allowed the client-credentials grant for the `users/read` scope. */
  machineClient?: { clientId: string; clientSecret: string };
}

export async function startProvider(options: ProviderOptions): Promise<RunningProvider> {
  const origin = `http://127.0.0.1:${options.port}`;
  const mount = options.style === 'ala' ? '/cas/oidc' : '/pool';
  const issuer = origin + mount;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
      ...(options.machineClient
        ? [
            {
              client_id: options.machineClient.clientId,
              client_secret: options.machineClient.clientSecret,
              token_endpoint_auth_method: 'client_secret_basic' as const,
              grant_types: ['client_credentials'],
              response_types: [],
              redirect_uris: [],
              scope: 'users/read',
            },
          ]
        : []),
    ],
    pkce: { required: () => true },
    clientBasedCORS: (_ctx, requestOrigin) => requestOrigin === options.siteOrigin,
    issueRefreshToken: async () => true,
    scopes: ['openid', 'profile', 'email', 'offline_access', 'users/read'],
    claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, name: `Test user ${sub}`, email: `${sub}@example.org` }),
    }),
    routes: options.style === 'cognito' ? { authorization: '/oauth2/authorize', token: '/oauth2/token' } : {},
    features: { devInteractions: { enabled: true }, clientCredentials: { enabled: options.machineClient !== undefined } },
    ttl: { AccessToken: 3600, IdToken: 3600 },
    cookies: { keys: ['token-helper-test-cookie-key'] },
  });
  provider.proxy = false;
  // A provider-side failure shows up in the test output, not only as an error page.
  provider.on('server_error', (_ctx: unknown, error: unknown) => console.error('oidc-provider:', error));
  const handle = provider.callback();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (options.style === 'ala' && (url === `${mount}/.well-known` || url.startsWith(`${mount}/.well-known?`))) {
      // ALA's CAS publishes its discovery document here, not under /.well-known/openid-configuration.
      req.url = `${mount}/.well-known/openid-configuration`;
    }
    if (!req.url!.startsWith(mount)) {
      res.writeHead(404).end();
      return;
    }
    // Mounted under a path, as Express would: the provider derives its URLs from originalUrl.
    (req as IncomingMessage & { originalUrl?: string | undefined }).originalUrl = req.url;
    req.url = req.url!.slice(mount.length) || '/';
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  return {
    issuer,
    discoveryUrl: options.style === 'ala' ? `${issuer}/.well-known` : `${issuer}/.well-known/openid-configuration`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
