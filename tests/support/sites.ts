/** Loopback ports of the builds the browser tests serve. */
export const SITE_PORTS = {
  /** `dist/`: the production build made by `npm run build`. */
  production: 4400,
  /** `dist-testing/`: `ALA_ENV=testing`, built by the tests' global setup. */
  testing: 4401,
  /** `dist-sandbox/`: every service plus dropped-in documents, gateway on the loopback test API. */
  sandbox: 4402,
} as const;

/** The loopback API the sandbox build sends try-it requests to (ALA_API_BASE). */
export const SANDBOX_API_PORT = 4410;
/** The token helper tests' OpenID providers: ALA-style and Cognito-style. */
export const PROVIDER_PORTS = [4420, 4421] as const;
export const sandboxSite = `http://127.0.0.1:${SITE_PORTS.sandbox}`;

export const testingSite = `http://127.0.0.1:${SITE_PORTS.testing}`;
