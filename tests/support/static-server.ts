/**
 * A small real HTTP server for a built site: serves files from a folder on loopback, with
 * directory indexes, the site's own 404 page, and gzip for text (as any production static host
 * does). Used by the browser tests and the benchmark.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  for (const candidate of [path, join(path, 'index.html')]) {
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

const COMPRESSIBLE = /\.(html|js|mjs|css|json|yaml|svg|xml|txt|md)$/;
const gzipped = new Map<string, { mtime: number; body: Buffer }>();

/** The gzip body of a text file, compressed once per version of the file. */
async function gzipOf(file: string): Promise<Buffer> {
  const { mtimeMs } = await stat(file);
  const cached = gzipped.get(file);
  if (cached?.mtime === mtimeMs) return cached.body;
  const body = gzipSync(await readFile(file));
  gzipped.set(file, { mtime: mtimeMs, body });
  return body;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function serveDirectory(root: string, port = 0, host = '127.0.0.1'): Promise<RunningServer> {
  const base = normalize(root);
  const server: Server = createServer(async (req, res) => {
    if (req.url === '/__health') {
      res.writeHead(204).end();
      return;
    }
    const file = await resolveFile(base, req.url ?? '/');
    if (!file) {
      const notFound = await resolveFile(base, '/404.html');
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      if (notFound) createReadStream(notFound).pipe(res);
      else res.end('Not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (COMPRESSIBLE.test(file) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const body = await gzipOf(file);
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': body.byteLength, vary: 'accept-encoding' });
      res.end(body);
      return;
    }
    res.writeHead(200, { 'content-type': type });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${actual}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// `node tests/support/static-server.ts <dir> [port]`: serve a built site from the command line.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '4321'] = process.argv.slice(2);
  const running = await serveDirectory(dir, Number(port));
  console.log(`Serving ${dir} at ${running.url}/`);
}
