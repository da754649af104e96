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
import { guideMarkdown, type ExportContext, type TwinEntry } from '../lib/twins/llms.ts';
import { htmlToMarkdown } from '../lib/twins/html-to-markdown.ts';
import { recipeMarkdown, recipesIndexMarkdown } from '../lib/twins/recipe-twins.ts';
import type { ServiceModel } from '../lib/reference-model/service-model.ts';
import { operationMarkdown, serviceMarkdown } from '../lib/twins/reference-twins.ts';
import { changelogMarkdown, changelogTitle } from '../lib/twins/changelog-twins.ts';
import { entrySummary, formatDay } from '../lib/changelog/change-words.ts';
import { changelogTimeline } from './changelog-routes.ts';
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

export async function guideTwin(entry: CollectionEntry<'docs'>, locals: APIContext['locals']): Promise<TwinEntry> {
  const page = guideMarkdown({ title: entry.data.title, description: entry.data.description ?? '', html: await entryHtml(entry, locals) });
  return { path: guidePath(entry.id), kind: 'guide', title: page.title, summary: page.summary, markdown: page.markdown };
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

/** Every twin of the site, for llms-full.txt; and what the llms files say about the build. */
export async function allTwins(locals: APIContext['locals']): Promise<{ twins: Map<string, TwinEntry>; order: string[]; context: ExportContext }> {
  const services = await referenceServices();
  const twins = new Map<string, TwinEntry>();
  for (const entry of await guideEntries()) {
    const twin = await guideTwin(entry, locals);
    twins.set(twin.path, twin);
  }
  for (const service of services) {
    twins.set(servicePath(service.id), { path: servicePath(service.id), kind: 'service', title: service.title, summary: service.purpose, markdown: await serviceTwin(service, locals) });
    for (const op of service.operations) {
      twins.set(op.href, { path: op.href, kind: 'operation', title: op.title, summary: `${op.method} ${op.path}`, markdown: operationMarkdown(op, service) });
    }
  }
  const recipeList = await recipes();
  twins.set(RECIPES_PATH, { path: RECIPES_PATH, kind: 'recipe', title: 'Recipes', summary: 'Researchers\' tasks end to end', markdown: recipesIndexMarkdown(recipeList) });
  for (const recipe of recipeList) {
    twins.set(recipe.href, { path: recipe.href, kind: 'recipe', title: recipe.title, summary: recipe.summary, markdown: recipeMarkdown(recipe) });
  }
  // The changelogs: the whole site's (in the sidebar's order, so llms-full.txt has it), then each service's.
  const timeline = await changelogTimeline();
  for (const view of [timeline.site, ...timeline.services.values()]) {
    const latest = view.entries[0];
    const about = `${view.service ? '' : "every service's recorded API changes, classified breaking, non-breaking, deprecated or annotation; "}${latest ? `latest ${formatDay(latest.date)}: ${entrySummary(latest)}` : 'no change recorded yet'} RSS: ${view.feedPath}`;
    twins.set(view.path, { path: view.path, kind: 'changelog', title: changelogTitle(view), summary: about, markdown: changelogMarkdown(view) });
  }
  return { twins, order: sidebarPaths(), context: { environment: env.label, isProduction, services, recipes: recipeList } };
}

export const markdownResponse = (markdown: string) => new Response(markdown, { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
