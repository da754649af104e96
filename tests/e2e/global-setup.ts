/**
 * Builds the extra site variants the browser tests need (the production build in `dist/` comes
 * from `npm run build`, which `npm test` runs first):
 *  - `dist-testing/`: ALA_ENV=testing;
 *  - `dist-sandbox/`: our documents plus three dropped in (a third-party OpenAPI 3.1 showcase,
 *    a hostile one, and ALA's real machine-made user-details document when ../shared has it),
 *    with every service's gateway, and the map's base-map tiles, on a loopback API (ALA_API_BASE,
 *    ALA_TILE_URL), which runs for the whole run.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startApiServer, tileTemplate } from '../support/api-server.ts';
import { buildSite as build, reusableBuild as reuse } from '../support/site-build.ts';
import { NGINX_PROVIDER_PORT, PROVIDER_PORTS, SANDBOX_API_PORT, sandboxApi } from '../support/sites.ts';

export const SANDBOX_DOCS = resolve('dist-sandbox-openapi');
const REAL_USER_DETAILS = resolve('../shared/reference/openapi/user-details.real.json');

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does this).');
  }
  if (!reuse('dist-testing')) build('dist-testing', { ALA_ENV: 'testing' });

  rmSync(SANDBOX_DOCS, { recursive: true, force: true });
  mkdirSync(SANDBOX_DOCS, { recursive: true });
  // The documents only: `openapi/baseline/` holds the changelog's baselines, which no build reads.
  for (const entry of readdirSync('openapi', { withFileTypes: true })) if (entry.isFile()) copyFileSync(join('openapi', entry.name), join(SANDBOX_DOCS, entry.name));
  copyFileSync('node_modules/@scalar/galaxy/dist/3.1.yaml', join(SANDBOX_DOCS, 'scalar-galaxy.yaml'));
  copyFileSync('tests/fixtures/openapi/hostile.yaml', join(SANDBOX_DOCS, 'hostile.yaml'));
  copyFileSync(existsSync(REAL_USER_DETAILS) ? REAL_USER_DETAILS : 'tests/fixtures/openapi/tolerated.json', join(SANDBOX_DOCS, 'user-details.real.json'));
  if (!reuse('dist-sandbox')) build('dist-sandbox', {
    ALA_OPENAPI_DIR: SANDBOX_DOCS,
    ALA_API_BASE: sandboxApi,
    ALA_TILE_URL: tileTemplate(sandboxApi),
    // The token helper tests' OpenID providers, which the Content-Security-Policy must allow.
    ALA_CSP_CONNECT: [...PROVIDER_PORTS, NGINX_PROVIDER_PORT].map((port) => `http://127.0.0.1:${port}`).join(' '),
  });

  // The sandbox's gateway: a real loopback API that records what "Try it" sends.
  const api = await startApiServer(SANDBOX_API_PORT);
  return () => api.close();
}
