/**
 * Starlight route middleware: every page names its Markdown twin and the changelog's RSS feed in
 * <head> (pages under `/services/<id>/` also their service's feed); on an operation page
 * (`/services/<id>/<operation>/`) the sidebar shows its service as the current page, since
 * operations have no sidebar entries of their own.
 */
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { services } from '../config/services.ts';
import { changelogFeedPath, hasMarkdownTwin, markdownPath, serviceIdOfPath, serviceOfOperationPath } from '../config/routes.ts';

type Entry = StarlightRouteData['sidebar'][number];

function markCurrent(entries: Entry[], href: string): boolean {
  let found = false;
  for (const entry of entries) {
    if (entry.type === 'link') {
      entry.isCurrent = entry.href === href;
      found ||= entry.isCurrent;
    } else if (markCurrent(entry.entries, href)) {
      entry.collapsed = false;
      found = true;
    }
  }
  return found;
}

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const service = serviceOfOperationPath(context.url.pathname);
  if (service) markCurrent(route.sidebar, service);
  if (hasMarkdownTwin(context.url.pathname)) {
    route.head.push({ tag: 'link', attrs: { rel: 'alternate', type: 'text/markdown', href: markdownPath(context.url.pathname) } });
  }
  route.head.push({ tag: 'link', attrs: { rel: 'alternate', type: 'application/rss+xml', title: 'ALA APIs: changelog', href: changelogFeedPath() } });
  const serviceId = serviceIdOfPath(context.url.pathname);
  if (serviceId) {
    const name = services.find((s) => s.id === serviceId)?.name ?? serviceId;
    route.head.push({ tag: 'link', attrs: { rel: 'alternate', type: 'application/rss+xml', title: `${name}: changelog`, href: changelogFeedPath(serviceId) } });
  }
});
