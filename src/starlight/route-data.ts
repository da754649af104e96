/**
 * Starlight route middleware: on an operation page (`/services/<id>/<operation>/`) the sidebar
 * shows its service as the current page, since operations have no sidebar entries of their own.
 */
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { serviceOfOperationPath } from '../config/site.ts';

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
  const service = serviceOfOperationPath(context.url.pathname);
  if (service) markCurrent(context.locals.starlightRoute.sidebar, service);
});
