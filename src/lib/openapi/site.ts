/**
 * The OpenAPI documents and the reference model of this build. In a build, the documents are
 * the ones the OpenAPI check has already parsed and checked (./handover.ts); elsewhere (dev
 * server, scripts) they are loaded on first use. The model is built once per process.
 */
import { env, openapiDir } from '../../config/index.ts';
import { handedOverDocuments } from './handover.ts';
import { assertUsable, loadDocuments, type LoadedDocument } from './load.ts';
import { serviceModels, type ServiceModel } from './service-model.ts';

let loaded: Promise<LoadedDocument[]> | undefined;
let models: Promise<ServiceModel[]> | undefined;

export function siteDocuments(): Promise<LoadedDocument[]> {
  const handed = handedOverDocuments();
  loaded ??= handed ? Promise.resolve(handed) : loadDocuments(openapiDir, env, process.cwd(), { schemaWarnings: false }).then(assertUsable);
  return loaded;
}

/** Every service of the build with its operations. */
export function siteServices(): Promise<ServiceModel[]> {
  models ??= siteDocuments().then((documents) => serviceModels(documents, env));
  return models;
}

/** Static paths of the `/openapi/<id>.json|yaml` routes: one per document, with the document. */
export async function documentRoutes() {
  return (await siteDocuments()).map((d) => ({ params: { service: d.id }, props: { document: d.document } }));
}
