/**
 * A loopback ALA API gateway built from the project's own OpenAPI documents, for the recipe tests
 * (`npm run verify:live -- --base <its URL>` runs against it too). One Stoplight Prism mock server
 * per document (Prism serves one document per process: it answers with the document's examples
 * and refuses a request that does not fit the document, 422), behind one gateway that routes by
 * the service's gateway path, as ALA's does (`/occurrences/…` → the occurrences document's Prism,
 * without the prefix).
 *
 * What Prism cannot do, the gateway does itself:
 *  - links in answers: Prism serves the examples as written, so a `statusUrl` points at the
 *    production gateway. The gateway rewrites production URLs in every answer to itself, so a
 *    workflow that follows a link it was given (an offline download's status URL) stays on loopback;
 *  - files that no document describes (the zip a finished download points to, on another host):
 *    `/__files/<host>/<path>` answers with a small zip file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { environments } from '../../src/config/environments.ts';
import { isServiceId } from '../../src/config/services.ts';

const PRISM = resolve('node_modules/@stoplight/prism-cli/dist/index.js');
const PRODUCTION_GATEWAY = environments.production.apiBase;
/** Other ALA hosts an answer may link to (download servers, the services' own hosts). */
const ALA_HOST = /https:\/\/((?:[a-z0-9-]+\.)*ala\.org\.au)/g;

export interface GatewayOptions {
  /** The gateway's port; each Prism takes the next one. */
  port: number;
  /** Service ids whose `openapi/<id>.yaml` the gateway serves (their gateway paths route to them). */
  services: string[];
  /** The folder of the documents (default `openapi`). */
  dir?: string;
}

export interface LoopbackGateway {
  /** The gateway's origin, e.g. `http://127.0.0.1:4440`. */
  url: string;
  /** Where a service is on this gateway: its production gateway URL moved to the loopback origin. */
  serviceUrl(id: string): string;
  /** What Prism wrote, for a failing test's message. */
  logs(): string;
  close(): Promise<void>;
}

/** An empty zip archive (its end-of-directory record alone): what `/__files/…` answers. */
const SAMPLE_ZIP = Buffer.from(`504b0506${'00'.repeat(18)}`, 'hex');

function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((done, fail) => {
    const attempt = () => {
      if (child.exitCode !== null) return fail(new Error(`Prism on port ${port} exited with ${child.exitCode}`));
      const probe = request({ host: '127.0.0.1', port, path: '/__ready', method: 'GET' }, (res) => {
        res.resume();
        done();
      });
      probe.on('error', () => (Date.now() > deadline ? fail(new Error(`Prism on port ${port} did not start in ${timeoutMs} ms`)) : setTimeout(attempt, 150)));
      probe.end();
    };
    attempt();
  });
}

const gatewayPath = (id: string) => (isServiceId(id) ? new URL(environments.production.services[id].api).pathname.replace(/\/$/, '') : `/${id}`);

export async function startLoopbackGateway(options: GatewayOptions): Promise<LoopbackGateway> {
  const origin = `http://127.0.0.1:${options.port}`;
  const output: string[] = [];
  const children: ChildProcess[] = [];
  const routes: { prefix: string; port: number }[] = [];
  options.services.forEach((id, i) => {
    const port = options.port + 1 + i;
    const child = spawn(process.execPath, [PRISM, 'mock', resolve(options.dir ?? 'openapi', `${id}.yaml`), '-h', '127.0.0.1', '-p', String(port), '--errors'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => output.push(`[${id}] ${chunk.toString('utf8')}`);
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    children.push(child);
    routes.push({ prefix: gatewayPath(id), port });
  });
  // Longest prefix first: the galah document's root path must not capture the others.
  routes.sort((a, b) => b.prefix.length - a.prefix.length);

  const rewrite = (text: string) =>
    text.replaceAll(PRODUCTION_GATEWAY, origin).replace(ALA_HOST, (_whole, host: string) => `${origin}/__files/${host}`);

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (url.startsWith('/__files/')) {
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': SAMPLE_ZIP.length }).end(SAMPLE_ZIP);
      return;
    }
    const route = routes.find((r) => url === r.prefix || url.startsWith(`${r.prefix}/`) || url.startsWith(`${r.prefix}?`) || r.prefix === '');
    if (!route) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `no service at ${url}` }));
      return;
    }
    const upstream = request(
      { host: '127.0.0.1', port: route.port, method: req.method, path: url.slice(route.prefix.length) || '/', headers: { ...req.headers, host: `127.0.0.1:${route.port}` } },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const type = String(answer.headers['content-type'] ?? '');
          let body = Buffer.concat(chunks);
          if (/json|text|xml/.test(type)) body = Buffer.from(rewrite(body.toString('utf8')), 'utf8');
          const headers = { ...answer.headers, 'content-length': String(body.length) };
          delete headers['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, headers).end(body);
        });
      },
    );
    upstream.on('error', (error) => res.writeHead(502, { 'content-type': 'text/plain' }).end(`gateway: ${error.message}`));
    req.pipe(upstream);
  });

  try {
    await Promise.all(children.map((child, i) => waitForPort(options.port + 1 + i, child, 60_000)));
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(options.port, '127.0.0.1', done);
    });
  } catch (error) {
    for (const child of children) child.kill();
    throw new Error(`${(error as Error).message}\n${output.join('')}`);
  }

  return {
    url: origin,
    serviceUrl: (id) => origin + gatewayPath(id),
    logs: () => output.join(''),
    close: async () => {
      await Promise.all(
        children.map((child) => (child.exitCode !== null ? undefined : new Promise<void>((done) => child.once('exit', () => done()).kill()))),
      );
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
