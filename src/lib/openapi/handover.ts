/**
 * How the build's OpenAPI check hands the documents it has parsed and checked to the pages.
 * Pages run in the same process as the check but from a separate bundle (their own copies of
 * every module), so the documents travel on `globalThis`, under one private key.
 */
import type { LoadedDocument } from './load.ts';

const KEY = Symbol.for('ala-portal:checked-openapi-documents');
type Holder = { [KEY]?: LoadedDocument[] };

export function handOverDocuments(documents: LoadedDocument[]): void {
  (globalThis as Holder)[KEY] = documents;
}

/** The documents the check handed over, or undefined outside a build (unit tests, scripts). */
export function handedOverDocuments(): LoadedDocument[] | undefined {
  return (globalThis as Holder)[KEY];
}
