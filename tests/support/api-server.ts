/**
 * A real HTTP API on loopback for try-it tests: records every request it receives and answers
 * JSON, with the CORS headers a browser console needs (like ALA's gateway does). The tests'
 * global setup runs one for the whole run; tests read what it received from `GET /__received`.
 * It also serves the occurrence map (mapAnswer): base-map tiles, WMS images, legends, counts.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ApiServer {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startApiServer(port: number, host = '127.0.0.1'): Promise<ApiServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const cors = {
        'access-control-allow-origin': req.headers.origin ?? '*',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
        'access-control-max-age': '0',
      };
      if (req.url === '/__received') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(received));
        return;
      }
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors).end();
        return;
      }
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const map = mapAnswer(req.url ?? '/');
      if (map === 'drop') {
        req.socket.destroy();
        return;
      }
      if (map) {
        res.writeHead(map.status, { ...cors, 'content-type': map.type }).end(map.body);
        return;
      }
      const payload = { served: 'loopback test API', method: req.method, path: req.url, totalRecords: 4242 };
      res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${actual}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Queries the map answers specially: the service refuses them, drops the connection, or finds nothing. */
export const MAP_TEST_QUERIES = { rejected: 'test:rejected', unreachable: 'test:unreachable', none: 'test:none' } as const;

/** The base-map tile template of a build whose tiles come from this server (ALA_TILE_URL). */
export const tileTemplate = (apiUrl: string) => `${apiUrl}/osm/{z}/{x}/{y}.png`;

type Rgba = readonly [number, number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG of `width` × `height` pixels filled with `background`, with a centred square of `square`. */
export function png(width: number, height: number, background: Rgba, square?: { size: number; colour: Rgba }): Buffer {
  const half = (square?.size ?? 0) / 2;
  const inside = (at: number, length: number) => Math.abs(at + 0.5 - length / 2) < half;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 4); // each row starts with filter type 0
    for (let x = 0; x < width; x++) row.set(square && inside(x, width) && inside(y, height) ? square.colour : background, 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The point colour of a WMS `ENV` (`…;color:rrggbb;…`), if it names one. */
function envColour(env: string | null): Rgba {
  const hex = /(?:^|;)color:([0-9a-fA-F]{6})(?:;|$)/.exec(env ?? '')?.[1] ?? 'cd3844';
  const [r = 0, g = 0, b = 0] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return [r, g, b, 255];
}

const PNG = 'image/png';
const JSON_TYPE = 'application/json';
const baseTile = png(256, 256, [232, 236, 228, 255]);

/**
 * The occurrence map's requests: `/osm/…` tiles, and under any service prefix the WMS
 * (`/mapping/wms/reflect`), the legends and the count search. Undefined for every other path,
 * which keeps the JSON echo; 'drop' for a query that plays an unreachable service.
 */
export function mapAnswer(url: string): { status: number; type: string; body: Buffer | string } | 'drop' | undefined {
  const { pathname, searchParams } = new URL(url, 'http://loopback');
  if (/^\/osm\/\d+\/\d+\/\d+\.png$/.test(pathname)) return { status: 200, type: PNG, body: baseTile };
  const isWms = pathname.endsWith('/mapping/wms/reflect');
  const isCount = pathname.endsWith('/occurrences/search') && searchParams.get('pageSize') === '0';
  if (!isWms && !isCount && !pathname.endsWith('/ogc/legendGraphic') && !pathname.endsWith('/mapping/legend')) return undefined;
  const q = searchParams.get('q') ?? '';
  if (q === MAP_TEST_QUERIES.unreachable && (isWms || isCount)) return 'drop';
  if (q === MAP_TEST_QUERIES.rejected && isWms) return { status: 400, type: 'text/plain', body: 'Cannot parse query: test:rejected' };
  if (q === MAP_TEST_QUERIES.rejected && isCount) return { status: 400, type: JSON_TYPE, body: JSON.stringify({ message: 'Cannot parse query: test:rejected' }) };
  if (isCount) return { status: 200, type: JSON_TYPE, body: JSON.stringify({ totalRecords: q === MAP_TEST_QUERIES.none ? 0 : 4242, pageSize: 0, occurrences: [] }) };
  const colour = envColour(searchParams.get('ENV'));
  if (isWms) return { status: 200, type: PNG, body: png(256, 256, [0, 0, 0, 0], { size: 24, colour }) };
  if (pathname.endsWith('/ogc/legendGraphic')) return { status: 200, type: PNG, body: png(30, 20, [0, 0, 0, 0], { size: 12, colour }) };
  const legend = ['HUMAN_OBSERVATION', 'PRESERVED_SPECIMEN', 'MACHINE_OBSERVATION'].map((name, i) => ({ name, count: 3000 - i * 1000, red: 200 - i * 80, green: 60 + i * 70, blue: 40 + i * 90 }));
  return { status: 200, type: JSON_TYPE, body: JSON.stringify(legend) };
}

/** What the run's loopback API has received so far (read over HTTP, from any test worker). */
export async function receivedBy(apiUrl: string): Promise<ReceivedRequest[]> {
  const response = await fetch(`${apiUrl}/__received`);
  return (await response.json()) as ReceivedRequest[];
}
