/**
 * The reference of this build, computed once: every service and operation model, from the
 * `openapi` content collection (src/lib/openapi/collection-loader.ts). Every reference route —
 * pages, Markdown twins, OpenAPI downloads, operation documents, llms.txt — reads it from here.
 * The models are kept per set of document digests, so the dev server rebuilds them only after a
 * document changed.
 */
import { getCollection } from 'astro:content';
import { env } from '../config/index.ts';
import type { LoadedDocument } from '../lib/openapi/load.ts';
import type { OperationModel } from '../lib/reference-model/operation-model.ts';
import { serviceModels, type ServiceModel } from '../lib/reference-model/service-model.ts';
import { collectionDigest } from './collection-digest.ts';

let built: { key: string; services: Promise<ServiceModel[]> } | undefined;

/** Every service of the build, in the order readers meet them, with its operations. */
export async function referenceServices(): Promise<ServiceModel[]> {
  const entries = await getCollection('openapi');
  const key = collectionDigest(entries);
  if (built?.key !== key) {
    const documents: LoadedDocument[] = entries.map((e) => ({ id: e.id, file: e.data.file, document: e.data.document }));
    built = { key, services: Promise.resolve(serviceModels(documents, env)) };
  }
  return built.services;
}

export interface ServiceRoute {
  params: { service: string };
  props: { service: ServiceModel };
}

export interface OperationRoute {
  params: { service: string; operation: string };
  props: { service: ServiceModel; operation: OperationModel };
}

/** `/services/<id>/…`: one route per service. */
export async function serviceRoutes(): Promise<ServiceRoute[]> {
  return (await referenceServices()).map((service) => ({ params: { service: service.id }, props: { service } }));
}

/** `/services/<id>/<operation>/…`: one route per operation. */
export async function operationRoutes(): Promise<OperationRoute[]> {
  return (await referenceServices()).flatMap((service) =>
    service.operations.map((operation) => ({ params: { service: service.id, operation: operation.slug }, props: { service, operation } })),
  );
}
