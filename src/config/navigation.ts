/**
 * The site's navigation: Starlight's sidebar, in reading order. The Markdown export
 * (llms.txt, llms-full.txt) reads the same order.
 */
import { recipeList } from '../lib/workflows/recipe-list.ts';
import { shownServices } from './index.ts';
import { RECIPES_PATH, recipePath, servicePath, TOKEN_HELPER_PATH } from './routes.ts';

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
    items: [{ label: 'All recipes', link: RECIPES_PATH }, ...recipeList().map((r) => ({ label: r.title, link: recipePath(r.name) }))],
  },
  {
    label: 'Examples',
    items: [
      { label: 'All examples', link: '/examples/' },
      { label: 'Occurrence map', link: '/examples/occurrence-map/' },
    ],
  },
  { label: 'Errors', link: '/errors/' },
];

/** Every page of the sidebar, in order. */
export function sidebarPaths(): string[] {
  return sidebar.flatMap((entry) => ('items' in entry ? entry.items.map((i) => i.link) : [entry.link]));
}
