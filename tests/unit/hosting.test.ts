import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CACHE, CONTENT_TYPES, EVERY_RESPONSE, PATH_CLASSES, type PathClass } from '../../deploy/hosting.ts';
import { allHeadersOf, classOf, contentTypeOf, definitionProblems, headersOf } from '../../deploy/render/classes.ts';
import { renderDeployFiles } from '../../deploy/render/deploy-files.ts';
import { renderHeadersFile, STATIC_HOST_DEFAULT_CACHE_CONTROL } from '../../deploy/render/headers-file.ts';
import { renderNginxRules } from '../../deploy/render/nginx-rules.ts';

const byId = (id: string) => PATH_CLASSES.find((c) => c.id === id)!;

describe('the hosting definition', () => {
  it('is consistent', () => {
    expect(definitionProblems()).toEqual([]);
  });

  it('puts each path in the class the issue names', () => {
    expect(classOf('/_astro/page.Bx12.js').id).toBe('hashed');
    expect(classOf('/pagefind/fragment/en_1a2b.pf_fragment').id).toBe('hashed');
    expect(classOf('/pagefind/index/en_1a2b.pf_index').id).toBe('hashed');
    expect(classOf('/openapi/occurrences.yaml').id).toBe('openapi');
    for (const path of ['/', '/errors/', '/errors.md', '/llms.txt', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/favicon.svg']) {
      expect(classOf(path).id, path).toBe('pages');
    }
  });

  it('sends what the issue asks for', () => {
    expect(EVERY_RESPONSE).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Content-Security-Policy': "frame-ancestors 'none'",
    });
    expect(EVERY_RESPONSE['Strict-Transport-Security']).toMatch(/^max-age=\d+/);
    expect(byId('hashed').cache.cacheControl).toBe('public, max-age=31536000, immutable');
    for (const id of ['pages', 'openapi']) expect(byId(id).cache.cacheControl).toMatch(/no-cache|max-age=0/);
    expect(headersOf(byId('openapi'))['Access-Control-Allow-Origin']).toBe('*');
    expect(headersOf(byId('pages'))['Access-Control-Allow-Origin']).toBeUndefined();
    for (const ext of ['yaml', 'md', 'txt', 'wasm', 'pf_meta', 'pf_index', 'pf_fragment']) expect(CONTENT_TYPES[ext], ext).toBeTruthy();
    expect(contentTypeOf('/openapi/alerts.yaml')).toBe('application/yaml; charset=utf-8');
    expect(contentTypeOf('/odd.unknown')).toBe('application/octet-stream');
  });

  it('denies the features the portal does not use, and lets it write to the clipboard', () => {
    const policy = Object.fromEntries(EVERY_RESPONSE['Permissions-Policy']!.split(', ').map((d) => d.split('=')));
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'clipboard-read']) expect(policy[feature], feature).toBe('()');
    expect(policy['clipboard-write']).toBe('(self)');
  });

  it('reports definitions the servers would read differently', () => {
    const rest: PathClass = { id: 'rest', description: '', prefixes: [], cache: CACHE.revalidate, headers: {} };
    const a: PathClass = { id: 'a', description: '', prefixes: ['/pagefind/'], cache: CACHE.immutable, headers: {} };
    const b: PathClass = { id: 'b', description: '', prefixes: ['/pagefind/fragment/', '/x/*.js'], cache: CACHE.immutable, headers: { 'cache-control': 'no-store' } };
    expect(definitionProblems([a, b, rest])).toEqual([
      'hosting: prefix "/pagefind/fragment/" (b) lies inside "/pagefind/" (a); servers would disagree on which applies.',
      'hosting: prefix "/x/*.js" of class "b" must be a folder such as /_astro/ (no wildcards).',
      'hosting: class "b" sets cache-control, which comes from its cache rule.',
    ]);
    expect(definitionProblems([a])).toContain('hosting: the last path class must have no prefixes (it takes every other path).');
  });
});

describe('nginx rules', () => {
  const conf = renderNginxRules();
  /** location line → the headers it adds. */
  const locations = new Map(
    [...conf.matchAll(/^location (.+) \{\n((?: {4}.+\n)*)\}/gm)].map(([, match, body]) => [
      match!,
      Object.fromEntries([...body!.matchAll(/add_header (\S+) "(.*)" always;/g)].map(([, n, v]) => [n, v])),
    ]),
  );

  it('give every class exactly its headers, on error pages and redirects too', () => {
    expect(locations.get('~ ^(?:/_astro/|/pagefind/fragment/|/pagefind/index/|/pagefind/filter/)')).toEqual(allHeadersOf(byId('hashed')));
    expect(locations.get('~ ^(?:/openapi/)')).toEqual(allHeadersOf(byId('openapi')));
    expect(locations.get('/')).toEqual(allHeadersOf(byId('pages')));
    expect(conf.match(/add_header .*;/g)!.every((line) => line.endsWith(' always;'))).toBe(true);
  });

  it('serve the 404 page, redirect /path to /path/ relatively, compress text, hide host files', () => {
    expect(conf).toContain('error_page 404 /404.html;');
    expect(conf).toContain('absolute_redirect off;');
    expect(conf).toMatch(/^gzip_types .*application\/yaml.*;$/m);
    expect(conf).toContain('application/yaml yaml yml;');
    expect(conf).toMatch(/location = \/_headers \{\n {4}return 404;\n\}/);
  });

  it('refuse values nginx would read as variables', () => {
    const rest: PathClass = { id: 'rest', description: '', prefixes: [], cache: CACHE.revalidate, headers: { 'X-Odd': 'a $b' } };
    expect(() => renderNginxRules([rest])).toThrow('"a $b" cannot be written into nginx configuration');
  });
});

describe('_headers', () => {
  const file = renderHeadersFile();
  const rules = file
    .split('\n\n')
    .filter((block) => block.startsWith('/'))
    .map((block) => {
      const [pattern, ...lines] = block.trim().split('\n');
      return { pattern: pattern!, headers: Object.fromEntries(lines.map((l) => l.trim().split(/: (.*)/s).slice(0, 2))) as Record<string, string> };
    });
  const rule = (pattern: string) => rules.find((r) => r.pattern === pattern)?.headers;

  it('carries exactly the headers of the definition', () => {
    expect(rule('/*')).toEqual(EVERY_RESPONSE);
    for (const c of PATH_CLASSES.slice(0, -1)) {
      for (const prefix of c.prefixes) expect(rule(`${prefix}*`), prefix).toEqual({ 'Cache-Control': c.cache.cacheControl, ...c.headers });
    }
    for (const [ext, type] of Object.entries(CONTENT_TYPES)) expect(rule(`/*.${ext}`)).toEqual({ 'Content-Type': type });
    expect(rules).toHaveLength(1 + PATH_CLASSES.flatMap((c) => c.prefixes).length + Object.keys(CONTENT_TYPES).length);
    // The pages class's Cache-Control is the hosts' own default.
    expect(byId('pages').cache.cacheControl).toBe(STATIC_HOST_DEFAULT_CACHE_CONTROL);
  });

  it('never sets one header in two rules that can match one path (hosts combine those differently)', () => {
    // `/*` matches every path; an extension rule matches files in any prefix; prefixes are disjoint.
    const canMeet = (a: string, b: string) => a === '/*' || b === '/*' || a.startsWith('/*.') !== b.startsWith('/*.');
    for (const [i, a] of rules.entries()) {
      for (const b of rules.slice(i + 1)) {
        if (canMeet(a.pattern, b.pattern)) expect(Object.keys(a.headers).filter((h) => h in b.headers), `${a.pattern} and ${b.pattern}`).toEqual([]);
      }
    }
  });

  it('refuses a pages class the hosts could not be told about', () => {
    const classes = [byId('hashed'), { ...byId('pages'), cache: { cacheControl: 'no-cache', edgeSeconds: 0 } }];
    expect(() => renderHeadersFile(classes)).toThrow(/static hosts' default "public, max-age=0, must-revalidate"/);
  });
});

describe('the files under deploy/', () => {
  it('are what the definition renders (run `npm run hosting:render` after changing it)', () => {
    for (const [path, text] of Object.entries(renderDeployFiles('.'))) {
      expect(readFileSync(path, 'utf8'), `${path} differs from a fresh render: run npm run hosting:render`).toBe(text);
    }
  });

  it('include runnable scripts', () => {
    for (const script of ['deploy/nginx/serve.sh', 'deploy/aws/deploy.sh']) expect(statSync(script).mode & 0o111, script).toBe(0o111);
  });
});
