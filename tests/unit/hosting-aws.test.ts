import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_TYPES, HOST_FILES, NOT_FOUND_PAGE, PATH_CLASSES, type PathClass } from '../../deploy/hosting.ts';
import { classOf, extensionOf, headersOf } from '../../deploy/render/classes.ts';
import { parseTemplate } from '../../deploy/render/cloudformation-yaml.ts';

/** Template data, read loosely. */
type Json = Record<string, any>;

describe('the CloudFormation template', () => {
  const template = parseTemplate(readFileSync('deploy/aws/portal.yaml', 'utf8')) as Json;
  const resources = template['Resources'] as Record<string, Json>;
  const config = resources['Distribution']!['Properties']['DistributionConfig'] as Json;
  const resource = (ref: Json, type: string) => {
    const found = resources[ref['Ref']];
    expect(found?.['Type'], JSON.stringify(ref)).toBe(type);
    return found!['Properties'];
  };

  /** The headers a Response Headers Policy sends, read back from its configuration. */
  function headersSentBy(policy: Json): Record<string, string> {
    const headers: Record<string, string> = {};
    const security = policy['SecurityHeadersConfig'] ?? {};
    const hsts = security['StrictTransportSecurity'];
    if (hsts) headers['Strict-Transport-Security'] = `max-age=${hsts.AccessControlMaxAgeSec}${hsts.IncludeSubdomains ? '; includeSubDomains' : ''}${hsts.Preload ? '; preload' : ''}`;
    if (security['ContentTypeOptions']) headers['X-Content-Type-Options'] = 'nosniff';
    if (security['ReferrerPolicy']) headers['Referrer-Policy'] = security['ReferrerPolicy'].ReferrerPolicy;
    if (security['ContentSecurityPolicy']) headers['Content-Security-Policy'] = security['ContentSecurityPolicy'].ContentSecurityPolicy;
    for (const item of policy['CustomHeadersConfig']?.Items ?? []) headers[item.Header] = item.Value;
    const cors = policy['CorsConfig'];
    if (cors) headers['Access-Control-Allow-Origin'] = cors.AccessControlAllowOrigins.Items.join(', ');
    for (const entry of [...Object.values(security), ...(policy['CustomHeadersConfig']?.Items ?? []), ...(cors ? [cors] : [])]) {
      expect((entry as Json)['Override'] ?? (entry as Json)['OriginOverride'], 'the policy overrides what the origin sends').toBe(true);
    }
    return headers;
  }

  /** Each class with the behaviours that serve it (the default behaviour for the last class). */
  const behaviours: [PathClass, Json[]][] = PATH_CLASSES.map((c, i) =>
    i === PATH_CLASSES.length - 1 ? [c, [config['DefaultCacheBehavior']]] : [c, c.prefixes.map((p) => config['CacheBehaviors'].find((b: Json) => b.PathPattern === `${p}*`))],
  );

  it('parses, with its short-form functions', () => {
    expect(template['AWSTemplateFormatVersion']).toBe('2010-09-09');
    expect(config['Origins'][0].DomainName).toEqual({ 'Fn::GetAtt': ['SiteBucket', 'RegionalDomainName'] });
    expect(config['Aliases']).toEqual({ 'Fn::If': ['HasDomain', [{ Ref: 'DomainName' }], { Ref: 'AWS::NoValue' }] });
  });

  it('has a cache behaviour per prefix, in the definition order, and nothing else', () => {
    expect(config['CacheBehaviors'].map((b: Json) => b.PathPattern)).toEqual(PATH_CLASSES.flatMap((c) => c.prefixes.map((p) => `${p}*`)));
  });

  it("gives each class's behaviours a Response Headers Policy with exactly the definition's headers", () => {
    for (const [pathClass, list] of behaviours) {
      for (const behaviour of list) {
        const policy = resource(behaviour['ResponseHeadersPolicyId'], 'AWS::CloudFront::ResponseHeadersPolicy')['ResponseHeadersPolicyConfig'];
        expect(headersSentBy(policy), pathClass.id).toEqual(headersOf(pathClass));
      }
    }
  });

  it("gives each class's behaviours its edge lifetime, compression, and HTTPS", () => {
    for (const [pathClass, list] of behaviours) {
      for (const behaviour of list) {
        const policy = resource(behaviour['CachePolicyId'], 'AWS::CloudFront::CachePolicy')['CachePolicyConfig'];
        expect([policy.MinTTL, policy.DefaultTTL, policy.MaxTTL], pathClass.id).toEqual(Array(3).fill(pathClass.cache.edgeSeconds));
        expect(policy.Comment).toContain(pathClass.cache.cacheControl);
        expect(policy.ParametersInCacheKeyAndForwardedToOrigin).toMatchObject({ EnableAcceptEncodingGzip: true, EnableAcceptEncodingBrotli: true });
        expect(behaviour).toMatchObject({ Compress: true, ViewerProtocolPolicy: 'redirect-to-https', AllowedMethods: ['GET', 'HEAD'] });
      }
    }
  });

  it('runs the viewer-request function (deploy/aws/viewer-request.js) for pages only', () => {
    expect(config['DefaultCacheBehavior'].FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': ['ViewerRequestFunction', 'FunctionARN'] } }]);
    for (const behaviour of config['CacheBehaviors']) expect(behaviour.FunctionAssociations).toBeUndefined();
    const fn = resources['ViewerRequestFunction']!['Properties'];
    expect(fn.FunctionCode).toBe(readFileSync('deploy/aws/viewer-request.js', 'utf8'));
    expect(fn.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
  });

  it('keeps the bucket private: only this distribution reads it, through Origin Access Control', () => {
    const bucket = resources['SiteBucket']!['Properties'];
    expect(Object.values(bucket.PublicAccessBlockConfiguration)).toEqual([true, true, true, true]);
    const origin = config['Origins'][0];
    expect(origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': ['OriginAccessControl', 'Id'] });
    expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    expect(resources['OriginAccessControl']!['Properties'].OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' });
    const [read] = resources['SiteBucketPolicy']!['Properties'].PolicyDocument.Statement;
    expect(read).toMatchObject({ Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' });
    expect(read.Condition.StringEquals['AWS:SourceArn']['Fn::Sub']).toMatch(/:distribution\/\$\{Distribution\}$/);
  });

  it('answers a missing file with the 404 page and status 404', () => {
    expect(config['CustomErrorResponses']).toEqual(
      [403, 404].map((code) => expect.objectContaining({ ErrorCode: code, ResponseCode: 404, ResponsePagePath: NOT_FOUND_PAGE })),
    );
  });
});

describe('the CloudFront Function', () => {
  const handler = (uri: string, querystring: Json = {}) => {
    const context: Json = {};
    runInNewContext(readFileSync('deploy/aws/viewer-request.js', 'utf8'), context);
    return context['handler']({ request: { uri, querystring, headers: {} } });
  };

  it('answers /path/ with /path/index.html', () => {
    expect(handler('/').uri).toBe('/index.html');
    expect(handler('/services/occurrences/').uri).toBe('/services/occurrences/index.html');
  });

  it('redirects /path to /path/, keeping the query', () => {
    expect(handler('/errors')).toEqual({ statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: '/errors/' } } });
    const query = { q: { value: 'a%20b' }, tag: { value: 'x', multiValue: [{ value: 'x' }, { value: 'y' }] }, flag: { value: '' } };
    expect(handler('/services/occurrences', query).headers.location.value).toBe('/services/occurrences/?q=a%20b&tag=x&tag=y&flag');
  });

  it('leaves files alone', () => {
    for (const uri of ['/_astro/a.B1.js', '/openapi/alerts.yaml', '/llms.txt', '/favicon.svg']) expect(handler(uri).uri).toBe(uri);
  });
});

describe('deploy/aws/deploy.sh', () => {
  const work = mkdtempSync(join(tmpdir(), 'portal-deploy-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const dist = join(work, 'dist');
  const files = [
    'index.html',
    '404.html',
    'index.md',
    'llms.txt',
    'favicon.svg',
    'sitemap-index.xml',
    'odd.unknownext',
    '_headers',
    'errors/index.html',
    'services/occurrences/index.html',
    '_astro/page.B1x.js',
    '_astro/page.C2y.css',
    '_astro/font.D3z.woff2',
    'pagefind/pagefind.js',
    'pagefind/pagefind-entry.json',
    'pagefind/pagefind.en_1a.pf_meta',
    'pagefind/wasm.en.pagefind',
    'pagefind/fragment/en_2b.pf_fragment',
    'pagefind/index/en_3c.pf_index',
    'openapi/alerts.json',
    'openapi/alerts.yaml',
  ];
  for (const file of files) {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), file);
  }
  // An `aws` that records its arguments, one call per line.
  const bin = join(work, 'bin');
  const log = join(work, 'aws.log');
  mkdirSync(bin);
  writeFileSync(
    join(bin, 'aws'),
    `#!/usr/bin/env bash\n{ printf '%s\\x1f' "$@"; echo; } >> '${log}'\nif [ "$2" = create-invalidation ]; then echo I2INVALIDATION; fi\n`,
  );
  chmodSync(join(bin, 'aws'), 0o755);

  function deploy(env: Record<string, string> = {}, args = [dist, 'portal-bucket', 'E2DIST']) {
    rmSync(log, { force: true });
    const run = spawnSync('bash', ['deploy/aws/deploy.sh', ...args], { encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env['PATH']}`, ...env } });
    const calls = run.status === 0 ? readFileSync(log, 'utf8').trim().split('\n').map((l) => l.split('\x1f').slice(0, -1)) : [];
    return { ...run, calls };
  }

  const listFiles = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).map((f) => f.split('\\').join('/'));

  /** What `aws s3 sync` would upload, by key: its filters in order, the last match deciding. */
  function uploads(call: string[]) {
    const [, , source, target, ...options] = call;
    const prefix = target!.replace(/^s3:\/\/[^/]+\/?/, '');
    const filters: [boolean, RegExp][] = [];
    const meta: Record<string, string> = {};
    for (let i = 0; i < options.length; i++) {
      const option = options[i]!;
      if (option === '--include' || option === '--exclude') {
        const glob = options[++i]!.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
        filters.push([option === '--include', new RegExp(`^${glob}$`)]);
      } else if (option === '--cache-control' || option === '--content-type') meta[option.slice(2)] = options[++i]!;
    }
    return listFiles(source!)
      .filter((file) => filters.reduce((included, [include, glob]) => (glob.test(file) ? include : included), true))
      .map((file) => ({ key: prefix + file, ...meta }));
  }

  const published = deploy();

  it('uploads every file once, with its class\'s Cache-Control and its Content-Type, hashed files first', () => {
    const { status, stderr, calls } = published;
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const syncs = calls.filter((c) => c[1] === 'sync');
    const last = syncs.at(-1)!;
    expect(last).toContain('--delete');
    // Old files go only once the edge serves the new pages.
    expect(calls.slice(-3).map((c) => c.slice(0, 2).join(' '))).toEqual(['cloudfront create-invalidation', 'cloudfront wait', 's3 sync']);
    expect(calls.at(-2)).toEqual(['cloudfront', 'wait', 'invalidation-completed', '--distribution-id', 'E2DIST', '--id', 'I2INVALIDATION']);
    const uploaded = syncs.slice(0, -1).flatMap(uploads);
    const expected = files
      .filter((f) => !HOST_FILES.includes(f))
      .map((f) => {
        const type = CONTENT_TYPES[extensionOf(f)];
        return { key: f, 'cache-control': classOf(`/${f}`).cache.cacheControl, ...(type ? { 'content-type': type } : {}) };
      });
    expect([...uploaded].sort((a, b) => a.key.localeCompare(b.key))).toEqual(expected.sort((a, b) => a.key.localeCompare(b.key)));
    const firstOther = uploaded.findIndex((u) => classOf(`/${u.key}`).id !== 'hashed');
    expect(uploaded.slice(firstOther).filter((u) => classOf(`/${u.key}`).id === 'hashed')).toEqual([]);
    // The last sync deletes what the build no longer has, and never the host files' keys.
    expect(uploads(last).map((u) => u.key)).not.toContain('_headers');
  });

  it('invalidates what can change under its name, never the hashed files', () => {
    const { calls } = published;
    const invalidation = calls.find((c) => c[0] === 'cloudfront' && c[1] === 'create-invalidation')!;
    expect(invalidation.slice(0, 4)).toEqual(['cloudfront', 'create-invalidation', '--distribution-id', 'E2DIST']);
    const paths = invalidation.slice(invalidation.indexOf('--paths') + 1, invalidation.indexOf('--query'));
    expect(paths.sort()).toEqual(
      [
        '/openapi/*',
        '/404.html',
        '/errors/*',
        '/favicon.svg',
        '/index.html',
        '/index.md',
        '/llms.txt',
        '/odd.unknownext',
        '/pagefind/pagefind-entry.json',
        '/pagefind/pagefind.en_1a.pf_meta',
        '/pagefind/pagefind.js',
        '/pagefind/wasm.en.pagefind',
        '/services/*',
        '/sitemap-index.xml',
      ].sort(),
    );
    const covers = (path: string, file: string) => (path.endsWith('*') ? `/${file}`.startsWith(path.slice(0, -1)) : path === `/${file}`);
    for (const file of files.filter((f) => !HOST_FILES.includes(f))) {
      const hashed = classOf(`/${file}`).id === 'hashed';
      expect(paths.some((p) => covers(p, file)), file).toBe(!hashed);
    }
  });

  it('changes nothing on a dry run', { timeout: 20_000 }, () => {
    const { calls, stdout } = deploy({ DRY_RUN: '1' });
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c[0] === 's3' && c.includes('--dryrun'))).toBe(true);
    expect(stdout).toContain('(dry run) would invalidate on E2DIST: /openapi/*');
  });

  it('says what is wrong with its arguments', () => {
    expect(deploy({}, [dist]).stderr).toContain('usage: deploy/aws/deploy.sh <dist-dir> <bucket> <distribution-id>');
    const notBuilt = deploy({}, [work, 'b', 'd']);
    expect(notBuilt.status).toBe(2);
    expect(notBuilt.stderr).toContain(`"${work}" is not a built site (no index.html in it)`);
  });
});
