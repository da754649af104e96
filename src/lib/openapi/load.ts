/**
 * Loads OpenAPI documents for a build: parse with positions, stop on what makes a document
 * unusable, warn on schema violations, and make the environment's copy of each.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Environment } from '../../config/environments.ts';
import { isServiceId } from '../../config/services.ts';
import { documentForEnvironment } from './environment.ts';
import type { Json } from './json.ts';
import { OpenApiBuildError, type Problem } from './problems.ts';
import { checkSchema } from './schema-check.ts';
import { DOCUMENT_PATTERN, documentId } from './slug.ts';
import { parseSource } from './source.ts';
import { checkOperationIds, checkRefs, checkVersion } from './structure.ts';

export { documentId } from './slug.ts';

export interface LoadedDocument {
  /** The service id: the file name without its extension. */
  id: string;
  /** Path from the project root, e.g. `openapi/species.yaml`. */
  file: string;
  /** The document as published for the environment (servers and sign-in URLs rewritten). */
  document: Json;
}

export interface LoadResult {
  documents: LoadedDocument[];
  problems: Problem[];
}

/** The document files directly in `dir`, by name; never what is in its folders (`openapi/baseline/` holds the changelog's baselines). */
export async function findDocuments(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && DOCUMENT_PATTERN.test(e.name)).map((e) => e.name).sort();
}

export interface LoadOptions {
  /** Check against the OpenAPI schema: warnings only, and the slowest step (unit tests skip it). */
  schemaWarnings?: boolean;
}

export async function loadDocument(
  path: string,
  env: Environment,
  root = process.cwd(),
  { schemaWarnings = true }: LoadOptions = {},
): Promise<{ document?: LoadedDocument; problems: Problem[] }> {
  const file = relative(root, path).split('\\').join('/');
  const text = await readFile(path, 'utf8');
  const parsed = parseSource(file, text);
  if (!parsed.source) return { problems: parsed.problems };
  const source = parsed.source;
  const fatal = checkVersion(source);
  if (fatal.length) return { problems: fatal };
  fatal.push(...checkRefs(source), ...checkOperationIds(source));
  if (fatal.length) return { problems: fatal };
  const warnings = schemaWarnings ? await checkSchema(source, text) : [];
  const id = documentId(path.split('/').pop() ?? file);
  const serviceApi = isServiceId(id) ? env.services[id].api : undefined;
  const document = documentForEnvironment(source.value as Json, env, serviceApi);
  return { document: { id, file, document }, problems: warnings };
}

/** Loads every document of a folder; problems of all files are collected before deciding. */
export async function loadDocuments(dir: string, env: Environment, root = process.cwd(), options: LoadOptions = {}): Promise<LoadResult> {
  const files = await findDocuments(dir);
  const results = await Promise.all(files.map((name) => loadDocument(join(dir, name), env, root, options)));
  const problems = results.flatMap((r) => r.problems);
  const byId = new Map<string, string>();
  for (const name of files) {
    const first = byId.get(documentId(name));
    if (first) {
      problems.push({
        file: relative(root, join(dir, name)),
        position: { line: 1, col: 1 },
        message: `same service id "${documentId(name)}" as ${first}: rename one of them`,
        severity: 'error',
      });
    } else byId.set(documentId(name), relative(root, join(dir, name)));
  }
  return { documents: results.flatMap((r) => (r.document ? [r.document] : [])), problems };
}

/** Throws an OpenApiBuildError listing every error when any document is unusable. */
export function assertUsable(result: LoadResult): LoadedDocument[] {
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new OpenApiBuildError(errors);
  return result.documents;
}
