/**
 * The Markdown twins of the pages, as routes: reference twins from the reference model (the one
 * the HTML pages render), guide twins from their MDX rendered by Astro's container — the same HTML
 * as the page's content, with this environment's URLs — turned back into Markdown.
 */
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import type { APIContext } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import { env, isProduction } from '../config/index.ts';
import { sidebarPaths } from './navigation.ts';
import { RECIPES_PATH, servicePath } from '../config/routes.ts';
import { guideMarkdown, type ExportContext, type TwinEntry, type TwinLink } from '../lib/twins/llms.ts';
import { oneLine } from '../lib/twins/markdown-text.ts';
import { htmlToMarkdown } from '../lib/twins/html-to-markdown.ts';
import { recipeMarkdown, recipesIndexMarkdown } from '../lib/twins/recipe-twins.ts';
import type { ServiceModel } from '../lib/reference-model/service-model.ts';
import { operationMarkdown, serviceMarkdown } from '../lib/twins/reference-twins.ts';
import { changelogAbout, changelogMarkdown, changelogTitle } from '../lib/twins/changelog-twins.ts';
import { changelogViews } from './changelog-routes.ts';
import { recipes } from './recipe-routes.ts';
import { referenceServices } from './reference-routes.ts';

let container: Promise<AstroContainer> | undefined;

/** The rendered HTML of a content entry (a guide, or a service's prose). */
async function entryHtml(entry: CollectionEntry<'docs'> | CollectionEntry<'services'>, locals: APIContext['locals']): Promise<string> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  const { Content } = await render(entry);
  return (await container).renderToString(Content, { locals });
}

/** The page path of a guide: its entry id as Starlight routes it (`index` is the home page). */
export const guidePath = (id: string) => (id === 'index' ? '/' : `/${id}/`);

/** A guide as llms.txt lists it: its title and description, in one line each. */
const guideLink = (entry: CollectionEntry<'docs'>): TwinLink => ({ path: guidePath(entry.id), kind: 'guide', title: oneLine(entry.data.title), summary: oneLine(entry.data.description ?? '') });

export async function guideTwin(entry: CollectionEntry<'docs'>, locals: APIContext['locals']): Promise<string> {
  return guideMarkdown({ title: entry.data.title, description: entry.data.description ?? '', html: await entryHtml(entry, locals) }).markdown;
}

/** A service's twin: facts and index from the model, its prose (if any) from its content entry. */
export async function serviceTwin(service: ServiceModel, locals: APIContext['locals']): Promise<string> {
  const prose = await getEntry('services', service.id);
  const body = prose ? htmlToMarkdown(`<div class="sl-markdown-content">${await entryHtml(prose, locals)}</div>`) : service.description || service.purpose;
  return serviceMarkdown(service, body);
}

/** Guides with a twin: every docs entry but the 404 page. */
export async function guideEntries(): Promise<CollectionEntry<'docs'>[]> {
  return (await getCollection('docs')).filter((entry) => entry.id !== '404');
}

/** A page of the site with a twin: how llms.txt lists it, and its Markdown, made only when asked for. */
interface TwinSource extends TwinLink {
  markdown: () => string | Promise<string>;
}

/** Every page with a twin, in one list for both llms files; and what they say about the build. */
async function twinSources(locals: APIContext['locals']): Promise<{ sources: TwinSource[]; order: string[]; context: ExportContext }> {
  const services = await referenceServices();
  const sources: TwinSource[] = (await guideEntries()).map((entry) => ({ ...guideLink(entry), markdown: () => guideTwin(entry, locals) }));
  for (const service of services) {
    sources.push({ path: servicePath(service.id), kind: 'service', title: service.title, summary: service.purpose, markdown: () => serviceTwin(service, locals) });
    for (const op of service.operations) {
      sources.push({ path: op.href, kind: 'operation', title: op.title, summary: `${op.method} ${op.path}`, markdown: () => operationMarkdown(op, service) });
    }
  }
  const recipeList = await recipes();
  sources.push({ path: RECIPES_PATH, kind: 'recipe', title: 'Recipes', summary: 'Researchers\' tasks end to end', markdown: () => recipesIndexMarkdown(recipeList) });
  for (const recipe of recipeList) {
    sources.push({ path: recipe.href, kind: 'recipe', title: recipe.title, summary: recipe.summary, markdown: () => recipeMarkdown(recipe) });
  }
  // The changelogs: the whole site's (in the sidebar's order, so llms-full.txt has it), then each service's.
  for (const view of await changelogViews()) {
    sources.push({ path: view.path, kind: 'changelog', title: changelogTitle(view), summary: changelogAbout(view), markdown: () => changelogMarkdown(view) });
  }
  return { sources, order: sidebarPaths(), context: { environment: env.label, isProduction, services, recipes: recipeList } };
}

/** What llms.txt lists: every page with a twin, by path; no Markdown is made. */
export async function twinLinks(locals: APIContext['locals']): Promise<{ twins: Map<string, TwinLink>; order: string[]; context: ExportContext }> {
  const { sources, order, context } = await twinSources(locals);
  return { twins: new Map(sources.map(({ markdown: _, ...link }) => [link.path, link])), order, context };
}

/** Every twin of the site with its Markdown, for llms-full.txt. */
export async function allTwins(locals: APIContext['locals']): Promise<{ twins: Map<string, TwinEntry>; order: string[]; context: ExportContext }> {
  const { sources, order, context } = await twinSources(locals);
  const twins = new Map<string, TwinEntry>();
  for (const { markdown, ...link } of sources) twins.set(link.path, { ...link, markdown: await markdown() });
  return { twins, order, context };
}

export const markdownResponse = (markdown: string) => new Response(markdown, { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
