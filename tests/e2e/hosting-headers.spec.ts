/**
 * The production server rules on Debian's nginx (deploy/nginx/serve.sh serving `dist/`): the
 * headers of each path class, content types, the 404 page, the trailing-slash redirect,
 * compression and CORS, read over HTTP; and serve.sh itself.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CONTENT_TYPES, EVERY_RESPONSE, NOT_FOUND_PAGE, PATH_CLASSES } from '../../deploy/hosting.ts';
import { allHeadersOf, classOf } from '../../deploy/render/classes.ts';
import { startNginx, type RunningNginx } from '../support/nginx-server.ts';
import { NGINX_PORTS } from '../support/sites.ts';

// One worker runs this file's tests in order: they share the nginx servers started below.
test.describe.configure({ mode: 'default' });

let site: RunningNginx;
let samples: RunningNginx;
let samplesDir: string;

test.beforeAll(async () => {
  samplesDir = mkdtempSync(join(tmpdir(), 'portal-samples-'));
  chmodSync(samplesDir, 0o755); // nginx started as root serves as nobody
  writeFileSync(join(samplesDir, 'index.html'), '<!doctype html><title>samples</title><p>One file per content type.</p>');
  for (const ext of Object.keys(CONTENT_TYPES)) writeFileSync(join(samplesDir, `sample.${ext}`), `sample ${ext}\n`);
  site = await startNginx('dist', NGINX_PORTS.production);
  samples = await startNginx(samplesDir, NGINX_PORTS.samples);
});
test.afterAll(async () => {
  await site?.stop();
  await samples?.stop();
  rmSync(samplesDir, { recursive: true, force: true });
});

/** The first file (by name) of a folder of the build, with that ending. */
const first = (dir: string, ending = '') => readdirSync(join('dist', dir)).sort().find((f) => f.endsWith(ending))!;
const identity = { 'accept-encoding': 'identity' };
const get = (request: APIRequestContext, path: string, headers: Record<string, string> = identity) =>
  request.get(`${site.url}${path}`, { headers, maxRedirects: 0 });

test('each path class gets exactly its headers', async ({ request }) => {
  const paths = [
    '/',
    '/errors/',
    '/favicon.svg',
    '/pagefind/pagefind.js',
    `/_astro/${first('_astro')}`,
    `/pagefind/fragment/${first('pagefind/fragment')}`,
    `/pagefind/index/${first('pagefind/index')}`,
    '/openapi/occurrences.json',
    '/openapi/occurrences.yaml',
    // Markdown twins and llms.txt, once the build has them.
    ...['/llms.txt', '/llms-full.txt', '/index.md'].filter((p) => existsSync(join('dist', p))),
  ];
  const classHeaders = PATH_CLASSES.flatMap((c) => Object.keys(c.headers));
  for (const path of paths) {
    const response = await get(request, path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    const expected = allHeadersOf(classOf(path));
    for (const [name, value] of Object.entries(expected)) expect(headers[name.toLowerCase()], `${path}: ${name}`).toBe(value);
    for (const name of classHeaders) if (!(name in expected)) expect(headers[name.toLowerCase()], `${path}: ${name}`).toBeUndefined();
    if (!headers['cache-control']!.includes('immutable')) expect(headers['etag'], `${path}: ETag to revalidate with`).toBeTruthy();
  }
});

test('the headers say what the issue asks for', async ({ request }) => {
  const page = (await get(request, '/errors/')).headers();
  expect(page['strict-transport-security']).toMatch(/^max-age=\d{8,}/);
  expect(page['x-content-type-options']).toBe('nosniff');
  expect(page['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(page['content-security-policy']).toBe("frame-ancestors 'none'");
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(page['permissions-policy']).toContain(`${feature}=()`);
  expect(page['permissions-policy']).toContain('clipboard-write=(self)');
  expect(page['cache-control']).toMatch(/no-cache|max-age=0/);
  expect(page['access-control-allow-origin']).toBeUndefined();

  const asset = (await get(request, `/_astro/${first('_astro')}`)).headers();
  expect(asset['cache-control']).toBe('public, max-age=31536000, immutable');
  const fragment = (await get(request, `/pagefind/fragment/${first('pagefind/fragment')}`)).headers();
  expect(fragment['cache-control']).toBe('public, max-age=31536000, immutable');

  const document = (await get(request, '/openapi/occurrences.yaml', { ...identity, origin: 'https://tools.example' })).headers();
  expect(document['access-control-allow-origin']).toBe('*');
  expect(document['cache-control']).toMatch(/no-cache|max-age=0/);
});

test('content types follow the definition, for every extension', async ({ request }) => {
  for (const [ext, type] of Object.entries(CONTENT_TYPES)) {
    const response = await request.get(`${samples.url}/sample.${ext}`, { headers: identity });
    expect(response.status(), ext).toBe(200);
    expect(response.headers()['content-type'], ext).toBe(type);
  }
  expect((await get(request, '/errors/')).headers()['content-type']).toBe('text/html; charset=utf-8');
  expect((await get(request, '/openapi/occurrences.yaml')).headers()['content-type']).toBe('application/yaml; charset=utf-8');
  expect((await get(request, `/pagefind/fragment/${first('pagefind/fragment')}`)).headers()['content-type']).toBe('application/octet-stream');
});

test('a missing path gets the 404 page with status 404, revalidated and with every header', async ({ request, page }) => {
  const notFoundPage = readFileSync(join('dist', NOT_FOUND_PAGE), 'utf8');
  for (const path of ['/no/such/page/', '/no-such-file.html', `/_astro/missing.js`, '/openapi/nothing.yaml']) {
    const response = await get(request, path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()['content-type'], path).toBe('text/html; charset=utf-8');
    expect(await response.text(), path).toBe(notFoundPage);
    for (const [name, value] of Object.entries(EVERY_RESPONSE)) expect(response.headers()[name.toLowerCase()], `${path}: ${name}`).toBe(value);
    // Never a year in the cache for a file that may exist after the next deploy.
    expect(response.headers()['cache-control'], path).toBe(classOf('/').cache.cacheControl);
  }
  const response = await page.goto(`${site.url}/no/such/page/`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: '404' })).toBeVisible();
  // Files for other hosts are not served.
  expect((await get(request, '/_headers')).status()).toBe(404);
});

test('/path redirects to /path/, keeping the query', async ({ request, page }) => {
  const plain = await get(request, '/errors');
  expect(plain.status()).toBe(301);
  expect(plain.headers()['location']).toBe('/errors/');
  expect(plain.headers()['content-security-policy']).toBe("frame-ancestors 'none'");
  expect((await get(request, '/services/occurrences?page=2')).headers()['location']).toBe('/services/occurrences/?page=2');
  await page.goto(`${site.url}/authentication`);
  await expect(page).toHaveURL(`${site.url}/authentication/`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('text is sent gzipped (and with Brotli where nginx has it); binary index files are not', async ({ request }) => {
  for (const path of ['/errors/', `/_astro/${first('_astro', '.js')}`, `/_astro/${first('_astro', '.css')}`, '/openapi/occurrences.yaml', '/openapi/occurrences.json']) {
    const response = await get(request, path, { 'accept-encoding': 'gzip' });
    expect(response.headers()['content-encoding'], path).toBe('gzip');
    expect(response.headers()['vary'], path).toBe('Accept-Encoding');
  }
  const original = readFileSync('dist/openapi/occurrences.yaml', 'utf8');
  expect(await (await get(request, '/openapi/occurrences.yaml', { 'accept-encoding': 'gzip' })).text()).toBe(original);
  const fragment = await get(request, `/pagefind/fragment/${first('pagefind/fragment')}`, { 'accept-encoding': 'gzip, br' });
  expect(fragment.headers()['content-encoding']).toBeUndefined();

  test.skip(!site.brotli, "nginx has no Brotli module here (Debian: libnginx-mod-http-brotli-filter); .ci/run installs it");
  const brotli = await get(request, '/errors/', { 'accept-encoding': 'br' });
  expect(brotli.headers()['content-encoding']).toBe('br');
  expect(await brotli.text()).toBe(readFileSync('dist/errors/index.html', 'utf8'));
});

test('a page on another origin can fetch an OpenAPI document, not a page', async ({ page }) => {
  await page.goto(`${samples.url}/`);
  const fetched = (path: string) =>
    page.evaluate(async (url) => {
      try {
        const response = await fetch(url);
        return `${response.status} ${(await response.text()).slice(0, 7)}`;
      } catch (error) {
        return String(error);
      }
    }, `${site.url}${path}`);
  expect(await fetched('/openapi/occurrences.yaml')).toBe('200 openapi');
  expect(await fetched('/errors/')).toMatch(/TypeError: Failed to fetch/);
});

test('serve.sh stops on SIGTERM and leaves nothing behind', async ({ request }) => {
  const server = await startNginx('dist', NGINX_PORTS.stopped);
  expect((await request.get(`${server.url}/`)).status()).toBe(200);
  expect(server.workDir).toMatch(new RegExp(`^${tmpdir()}/portal-nginx\\.`));
  expect(existsSync(join(server.workDir, 'nginx.pid'))).toBe(true);
  expect(await server.stop()).toBe(0);
  expect(existsSync(server.workDir)).toBe(false);
  await expect(fetch(`${server.url}/`)).rejects.toThrow();
  // Nothing of nginx's went to a system path.
  expect(server.output()).not.toMatch(/\/var\/(log|lib)\/nginx|\/run\/nginx/);
});

test('serve.sh explains what is wrong with its arguments', () => {
  const run = (...args: string[]) => spawnSync('deploy/nginx/serve.sh', args, { encoding: 'utf8' });
  expect(run().stderr).toContain('usage: deploy/nginx/serve.sh <dist-dir> <port>');
  const empty = mkdtempSync(join(tmpdir(), 'portal-empty-'));
  const noSite = run(empty, String(NGINX_PORTS.stopped));
  expect(noSite.status).toBe(2);
  expect(noSite.stderr).toContain('is not a built site (no index.html in it)');
  rmSync(empty, { recursive: true });
  expect(run('dist', 'eighty').stderr).toContain('port "eighty" must be a number from 1 to 65535');
});

test("the Dockerfile's server block is valid nginx configuration with the same rules", () => {
  test.skip(!site.brotli, 'the container has the Brotli module; this nginx does not');
  const dockerfile = readFileSync('deploy/nginx/Dockerfile', 'utf8');
  const copies = [...dockerfile.matchAll(/^COPY (.+) (\S+)$/gm)].map(([, sources, target]) => ({ sources: sources!.split(' '), target: target! }));
  for (const { sources } of copies) for (const source of sources) expect(existsSync(source), `${source} copied by the Dockerfile`).toBe(true);
  const rules = copies.find((c) => c.sources.includes('deploy/nginx/portal.conf'))!.target;
  const server = readFileSync('deploy/nginx/default.conf', 'utf8');
  expect(server).toContain(`include ${rules}portal.conf;`);
  expect(server).toContain(`include ${rules}brotli.conf;`);
  expect(copies.find((c) => c.sources.includes('deploy/nginx/default.conf'))?.target).toMatch(/^\/etc\/nginx\/conf\.d\/.+\.conf$/);

  // nginx -t on the container's server block, its paths moved to this checkout.
  const work = mkdtempSync(join(tmpdir(), 'portal-nginx-check-'));
  mkdirSync(join(work, 'logs'));
  writeFileSync(join(work, 'server.conf'), server.replaceAll(rules, `${resolve('deploy/nginx')}/`));
  writeFileSync(
    join(work, 'nginx.conf'),
    `load_module /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so;\npid ${work}/nginx.pid;\nerror_log stderr;\nevents {}\nhttp { include ${work}/server.conf; }\n`,
  );
  const check = spawnSync('/usr/sbin/nginx', ['-t', '-e', 'stderr', '-p', `${work}/`, '-c', join(work, 'nginx.conf')], { encoding: 'utf8' });
  rmSync(work, { recursive: true, force: true });
  expect(check.stderr).toContain('test is successful');
  expect(check.stderr).not.toContain('[warn]');
});
