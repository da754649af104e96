/**
 * The guides' samples run as written — curl and jq, Python with requests, R with httr2 — against a
 * real OpenID provider and a loopback API: discovery, client credentials and the calls that follow,
 * a bearer call, and the open count. The authorization code and implicit samples need a person to
 * sign in in a browser, so they are not run here (the token helper's browser tests run that flow);
 * of the occurrence map's code, the Shell sample runs (Python's folium and R's leaflet draw a map
 * in a browser, and are checked for syntax in occurrence-map.test.ts).
 * And the generator's guard is shown to matter: snippetz's raw R for a repeated parameter fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { rHttr2 } from '@scalar/snippetz/plugins/r/httr2';
import { resolveEnvironment } from '../../src/config/resolve-environment.ts';
import type { Environment } from '../../src/config/environments.ts';
import { bearerSamples, clientCredentialsSamples, discoverySamples, openAccessSamples } from '../../src/lib/samples/guide-samples.ts';
import { mapSamples } from '../../src/lib/occurrence-map/map-code.ts';
import { SAMPLE_IMAGE } from '../../src/lib/occurrence-map/requests.ts';
import { DEFAULT_STATE } from '../../src/lib/occurrence-map/state.ts';
import { SAMPLE_LANGUAGES, type SampleLanguage, type SampleSet } from '../../src/lib/samples/languages.ts';
import { requestSamples } from '../../src/lib/samples/request-samples.ts';
import { sampleRequest } from '../../src/lib/samples/sample-request.ts';
import { startApiServer, type ApiServer, type ReceivedRequest } from '../support/api-server.ts';
import { startProvider, type RunningProvider } from '../support/oidc-provider.ts';
import { CREDENTIALS, runSamples, type SampleRun } from '../support/sample-runner.ts';

const LANGUAGES = SAMPLE_LANGUAGES.map((l) => l.key);
const MACHINE = { clientId: 'your-client-id', clientSecret: 'guide-test-secret' };
let api: ApiServer;
let provider: RunningProvider;
let env: Environment;

beforeAll(async () => {
  api = await startApiServer(0);
  provider = await startProvider({ port: 4700 + Math.floor(Math.random() * 200), style: 'ala', clientId: 'helper', redirectUri: 'http://127.0.0.1/cb', siteOrigin: 'http://127.0.0.1', machineClient: MACHINE });
  const base = resolveEnvironment({ ALA_API_BASE: api.url });
  const discovery = (await (await fetch(provider.discoveryUrl)).json()) as { authorization_endpoint: string; token_endpoint: string };
  env = { ...base, oidc: { discovery: provider.discoveryUrl, issuer: provider.issuer, authorize: discovery.authorization_endpoint, token: discovery.token_endpoint } };
  process.env['ALA_CLIENT_SECRET'] = MACHINE.clientSecret;
});

afterAll(async () => {
  await api?.close();
  await provider?.close();
});

/** Runs one group of samples in every language: how each ran, and what it sent. */
async function runAll(samples: SampleSet): Promise<Record<SampleLanguage, { result: SampleRun; sent: ReceivedRequest[] }>> {
  const runs = {} as Record<SampleLanguage, { result: SampleRun; sent: ReceivedRequest[] }>;
  for (const language of LANGUAGES) {
    const from = api.received.length;
    const [result] = await runSamples(language, [samples[language]]);
    runs[language] = { result: result!, sent: api.received.slice(from) };
  }
  return runs;
}

describe('guide samples', () => {
  it('discovery: every language reads the provider\'s metadata', async () => {
    for (const [language, { result }] of Object.entries(await runAll(discoverySamples(env)))) expect(result, language).toEqual({ ok: true });
  });

  it('client credentials: every language gets a token with the secret from ALA_CLIENT_SECRET, and calls the API with it', async () => {
    for (const [language, { result, sent }] of Object.entries(await runAll(clientCredentialsSamples(env)))) {
      expect(result, language).toEqual({ ok: true });
      expect(sent.map((r) => r.url), language).toEqual(['/userdetails/userDetails/search?q=smith']);
      expect(sent[0]!.headers.authorization, language).toMatch(/^Bearer \S{20,}$/);
    }
  });

  it('a bearer call sends the token from ACCESS_TOKEN', async () => {
    for (const [language, { result, sent }] of Object.entries(await runAll(bearerSamples(env)))) {
      expect(result, language).toEqual({ ok: true });
      expect(sent.map((r) => [r.url, r.headers.authorization]), language).toEqual([['/userdetails/userDetails/search?q=smith', `Bearer ${CREDENTIALS.ACCESS_TOKEN}`]]);
    }
  });

  it('the open count sends the same query in every language, without credentials', async () => {
    const runs = await runAll(openAccessSamples(env));
    const queries = LANGUAGES.map((language) => {
      expect(runs[language].result, language).toEqual({ ok: true });
      expect(runs[language].sent[0]?.headers.authorization, language).toBeUndefined();
      return [...new URL(runs[language].sent[0]!.url, api.url).searchParams].sort();
    });
    expect(queries[1]).toEqual(queries[0]);
    expect(queries[2]).toEqual(queries[0]);
  });
});

describe('the occurrence map example', () => {
  it('its Shell sample fetches the map image from the environment\'s occurrences service', async () => {
    const code = mapSamples({ api: env.services.occurrences.api, tiles: env.tiles, query: DEFAULT_STATE, style: DEFAULT_STATE, view: DEFAULT_STATE.view, image: SAMPLE_IMAGE }).shell;
    const from = api.received.length;
    expect(await runSamples('shell', [code])).toEqual([{ ok: true }]);
    const sent = new URL(api.received[from]!.url, api.url);
    expect(sent.pathname).toBe('/occurrences/mapping/wms/reflect');
    expect(sent.searchParams.get('REQUEST')).toBe('GetMap');
    expect(sent.searchParams.get('q')).toBe(DEFAULT_STATE.q);
  });
});

describe('the sample generator', () => {
  const sample = sampleRequest({
    method: 'GET',
    url: 'http://127.0.0.1:1/species/search',
    parameters: [{ name: 'fq', in: 'query', required: false, value: ['idxtype:TAXON', 'rank:species'] }],
    access: { kind: 'public', scopes: [], tokenSchemes: [], apiKeys: [] },
  });

  it('writes an R repeated parameter that httr2 accepts; snippetz\'s own form fails, so the test can fail', async () => {
    const withUrl = (code: string) => code.replace('http://127.0.0.1:1', api.url);
    const raw = rHttr2.generate({ method: 'GET', url: sample.url, queryString: [{ name: 'fq', value: 'idxtype:TAXON' }, { name: 'fq', value: 'rank:species' }], headers: [], cookies: [] }) ?? '';
    const [broken, fixed] = await runSamples('r', [withUrl(raw), withUrl(requestSamples(sample).r)]);
    expect(broken!.ok).toBe(false);
    expect(broken!.error).toMatch(/length 1|vector/i);
    expect(fixed).toEqual({ ok: true });
    expect(api.received.at(-1)?.url).toBe('/species/search?fq=idxtype%3ATAXON&fq=rank%3Aspecies');
  });
});
