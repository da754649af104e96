/**
 * The site's navigation: Starlight's sidebar, in reading order. The Markdown export
 * (llms.txt, llms-full.txt) reads the same order.
 */
import { shownServices } from './index.ts';
import { changelogPath, servicePath, TOKEN_HELPER_PATH } from './routes.ts';

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
