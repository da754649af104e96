/** The guide pages the portal's URLs promise (README: Layout and URLs), the service pages, and the pages a build wrote. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SERVICE_IDS } from '../../src/config/services.ts';

export const GUIDE_PAGES = ['/', '/authentication/', '/services/', '/examples/', '/errors/'] as const;
export const SERVICE_PAGES = SERVICE_IDS.map((id) => `/services/${id}/`);
/** One operation page per kind of access: open, protected, API key. */
export const OPERATION_PAGES = ['/services/occurrences/search-occurrences/', '/services/user-details/search-users/', '/services/galah/count-occurrence-records/'];
/** Every HTML file a build wrote under `dir`, relative to it, with `/` separators (`services/alerts/index.html`). */
export function builtHtmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
}
export const AUTH_ANCHORS = ['discovery', 'client-credentials', 'authorization-code-flow', 'implicit-flow'] as const;
