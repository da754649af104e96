/** Loopback ports of the builds the browser tests serve. */
export const SITE_PORTS = {
  /** `dist/`: the production build made by `npm run build`. */
  production: 4400,
  /** `dist-testing/`: `ALA_ENV=testing`, built by the tests' global setup. */
  testing: 4401,
} as const;

export const testingSite = `http://127.0.0.1:${SITE_PORTS.testing}`;
