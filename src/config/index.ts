/**
 * The environment of this build. Read once, at build time, from the process environment.
 * Import `env` from here in pages, components and MDX; never read `process.env` elsewhere.
 */
import { resolveEnvironment, visibleServices } from './resolve-environment.ts';
import { parseExtraConnect } from './csp-policy.ts';

export const env = resolveEnvironment({
  ALA_ENV: process.env.ALA_ENV,
  ALA_API_BASE: process.env.ALA_API_BASE,
  ALA_TILE_URL: process.env.ALA_TILE_URL,
});
export const shownServices = visibleServices(env);
/** Extra origins the pages may call (another OpenID provider for the token helper, say). */
export const extraConnectOrigins = parseExtraConnect(process.env.ALA_CSP_CONNECT);
/** Folder of the OpenAPI documents (`openapi/`; `ALA_OPENAPI_DIR` builds from another folder). */
export const openapiDir = process.env.ALA_OPENAPI_DIR?.trim() || 'openapi';
/** Folder of the recorded API changes (`changelog/`; `ALA_CHANGELOG_DIR` builds from another folder). */
export const changelogDir = process.env.ALA_CHANGELOG_DIR?.trim() || 'changelog';
export const isProduction = env.name === 'production';
export { services, SERVICE_IDS, isServiceId, type ServiceId, type ServiceInfo } from './services.ts';
export type { Environment } from './environments.ts';
