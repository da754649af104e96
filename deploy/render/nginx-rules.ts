/**
 * The hosting definition as nginx configuration: the server rules (deploy/nginx/portal.conf) and
 * the Brotli rules for servers that have the module (deploy/nginx/brotli.conf).
 */
import {
  COMPRESSED_TYPES,
  CONTENT_TYPES,
  HOST_FILES,
  INDEX_FILE,
  NOT_FOUND_PAGE,
  PATH_CLASSES,
  type PathClass,
} from '../hosting.ts';
import { allHeadersOf, defaultClass, extensionsByType, GENERATED_NOTE, mediaType, prefixedClasses } from './classes.ts';

/** A double-quoted nginx string; refuses what nginx would read as a variable or an escape. */
function quoted(value: string): string {
  if (/["\\$]/.test(value)) throw new Error(`hosting: ${JSON.stringify(value)} cannot be written into nginx configuration (no ", \\ or $).`);
  return `"${value}"`;
}

/** nginx always includes text/html in its type lists, and warns when it is listed again. */
const listed = (types: readonly string[]) => [...new Set(types)].filter((t) => t !== 'text/html').join(' ');

/** `location ~ ^(?:/_astro/|/pagefind/fragment/)` for a class's prefixes, `location /` for the rest. */
function location(pathClass: PathClass): string[] {
  const match = pathClass.prefixes.length
    ? `~ ^(?:${pathClass.prefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`
    : '/';
  return [
    `location ${match} {`,
    // `always`: error pages and redirects carry them too.
    ...Object.entries(allHeadersOf(pathClass)).map(([name, value]) => `    add_header ${name} ${quoted(value)} always;`),
    '}',
  ];
}

export function renderNginxRules(classes: readonly PathClass[] = PATH_CLASSES): string {
  const types = [...extensionsByType()].map(([type, exts]) => `    ${mediaType(type)} ${exts.join(' ')};`);
  const withCharset = Object.values(CONTENT_TYPES).filter((t) => /charset=utf-8/i.test(t)).map(mediaType);
  const lines = [
    `# ${GENERATED_NOTE}`,
    '#',
    "# The portal's server rules: include them in a `server {}` that sets `listen` and `root` (the",
    '# built site), as deploy/nginx/serve.sh and deploy/nginx/default.conf do.',
    '',
    'server_tokens off;',
    'log_not_found off;',
    '# /path redirects to /path/ with a relative Location, right behind any proxy or port.',
    'absolute_redirect off;',
    `index ${INDEX_FILE};`,
    `error_page 404 ${NOT_FOUND_PAGE};`,
    '',
    'default_type application/octet-stream;',
    'types {',
    ...types,
    '}',
    'charset utf-8;',
    `charset_types ${listed(withCharset)};`,
    '',
    'gzip on;',
    'gzip_vary on;',
    'gzip_comp_level 6;',
    'gzip_min_length 256;',
    `gzip_types ${listed(COMPRESSED_TYPES)};`,
  ];
  // Regular-expression locations are tried in order, the first match wins (as in CloudFront);
  // `location /` takes what none of them matches.
  for (const pathClass of [...prefixedClasses(classes), defaultClass(classes)]) {
    lines.push('', `# ${pathClass.id}: ${pathClass.description}`, ...location(pathClass));
  }
  lines.push('', '# For other hosts to read; not part of the site.');
  for (const file of HOST_FILES) lines.push(`location = /${file} {`, '    return 404;', '}');
  return `${lines.join('\n')}\n`;
}

export function renderNginxBrotli(): string {
  return [
    `# ${GENERATED_NOTE}`,
    '#',
    '# Brotli for the types portal.conf gzips, where nginx has the module',
    "# (Debian: libnginx-mod-http-brotli-filter). Include it after portal.conf.",
    '',
    'brotli on;',
    'brotli_comp_level 5;',
    'brotli_min_length 256;',
    `brotli_types ${listed(COMPRESSED_TYPES)};`,
    '',
  ].join('\n');
}
