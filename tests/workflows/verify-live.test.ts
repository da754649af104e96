/**
 * `npm run verify:live` against loopback: a server that answers every request with
 * `{"wrong":true}` (real requests are sent; the report names the failing operations; the exit code
 * says so), and a closed port (a clear message, a non-zero exit, within a minute).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../src/lib/verify/report.ts';
import { VERIFY_PORTS } from '../support/sites.ts';

const work = mkdtempSync(join(tmpdir(), 'verify-live-test-'));
let wrong: Server;
const received: string[] = [];

function verifyLive(args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((done) => {
    execFile(process.execPath, ['tools/verify-live.ts', ...args], { timeout: 120_000 }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr, ms: Date.now() - started });
    });
  });
}

beforeAll(async () => {
  wrong = createServer((req, res) => {
    received.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"wrong":true}');
  });
  await new Promise<void>((done) => wrong.listen(VERIFY_PORTS.wrong, '127.0.0.1', done));
});

afterAll(async () => {
  await new Promise<void>((done) => wrong.close(() => done()));
  rmSync(work, { recursive: true, force: true });
});

describe('verify:live', () => {
  it('catches an API that answers wrongly: real requests, the failing operations named, a non-zero exit', async () => {
    const out = join(work, 'wrong');
    const result = await verifyLive(['--base', `http://127.0.0.1:${VERIFY_PORTS.wrong}`, '--only', 'namematching,spatial', '--out', out]);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    // The documented example requests reached the server, on the services' gateway paths.
    expect(received).toContain('GET /namematching/api/search?q=Osphranter%20rufus');
    expect(received.some((r) => r.startsWith('GET /spatial/fields?q=precipitation'))).toBe(true);

    const report = JSON.parse(readFileSync(join(out, 'verify-live.json'), 'utf8')) as VerifyReport;
    expect(report.gateway).toBe(`http://127.0.0.1:${VERIFY_PORTS.wrong}`);
    expect(report.totals.failed).toBeGreaterThan(10);
    const names = report.services.find((s) => s.id === 'namematching')!;
    const matchName = names.operations.find((o) => o.operationId === 'matchName')!;
    expect(matchName).toMatchObject({ outcome: 'failed', status: 200, request: `GET http://127.0.0.1:${VERIFY_PORTS.wrong}/namematching/api/search?q=Osphranter%20rufus` });
    expect(matchName.detail).toContain('"wrong"');
    // The one recipe that calls only those services ran, and failed at its first step.
    const recipe = report.recipes.find((r) => r.name === 'layer-values')!;
    expect(recipe.outcome).toBe('failed');
    expect(recipe.steps[0]).toMatchObject({ stepId: 'findLayer', outcome: 'failed' });

    const summary = readFileSync(join(out, 'verify-live.md'), 'utf8');
    expect(summary).toContain('**MISMATCH**');
    expect(summary).toMatch(/- FAILED matchName \(HTTP 200\): /);
    expect(result.stdout).toContain('FAILED namematching matchName');
    // Polite: never more than five requests started in a second (spread over the run's time).
    const seconds = (Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000;
    expect(report.requests).toBeLessThanOrEqual(5 * seconds + 5);
  });

  it('ends at once with a clear message when the gateway cannot be reached', async () => {
    const out = join(work, 'closed');
    const result = await verifyLive(['--base', `http://127.0.0.1:${VERIFY_PORTS.closed}`, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot reach the API gateway at http://127.0.0.1:${VERIFY_PORTS.closed}: connect ECONNREFUSED`);
    expect(result.stderr).toContain('Nothing was checked.');
    expect(result.ms).toBeLessThan(60_000);
    const report = JSON.parse(readFileSync(join(out, 'verify-live.json'), 'utf8')) as VerifyReport;
    expect(report.stopped).toMatch(/^cannot reach the API gateway/);
    expect(report.requests).toBe(0);
  });

  it('says what is wrong with its command line', async () => {
    const result = await verifyLive(['--base', 'ftp://example.org']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('verify:live: --base="ftp://example.org" must use http or https.');
  });
});
