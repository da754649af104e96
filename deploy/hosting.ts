/**
 * What the host of the built site sends: the one definition that deploy/render/ renders into
 * the nginx server rules and the S3 + CloudFront template and the deploy script's data file (deploy/, by
 * `npm run hosting:render`) and into `dist/_headers` for static hosts (at build).
 *
 * The Content-Security-Policy proper stays in each page's <meta> (src/integrations/csp-meta.ts),
 * which carries that page's hashes; the host adds what a meta policy cannot say.
 */

/** Response headers, by name as sent. */
export type Headers = Readonly<Record<string, string>>;

/**
 * Features the portal uses none of, denied to it and to anything it might frame. Only names
 * Chromium knows on every platform: it logs an error for any other (bluetooth and web-share are
 * unknown to Chromium on Linux), which tests/e2e/hosting-portal.spec.ts would report.
 */
const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'clipboard-read',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'local-fonts',
  'magnetometer',
  'microphone',
  'midi',
  'otp-credentials',
  'payment',
  'picture-in-picture',
  'publickey-credentials-create',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'window-management',
  'xr-spatial-tracking',
] as const;

/** Sent with every response, errors and redirects included. */
export const EVERY_RESPONSE: Headers = {
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // The copy buttons write to the clipboard (navigator.clipboard.writeText): the page itself only.
  'Permissions-Policy': [...DENIED_FEATURES.map((f) => `${f}=()`), 'clipboard-write=(self)'].join(', '),
  'Content-Security-Policy': "frame-ancestors 'none'",
};

export interface CacheRule {
  /** What browsers are told. */
  cacheControl: string;
  /**
   * How long a CDN keeps a copy (CloudFront's cache policy TTL). Revalidated files may sit at the
   * edge this long because every deploy invalidates them there (deploy/aws/deploy.sh).
   */
  edgeSeconds: number;
}

export const CACHE = {
  /** Files whose names change with their content: kept for a year, never asked about again. */
  immutable: { cacheControl: 'public, max-age=31536000, immutable', edgeSeconds: 31_536_000 },
  /**
   * Files whose names stay while their content changes: asked about on every use (a 304 when the
   * ETag still matches). Also the default of Netlify and Cloudflare Pages, see headers-file.ts.
   */
  revalidate: { cacheControl: 'public, max-age=0, must-revalidate', edgeSeconds: 86_400 },
} as const satisfies Record<string, CacheRule>;

export interface PathClass {
  id: string;
  /** Says what the class holds (a comment in the rendered files). */
  description: string;
  /** URL prefixes (ending in /) of the class; none for the last class, which takes every other path. */
  prefixes: readonly string[];
  cache: CacheRule;
  /** Headers of this class beyond EVERY_RESPONSE and Cache-Control. */
  headers: Headers;
}

/** Every path belongs to the first class one of whose prefixes it starts with, else to the last. */
export const PATH_CLASSES: readonly PathClass[] = [
  {
    id: 'hashed',
    description: "files named by a hash of their content: Astro's assets, Pagefind's index and fragments",
    prefixes: ['/_astro/', '/pagefind/fragment/', '/pagefind/index/', '/pagefind/filter/'],
    cache: CACHE.immutable,
    headers: {},
  },
  {
    id: 'openapi',
    description: 'the OpenAPI documents, which tools may import by URL from any origin',
    prefixes: ['/openapi/'],
    cache: CACHE.revalidate,
    headers: { 'Access-Control-Allow-Origin': '*' },
  },
  {
    id: 'pages',
    description: "everything else: pages, their Markdown twins, llms*.txt, Pagefind's loader, the favicon",
    prefixes: [],
    cache: CACHE.revalidate,
    headers: {},
  },
];

/** Content-Type by file extension; anything else is application/octet-stream. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  yaml: 'application/yaml; charset=utf-8',
  yml: 'application/yaml; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  woff: 'font/woff',
  wasm: 'application/wasm',
  // Pagefind's index: already compressed by Pagefind, read by its own code.
  pagefind: 'application/octet-stream',
  pf_meta: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pf_fragment: 'application/octet-stream',
  pf_filter: 'application/octet-stream',
};

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/** Media types sent compressed (gzip, and Brotli where the server has it). */
export const COMPRESSED_TYPES: readonly string[] = [
  'text/html',
  'text/css',
  'text/javascript',
  'text/markdown',
  'text/plain',
  'application/json',
  'application/yaml',
  'application/xml',
  'application/manifest+json',
  'application/wasm',
  'image/svg+xml',
];

/** The page a missing path gets, with status 404. */
export const NOT_FOUND_PAGE = '/404.html';
/** The file that answers `/path/`; `/path` redirects to `/path/`. */
export const INDEX_FILE = 'index.html';
/** Files in the build that are for a host to read, never to be served. */
export const HOST_FILES: readonly string[] = ['_headers'];
