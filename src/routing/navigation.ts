/**
 * The site's navigation: Starlight's sidebar, in reading order. The Markdown export
 * (llms.txt, llms-full.txt) reads the same order.
 */
import { recipeList } from '../lib/workflows/recipe-list.ts';
import { shownServices } from '../config/index.ts';
import { changelogPath, RECIPES_PATH, recipePath, servicePath, TOKEN_HELPER_PATH } from '../config/routes.ts';

/** The recipes in reading order, by name; one not listed here comes after these, by name. */
export const RECIPE_ORDER = ['occurrence-download', 'record-counts', 'species-profile', 'name-check', 'layer-values', 'protected-call'];
const rank = (name: string) => (RECIPE_ORDER.includes(name) ? RECIPE_ORDER.indexOf(name) : RECIPE_ORDER.length);
const recipes = recipeList().sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));

export interface NavLink {
  label: string;
  link: string;
}

export interface NavGroup {
  label: string;
  items: NavLink[];
}

export const sidebar: (NavLink | NavGroup)[] = [
  { label: 'Introduction', link: '/' },
  {
    label: 'Authentication',
    items: [
      { label: 'Overview and flows', link: '/authentication/' },
      { label: 'Token helper', link: TOKEN_HELPER_PATH },
    ],
  },
  {
    label: 'Services',
    items: [{ label: 'All services', link: '/services/' }, ...shownServices.map((s) => ({ label: s.name, link: servicePath(s.id) }))],
  },
  {
    label: 'Recipes',
    items: [{ label: 'All recipes', link: RECIPES_PATH }, ...recipes.map((r) => ({ label: r.title, link: recipePath(r.name) }))],
  },
  {
    label: 'Examples',
    items: [
      { label: 'All examples', link: '/examples/' },
      { label: 'Occurrence map', link: '/examples/occurrence-map/' },
    ],
  },
  { label: 'Errors', link: '/errors/' },
  { label: 'Changelog', link: changelogPath() },
];

/** Every page of the sidebar, in order. */
export function sidebarPaths(): string[] {
  return sidebar.flatMap((entry) => ('items' in entry ? entry.items.map((i) => i.link) : [entry.link]));
}
