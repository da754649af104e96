/**
 * The model of the reference: one service per OpenAPI document, with what its overview page
 * shows (facts, prose source, the operation index by tag) and the full model of each of its
 * operations. Registered ALA services come first, in registry order, with their registry names;
 * documents of other APIs follow by title, named from their own `info`.
 */
import { visibleServices } from '../../config/resolve-environment.ts';
import type { Environment } from '../../config/environments.ts';
import { documentPath, operationPath } from '../../config/routes.ts';
import { services, type ServiceInfo } from '../../config/services.ts';
import { documentApiKey } from '../openapi/access.ts';
import { dereference } from '../openapi/dereference.ts';
import { asString, isObject, type Json } from '../openapi/json.ts';
import type { LoadedDocument } from '../openapi/load.ts';
import { tagAnchor, unique } from '../openapi/slug.ts';
import { firstSentence } from '../render-markdown.ts';
import { documentOperations, operationModel, type OperationModel } from './operation-model.ts';

export interface TagGroup {
  name: string;
  /** Markdown from the document's `tags` entry. */
  description: string;
  anchor: string;
  operations: OperationModel[];
}

export interface ServiceCounts {
  total: number;
  /** Every alternative needs a token. */
  protected: number;
  /** A token is accepted but not needed. */
  optional: number;
  /** An API key is needed. */
  apiKey: number;
}

export interface ServiceModel {
  id: string;
  title: string;
  /** One line: what a reader can do with it. */
  purpose: string;
  /** The registry entry, for one of ALA's services. */
  service?: ServiceInfo;
  /** The document's `info.description` (Markdown), for services without prose of their own. */
  description: string;
  baseUrl?: string;
  app?: { url: string; name: string };
  downloads: { json: string; yaml: string };
  /** The header (or query/cookie) name of the document's API key, when it declares one. */
  apiKey?: { in: string; name: string };
  counts: ServiceCounts;
  groups: TagGroup[];
  /** In reading order: the index's order, tag by tag. */
  operations: OperationModel[];
  /** The document as published for the environment (what the try-it client loads). */
  document: Json;
}

function declaredTags(document: Json): { order: string[]; descriptions: Map<string, string> } {
  const order: string[] = [];
  const descriptions = new Map<string, string>();
  for (const tag of Array.isArray(document['tags']) ? document['tags'] : []) {
    if (isObject(tag) && typeof tag['name'] === 'string') {
      order.push(tag['name']);
      descriptions.set(tag['name'], asString(tag['description']));
    }
  }
  return { order, descriptions };
}

function groupByTag(document: Json, operations: OperationModel[]): TagGroup[] {
  const { order, descriptions } = declaredTags(document);
  for (const op of operations) if (!order.includes(op.tag)) order.push(op.tag);
  const used = new Set<string>();
  return order
    .map((name) => ({ name, description: descriptions.get(name) ?? '', anchor: unique(tagAnchor(name), used), operations: operations.filter((op) => op.tag === name) }))
    .filter((g) => g.operations.length > 0);
}

function identity(loaded: LoadedDocument, service: ServiceInfo | undefined): { title: string; purpose: string } {
  if (service) return { title: service.name, purpose: service.purpose };
  const info = isObject(loaded.document['info']) ? loaded.document['info'] : {};
  const title = asString(info['title']) || loaded.id;
  return { title, purpose: asString(info['summary']) || firstSentence(asString(info['description'])) || `The ${title} API.` };
}

/** A service's model, from one walk over its dereferenced document. */
export function serviceModel(loaded: LoadedDocument, env: Environment, service?: ServiceInfo): ServiceModel {
  const deref = dereference(loaded.document);
  const document = deref.resolve(loaded.document) as Json;
  const built = documentOperations(document).map(({ summary, at }) =>
    operationModel(summary, at, { serviceId: loaded.id, href: operationPath(loaded.id, summary.slug), document, deref }),
  );
  const groups = groupByTag(loaded.document, built);
  const operations = groups.flatMap((g) => g.operations);
  operations.forEach((op, i) => {
    const prev = operations[i - 1];
    const next = operations[i + 1];
    if (prev) op.prev = { href: prev.href, title: prev.title };
    if (next) op.next = { href: next.href, title: next.title };
  });
  const apiKey = documentApiKey(document);
  const servers = Array.isArray(loaded.document['servers']) ? loaded.document['servers'].filter(isObject) : [];
  const baseUrl = asString(servers[0]?.['url']);
  const info = isObject(loaded.document['info']) ? loaded.document['info'] : {};
  return {
    id: loaded.id,
    ...identity(loaded, service),
    ...(service ? { service, app: { url: env.services[service.id].app, name: service.appName } } : {}),
    description: asString(info['description']),
    ...(baseUrl ? { baseUrl } : {}),
    downloads: { json: documentPath(loaded.id, 'json'), yaml: documentPath(loaded.id, 'yaml') },
    ...(apiKey ? { apiKey } : {}),
    counts: {
      total: operations.length,
      protected: operations.filter((o) => o.access.kind === 'token').length,
      optional: operations.filter((o) => o.access.kind === 'optional').length,
      apiKey: operations.filter((o) => o.access.kind === 'apiKey').length,
    },
    groups,
    operations,
    document: loaded.document,
  };
}

/** The services of a build, in the order readers meet them. */
export function serviceModels(documents: LoadedDocument[], env: Environment): ServiceModel[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const registered = visibleServices(env)
    .filter((s) => byId.has(s.id))
    .map((s) => serviceModel(byId.get(s.id)!, env, s));
  const others = documents
    .filter((d) => !services.some((s) => s.id === d.id))
    .map((d) => serviceModel(d, env))
    .sort((a, b) => a.title.localeCompare(b.title));
  return [...registered, ...others];
}
