/**
 * Every operation's Shell, Python and R samples, as the sandbox build shows them (its Markdown twins
 * hold the page's code), run against the loopback API the build points at: each must send the
 * documented request — method, path, query and body (JSON compared as values, form fields as pairs,
 * multipart by its field names) — so all three languages send the same one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { markdownPath } from '../../src/config/routes.ts';
import { isServiceId } from '../../src/config/services.ts';
import type { SampleLanguage } from '../../src/lib/samples/languages.ts';
import { valueTexts } from '../../src/lib/samples/sample-request.ts';
import type { OperationModel } from '../../src/lib/reference-model/operation-model.ts';
import { receivedBy, type ReceivedRequest } from '../support/api-server.ts';
import { documentsIn } from '../support/documents.ts';
import { runSamples, twinSamples } from '../support/sample-runner.ts';
import { sandboxApi as api } from '../support/sites.ts';

const services = [...(await documentsIn('openapi', { ALA_API_BASE: api })).values()].filter((s) => isServiceId(s.id));
const operations = services.flatMap((s) => s.operations);
const twin = (op: OperationModel) => readFileSync(join('dist-sandbox', markdownPath(op.href)), 'utf8');

/** Who sent a request: each language's HTTP library says so in its User-Agent. */
const SENDER: Record<SampleLanguage, RegExp> = { shell: /^curl\//, python: /^python-requests\//, r: /httr2/ };
/** What the loopback API has received from a language's samples so far. */
const sentBy = async (language: SampleLanguage) => (await receivedBy(api)).filter((r) => SENDER[language].test(String(r.headers['user-agent'])));

/** A body as compared: JSON parsed, form fields sorted, multipart by its field names. */
function bodyOf(mediaType: string, text: string): unknown {
  if (/json/i.test(mediaType)) return text ? (JSON.parse(text) as unknown) : undefined;
  if (/x-www-form-urlencoded/i.test(mediaType)) return [...new URLSearchParams(text)].map(([k, v]) => `${k}=${v}`).sort();
  if (/multipart\/form-data/i.test(mediaType)) return [...text.matchAll(/name="([^"]+)"/g)].map((m) => m[1]).sort();
  return text;
}

/** The request the page documents for an operation, as the API should see it. */
function documented(op: OperationModel) {
  const url = new URL(op.sample.url);
  const query = op.sample.parameters.filter((p) => p.in === 'query').flatMap((p) => valueTexts(p.value).map((v) => `${p.name}=${v}`));
  const body = op.sample.body;
  const text = body?.value === undefined ? '' : typeof body.value === 'string' ? body.value : JSON.stringify(body.value);
  const form = body && typeof body.value === 'object' && !/json/i.test(body.mediaType) ? Object.entries(body.value ?? {}).flatMap(([k, v]) => valueTexts(v).map((x) => `${k}=${x}`)) : undefined;
  return {
    origin: url.origin,
    method: op.method,
    path: url.pathname,
    query: query.sort(),
    body: !body ? undefined : /multipart/i.test(body.mediaType) ? Object.keys(body.value ?? {}).sort() : form ? form.sort() : bodyOf(body.mediaType, text),
  };
}

function seen(request: ReceivedRequest, mediaType: string | undefined) {
  const url = new URL(request.url, api);
  return {
    method: request.method,
    path: url.pathname,
    query: [...url.searchParams].map(([k, v]) => `${k}=${v}`).sort(),
    body: mediaType ? bodyOf(mediaType, request.body) : undefined,
  };
}

test.describe.configure({ timeout: 240_000 });

for (const language of ['shell', 'python', 'r'] as const) {
  test(`every ${language} sample sends the documented request to the build's API, and only there`, async () => {
    const samples = operations.map((op) => twinSamples(twin(op))[language]);
    expect(samples.filter((code) => !code), 'every operation has a sample').toEqual([]);
    for (const op of operations) expect(documented(op).origin, `${op.operationId} is sent to the loopback API`).toBe(api);
    const from = (await sentBy(language)).length;

    const started = Date.now();
    const results = await runSamples(language, samples);
    test.info().annotations.push({ type: 'time', description: `${operations.length} ${language} samples in ${((Date.now() - started) / 1000).toFixed(1)} s` });
    const failed = results.flatMap((r, i) => (r.ok ? [] : [`${operations[i]!.serviceId}/${operations[i]!.operationId}: ${r.error}`]));
    expect(failed, 'samples that did not run').toEqual([]);

    const received = (await sentBy(language)).slice(from);
    expect(received.length, 'one request per sample').toBe(operations.length);
    const mismatches = operations.flatMap((op, i) => {
      const { origin: _, ...want } = documented(op);
      const got = seen(received[i]!, op.sample.body?.mediaType);
      // A generated date-time example is the time the model was built: the build's and this test's differ.
      const same = (a: unknown) => JSON.stringify(a).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<now>');
      return same(got) === same(want) ? [] : [`${op.serviceId}/${op.operationId}: sent ${JSON.stringify(got)}, documented ${JSON.stringify(want)}`];
    });
    expect(mismatches).toEqual([]);
  });
}
