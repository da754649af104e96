/**
 * Loopback ports of the builds and servers the browser tests use. `ALA_TEST_PORT_BASE` moves
 * them all (default 4400), so two checkouts can run their tests on one machine at once.
 */
const base = Number(process.env.ALA_TEST_PORT_BASE ?? '') || 4400;

export const SITE_PORTS = {
  /** `dist/`: the production build made by `npm run build`. */
  production: base,
  /** `dist-testing/`: `ALA_ENV=testing`, built by the tests' global setup. */
  testing: base + 1,
  /** `dist-sandbox/`: every service plus dropped-in documents, gateway on the loopback test API. */
  sandbox: base + 2,
} as const;

/** The loopback API the sandbox build sends try-it requests to (ALA_API_BASE). */
export const SANDBOX_API_PORT = base + 10;
/** The token helper tests' OpenID providers: ALA-style and Cognito-style. */
export const PROVIDER_PORTS = [base + 20, base + 21] as const;
/**
 * Debian's nginx with the portal's server rules (deploy/nginx/serve.sh): on `dist/`, on
 * `dist-sandbox/`, on a folder of one sample file per content type, and one the tests stop.
 */
export const NGINX_PORTS = { production: base + 30, sandbox: base + 31, samples: base + 32, stopped: base + 33 } as const;
/** The OpenID provider of the token helper test run through nginx. */
export const NGINX_PROVIDER_PORT = base + 34;
/** A loopback port nothing listens on (an unreachable provider). */
export const UNUSED_PORT = base + 29;
export const sandboxSite = `http://127.0.0.1:${SITE_PORTS.sandbox}`;
/** The sandbox build's API (its ALA_API_BASE): the loopback API of the run. */
export const sandboxApi = `http://127.0.0.1:${SANDBOX_API_PORT}`;

export const testingSite = `http://127.0.0.1:${SITE_PORTS.testing}`;
/**
 * The recipe tests (tests/workflows/): the loopback gateway — each of its Prism servers takes one
 * of the ports after it — and the OpenID provider that gives the token recipe its token.
 */
export const RECIPE_PORTS = { provider: base + 39, gateway: base + 40 } as const;
/** The verify:live tests: a server that answers every request wrongly, and a port nothing listens on. */
export const VERIFY_PORTS = { wrong: base + 55, closed: base + 56 } as const;
