/**
 * The `openapi` content collection's loader: reads every document of the folder once per build
 * (./load.ts), prints each problem as `openapi/<file>:<line>:<col> <message>`, and stores each
 * usable document as published for the environment. A document that cannot be used stops the
 * build before anything is written. In `npm run dev` it watches the folder: an edited document
 * is loaded again and its pages follow; a broken edit is reported and the last good copy stays.
 * Only files directly in the folder are documents: the changelog's baselines in `openapi/baseline/`
 * are neither read nor watched as such.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { basename, resolve } from 'node:path';
import type { Environment } from '../../config/environments.ts';
import { loadDocument, loadDocuments, type LoadedDocument } from './load.ts';
import { formatProblem, type Problem } from './problems.ts';
import { DOCUMENT_PATTERN, documentId } from './slug.ts';
import { countOperations } from './walk.ts';

export interface OpenApiEntry {
  /** Path from the project root, e.g. `openapi/species.yaml`. */
  file: string;
  document: Record<string, unknown>;
}

/** Prints the problems; true when none of them is an error. */
function report(problems: readonly Problem[], logger: LoaderContext['logger']): boolean {
  const errors = problems.filter((p) => p.severity === 'error');
  for (const warning of problems.filter((p) => p.severity === 'warning')) logger.warn(formatProblem(warning));
  for (const error of errors) logger.error(formatProblem(error));
  return errors.length === 0;
}

export function openapiLoader(options: { dir: string; env: Environment }): Loader {
  const dir = resolve(options.dir);
  return {
    name: 'ala-openapi',
    load: async ({ store, logger, parseData, generateDigest, watcher }) => {
      const put = async (loaded: LoadedDocument) => {
        const data = await parseData({ id: loaded.id, data: { file: loaded.file, document: loaded.document } satisfies OpenApiEntry });
        store.set({ id: loaded.id, data, digest: generateDigest(loaded.document) });
      };

      const result = await loadDocuments(dir, options.env);
      if (!report(result.problems, logger)) {
        const errors = result.problems.filter((p) => p.severity === 'error').length;
        // One line per problem and nothing else: a stack trace would only distract here.
        logger.error(`Build stopped: ${errors} OpenAPI problem${errors === 1 ? '' : 's'} to fix (nothing was written).`);
        process.exit(1);
      }
      store.clear();
      for (const loaded of result.documents) await put(loaded);
      const operations = result.documents.reduce((n, d) => n + countOperations(d.document), 0);
      logger.info(`${result.documents.length} OpenAPI documents, ${operations} operations (${options.env.name})`);

      if (!watcher) return;
      watcher.add(dir);
      const isDocument = (path: string) => resolve(path, '..') === dir && DOCUMENT_PATTERN.test(basename(path));
      const reload = async (path: string) => {
        if (!isDocument(path)) return;
        const { document, problems } = await loadDocument(path, options.env);
        if (report(problems, logger) && document) {
          await put(document);
          logger.info(`${document.file} loaded again`);
        } else {
          logger.warn(`${basename(path)}: its pages keep the last copy that loaded`);
        }
      };
      watcher.on('change', (path) => void reload(path));
      watcher.on('add', (path) => void reload(path));
      watcher.on('unlink', (path) => {
        if (isDocument(path)) store.delete(documentId(basename(path)));
      });
    },
  };
}
