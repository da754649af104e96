/**
 * The OpenAPI documents of this build, loaded once per process from `openapi/` for the build's
 * environment. Pages and endpoints import `siteDocuments()`; the build integration has already
 * stopped the build if any document is unusable, and printed the schema warnings.
 */
import { env, openapiDir } from '../../config/index.ts';
import { assertUsable, loadDocuments, type LoadedDocument } from './load.ts';

let loaded: Promise<LoadedDocument[]> | undefined;

export function siteDocuments(): Promise<LoadedDocument[]> {
  loaded ??= loadDocuments(openapiDir, env, process.cwd(), { schemaWarnings: false }).then(assertUsable);
  return loaded;
}

/** Static paths of the `/openapi/<id>.json|yaml` routes: one per document, with the document. */
export async function documentRoutes() {
  return (await siteDocuments()).map((d) => ({ params: { service: d.id }, props: { document: d.document } }));
}
