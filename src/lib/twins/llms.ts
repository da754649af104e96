/**
 * The portal as Markdown for scripts and AI assistants: the twin of a guide page, and the
 * llmstxt.org files — `/llms.txt` (an index of link lists: guides, services, documents, changelogs)
 * and `/llms-full.txt` (every twin in reading order).
 */
import { documentPath, markdownPath, RECIPES_PATH, servicePath } from '../../config/routes.ts';
import type { ServiceModel } from '../reference-model/service-model.ts';
import type { RecipeModel } from '../workflows/recipe-model.ts';
import { htmlToMarkdown } from './html-to-markdown.ts';
import { oneLine } from './markdown-text.ts';

/** A page as llms.txt lists it. */
export interface TwinLink {
  /** The HTML page's path (`/authentication/`). */
  path: string;
  kind: 'guide' | 'service' | 'operation' | 'changelog' | 'recipe';
  title: string;
  /** One line about the page. */
  summary: string;
}

/** A page with its Markdown twin, as llms-full.txt gives it. */
export interface TwinEntry extends TwinLink {
  markdown: string;
}

/** A guide page's twin: its title, description, then its content (rendered HTML) as Markdown. */
export function guideMarkdown(page: { title: string; description: string; html: string }): { title: string; summary: string; markdown: string } {
  const title = oneLine(page.title);
  const summary = oneLine(page.description);
  const body = htmlToMarkdown(`<div class="sl-markdown-content">${page.html}</div>`);
  return { title, summary, markdown: `# ${title}\n\n${summary ? `> ${summary}\n\n` : ''}${body}\n` };
}

export interface ExportContext {
  /** The environment's label, said in non-production exports. */
  environment: string;
  isProduction: boolean;
  services: ServiceModel[];
  /** The recipes: researchers' tasks end to end. */
  recipes: RecipeModel[];
}

/** Guides in the sidebar's order, then any other guide page by path. */
function guidesInOrder<T extends TwinLink>(twins: Map<string, T>, order: string[]): T[] {
  const guides = [...twins.values()].filter((t) => t.kind === 'guide');
  const rank = (t: T) => (order.includes(t.path) ? order.indexOf(t.path) : order.length);
  return guides.sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
}

function intro(context: ExportContext): string {
  const where = context.isProduction ? '' : ` This export is of the ${context.environment} environment: its URLs are that environment's.`;
  return (
    'The documentation of the Atlas of Living Australia (ALA) web APIs — occurrence records, species, ' +
    'names, lists, spatial layers, images and more, through one API gateway. Guides explain access and ' +
    'authentication (most operations are open; those marked "token required" need an OAuth 2.0 / OpenID Connect token; the galah ' +
    'Common APIs take an API key); each service has an index of its operations, and each operation a page ' +
    'with its parameters, request body, responses, examples and Shell/Python/R samples; recipes do whole tasks ' +
    `across services, each as one script in Shell, Python, R and galah.${where}`
  );
}

const link = (title: string, url: string, about: string) => `- [${title}](${url})${about ? `: ${oneLine(about)}` : ''}`;

export function llmsIndex(twins: Map<string, TwinLink>, order: string[], context: ExportContext): string {
  const lines = ['# ALA API portal', '', `> ${intro(context)}`, '', '## Guides', ''];
  for (const guide of guidesInOrder(twins, order)) lines.push(link(guide.title, markdownPath(guide.path), guide.summary));
  if (context.recipes.length) {
    lines.push('', '## Recipes', '', link('All recipes', markdownPath(RECIPES_PATH), 'researchers\' tasks end to end, one script each'));
    for (const recipe of context.recipes) lines.push(link(recipe.title, markdownPath(recipe.href), recipe.summary));
  }
  lines.push('', '## Services', '');
  for (const service of context.services) lines.push(link(service.title, markdownPath(servicePath(service.id)), `${service.purpose} (${service.counts.total} operations)`));
  lines.push('', '## OpenAPI documents', '');
  for (const service of context.services) {
    lines.push(link(`${service.title} (JSON)`, documentPath(service.id, 'json'), `the OpenAPI document of ${service.title}, as built for this environment`));
    lines.push(link(`${service.title} (YAML)`, documentPath(service.id, 'yaml'), `the same document in YAML`));
  }
  const changelogs = [...twins.values()].filter((t) => t.kind === 'changelog');
  if (changelogs.length) {
    lines.push('', '## Changelog', '');
    for (const log of changelogs) lines.push(link(log.title, markdownPath(log.path), log.summary));
  }
  return `${lines.join('\n')}\n`;
}

/** Every page's twin in reading order: the guides as the sidebar lists them, each service followed by its operations. */
export function llmsFull(twins: Map<string, TwinEntry>, order: string[], context: ExportContext): string {
  const services = new Map(context.services.map((s) => [servicePath(s.id), s]));
  const sequence: TwinEntry[] = [];
  const add = (path: string) => {
    const twin = twins.get(path);
    if (twin && !sequence.includes(twin)) sequence.push(twin);
  };
  const guides = guidesInOrder(twins, order);
  const listed = [...order.filter((p) => twins.has(p)), ...guides.map((g) => g.path), ...context.services.map((s) => servicePath(s.id))];
  for (const path of listed) {
    add(path);
    for (const op of services.get(path)?.operations ?? []) add(op.href);
  }
  const parts = sequence.map((t) => t.markdown.replace(/^# (.*)\n/, (heading) => `${heading}\nSource: ${markdownPath(t.path)}\n`).trim());
  return `# ALA API portal\n\n> ${intro(context)}\n\n---\n\n${parts.join('\n\n---\n\n')}\n`;
}
