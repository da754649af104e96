/**
 * The occurrence map's calls to the occurrences service: the count of the query's records and a
 * field's legend. Each takes `fetch` and an abort signal, so the page can cancel a stale call and
 * tests can answer it; an aborted call rejects, everything else is a result.
 */
import { countUrl, fieldLegendUrl } from './requests.ts';
import { fieldLegend, readCount, type CountResult, type FieldLegend } from './results.ts';
import type { MapQuery } from './state.ts';

export interface CallOptions {
  fetch: typeof fetch;
  signal: AbortSignal;
}

/** The number of records of a query, or why there is none (rejected, unreachable). */
export async function fetchCount(api: string, query: MapQuery, { fetch, signal }: CallOptions): Promise<CountResult> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(countUrl(api, query), { signal, headers: { accept: 'application/json' } });
    text = await response.text();
  } catch (error) {
    if (signal.aborted) throw error;
    return { kind: 'unreachable' };
  }
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text, it may say what went wrong
  }
  return readCount(response.status, body);
}

/** The colours of a field's values; undefined when the service gave none, 'unreachable' when it could not be asked. */
export async function fetchFieldLegend(api: string, query: MapQuery, field: string, { fetch, signal }: CallOptions): Promise<FieldLegend | undefined | 'unreachable'> {
  try {
    const response = await fetch(fieldLegendUrl(api, query, field), { signal, headers: { accept: 'application/json' } });
    return response.ok ? fieldLegend(await response.json()) : undefined;
  } catch (error) {
    if (signal.aborted) throw error;
    return 'unreachable';
  }
}
