/**
 * The hosting definition as a `_headers` file, for static hosts that read one (Netlify,
 * Cloudflare Pages and others of the same format). Those hosts apply every rule whose pattern
 * matches a path, but combine a header set by two such rules differently (Netlify keeps the
 * later value, Cloudflare joins both with a comma), so no header here is set by two rules that
 * can match the same path:
 *  - `/*` carries what every response gets;
 *  - each prefixed class its own Cache-Control and headers;
 *  - the last class's Cache-Control is left to the host, whose default is the same value
 *    (checked here, so that a change to the definition cannot silently miss these hosts);
 *  - each extension its Content-Type.
 * These hosts redirect /path to /path/ and serve 404.html with status 404 by themselves, so
 * no `_redirects` file is needed.
 */
import { CONTENT_TYPES, EVERY_RESPONSE, PATH_CLASSES, type Headers, type PathClass } from '../hosting.ts';
import { defaultClass, prefixedClasses } from './classes.ts';

/** What Netlify and Cloudflare Pages send for files without a rule of their own. */
export const STATIC_HOST_DEFAULT_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

function rule(pattern: string, headers: Headers): string {
  return [pattern, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
}

export function renderHeadersFile(classes: readonly PathClass[] = PATH_CLASSES): string {
  const rest = defaultClass(classes);
  if (rest.cache.cacheControl !== STATIC_HOST_DEFAULT_CACHE_CONTROL || Object.keys(rest.headers).length) {
    throw new Error(
      `hosting: _headers cannot give the "${rest.id}" class headers of its own or a Cache-Control other than the ` +
        `static hosts' default "${STATIC_HOST_DEFAULT_CACHE_CONTROL}": every rule for it would also match the other classes.`,
    );
  }
  const rules = [
    [
      '# Generated at build from deploy/hosting.ts (deploy/static-host-headers.ts).',
      `# Paths no rule below gives a Cache-Control get the host's default, "${STATIC_HOST_DEFAULT_CACHE_CONTROL}".`,
    ].join('\n'),
    rule('/*', EVERY_RESPONSE),
  ];
  for (const pathClass of prefixedClasses(classes)) {
    for (const prefix of pathClass.prefixes) rules.push(rule(`${prefix}*`, { 'Cache-Control': pathClass.cache.cacheControl, ...pathClass.headers }));
  }
  for (const [ext, type] of Object.entries(CONTENT_TYPES)) rules.push(rule(`/*.${ext}`, { 'Content-Type': type }));
  return `${rules.join('\n\n')}\n`;
}
