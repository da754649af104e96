/** Paths inside the site that several pages link to: the one place each URL shape is spelled. */
export const TOKEN_HELPER_PATH = '/authentication/token-helper/';
export const servicePath = (id: string) => `/services/${id}/`;
export const documentPath = (id: string, ext: 'json' | 'yaml') => `/openapi/${id}.${ext}`;
/** An operation's reference page; `slug` comes from `operationSlug()` (src/lib/openapi/slug.ts). */
export const operationPath = (serviceId: string, slug: string) => `/services/${serviceId}/${slug}/`;
/** One operation's own OpenAPI document (src/lib/openapi/operation-document.ts): what "Try it" loads. */
export const operationDocumentPath = (serviceId: string, slug: string) => `/openapi/${serviceId}/${slug}.json`;
/** The recorded API changes: of every service, or of one (`/services/<id>/changelog/`). */
export const changelogPath = (serviceId?: string) => (serviceId ? `/services/${serviceId}/changelog/` : '/changelog/');
/** The RSS feed of the same changes. */
export const changelogFeedPath = (serviceId?: string) => (serviceId ? `/services/${serviceId}/changelog.xml` : '/changelog.xml');
/** The service id of any page under `/services/<id>/`, or undefined. */
export function serviceIdOfPath(pathname: string): string | undefined {
  return /^\/services\/([^/]+)\//.exec(pathname)?.[1];
}
/** The recipes: researchers' tasks end to end, one page each, from `workflows/<name>.arazzo.yaml`. */
export const RECIPES_PATH = '/recipes/';
export const recipePath = (name: string) => `${RECIPES_PATH}${name}/`;
/** The service page of an operation page's path (`/services/a/b/` → `/services/a/`), or undefined. */
export function serviceOfOperationPath(pathname: string): string | undefined {
  const match = /^\/services\/([^/]+)\/[^/]+\/?$/.exec(pathname);
  return match ? servicePath(match[1]!) : undefined;
}
/**
 * The Markdown twin of a page: its path without the trailing slash, plus `.md`
 * (`/authentication/` → `/authentication.md`; the home page → `/index.md`); a fragment stays
 * (`/authentication/#discovery` → `/authentication.md#discovery`).
 */
export function markdownPath(href: string): string {
  const hash = href.indexOf('#');
  const pathname = hash < 0 ? href : href.slice(0, hash);
  const trimmed = pathname.replace(/\/index\.html$/, '/').replace(/\/+$/, '');
  return `${trimmed || '/index'}.md${hash < 0 ? '' : href.slice(hash)}`;
}
/** Every page has a Markdown twin but the 404 page. */
export function hasMarkdownTwin(pathname: string): boolean {
  return !/^\/404(\/|\.html)?$/.test(pathname);
}
