/**
 * A real HTTP API on loopback for try-it tests: records every request it receives and answers
 * JSON, with the CORS headers a browser console needs (like ALA's gateway does). The tests'
 * global setup runs one for the whole run; tests read what it received from `GET /__received`.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

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

/** What the run's loopback API has received so far (read over HTTP, from any test worker). */
export async function receivedBy(apiUrl: string): Promise<ReceivedRequest[]> {
  const response = await fetch(`${apiUrl}/__received`);
  return (await response.json()) as ReceivedRequest[];
}
