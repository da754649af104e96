/**
 * The OpenAPI documents of this build, loaded once per process from `openapi/` for the build's
 * environment. Pages and endpoints import `siteDocuments()`; the build integration has already
 * stopped the build if any document is unusable.
 */
import { env, openapiDir } from '../../config/index.ts';
import { assertUsable, loadDocuments, type LoadedDocument } from './load.ts';

let loaded: Promise<LoadedDocument[]> | undefined;

export function siteDocuments(): Promise<LoadedDocument[]> {
  loaded ??= loadDocuments(openapiDir, env).then(assertUsable);
  return loaded;
}
