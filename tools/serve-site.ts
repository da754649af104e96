/**
 * The project's own server for a built site (`npm run preview`, `npm start`, the browser tests
 * and the benchmark): serves a folder on loopback with directory indexes, the site's 404 page,
 * gzip for text, and the content types of the hosting definition (deploy/hosting.ts) —
 * `text/markdown; charset=utf-8` for the Markdown twins, for one. The production server rules
 * themselves are tested on nginx (tests/e2e/hosting-*.spec.ts).
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import { COMPRESSED_TYPES, NOT_FOUND_PAGE } from '../deploy/hosting.ts';
import { contentTypeOf, mediaType } from '../deploy/render/classes.ts';

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
      const notFound = await resolveFile(base, NOT_FOUND_PAGE);
      res.writeHead(404, { 'content-type': contentTypeOf(NOT_FOUND_PAGE) });
      if (notFound) createReadStream(notFound).pipe(res);
      else res.end('Not found');
      return;
    }
    const type = contentTypeOf(file);
    if (COMPRESSED_TYPES.includes(mediaType(type)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
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

// `node tools/serve-site.ts <dir> [port]`: serve a built site from the command line.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '4321'] = process.argv.slice(2);
  const running = await serveDirectory(dir, Number(port));
  console.log(`Serving ${dir} at ${running.url}/`);
}
