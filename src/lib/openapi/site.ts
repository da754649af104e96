/**
 * The OpenAPI documents of this build, loaded once per process from `openapi/` for the build's
 * environment. Pages and endpoints import `siteDocuments()`; the build integration has already
 * stopped the build if any document is unusable.
 */
import { env } from '../../config/index.ts';
import { assertUsable, loadDocuments, type LoadedDocument } from './load.ts';

export const OPENAPI_DIR = 'openapi';

let loaded: Promise<LoadedDocument[]> | undefined;

export function siteDocuments(): Promise<LoadedDocument[]> {
  loaded ??= loadDocuments(OPENAPI_DIR, env).then(assertUsable);
  return loaded;
}
