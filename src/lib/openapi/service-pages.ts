/**
 * The service pages of a build: one per OpenAPI document, in registry order first, then
 * documents of other APIs by title. A registered service takes its name and purpose from the
 * registry; any other document from its own `info`.
 */
import type { Environment } from '../../config/environments.ts';
import { visibleServices } from '../../config/current.ts';
import { services, type ServiceInfo } from '../../config/services.ts';
import { firstSentence } from '../markdown.ts';
import type { LoadedDocument } from './load.ts';

export interface ServicePage {
  id: string;
  title: string;
  purpose: string;
  /** The registry entry, when this is one of ALA's services. */
  service?: ServiceInfo;
  loaded: LoadedDocument;
}

function info(doc: Record<string, unknown>): { title: string; description: string; summary: string } {
  const i = (doc['info'] ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return { title: str(i['title']), description: str(i['description']), summary: str(i['summary']) };
}

export function servicePages(documents: LoadedDocument[], env: Environment): ServicePage[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const registered = visibleServices(env)
    .filter((s) => byId.has(s.id))
    .map((s): ServicePage => ({ id: s.id, title: s.name, purpose: s.purpose, service: s, loaded: byId.get(s.id)! }));
  const others = documents
    .filter((d) => !services.some((s) => s.id === d.id))
    .map((d): ServicePage => {
      const { title, description, summary } = info(d.document);
      return { id: d.id, title: title || d.id, purpose: summary || firstSentence(description) || `The ${title || d.id} API.`, loaded: d };
    })
    .sort((a, b) => a.title.localeCompare(b.title));
  return [...registered, ...others];
}
