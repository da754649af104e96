/**
 * The `workflows` content collection's loader: reads every recipe of `workflows/` once per build
 * — its Arazzo document (./arazzo.ts) and its galah code (`workflows/galah/<recipe>.R`, `.py`) —
 * checks that every operation it names exists in the OpenAPI document it points at (each document
 * read once for all the recipes), prints each problem as `workflows/<file>:<line>:<col> <message>`,
 * and stops the build before anything is written when there is one. In `npm run dev` it watches the folder and loads an edited recipe again.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { formatProblem, type Problem } from '../openapi/problems.ts';
import { parseSource } from '../openapi/source.ts';
import { forEachOperation } from '../openapi/walk.ts';
import { missingOperations, readWorkflow, recipeName, type WorkflowSpec } from './arazzo.ts';
import { galahFiles, galahVersionProblem, type GalahLanguage } from './galah-code.ts';

export interface WorkflowEntry {
  /** `workflows/<name>.arazzo.yaml`. */
  file: string;
  workflow: WorkflowSpec;
  /** The recipe's hand-written galah code. */
  galah: Record<GalahLanguage, string>;
}

function operationIdsIn(documentPath: string): Set<string> | undefined {
  if (!existsSync(documentPath)) return undefined;
  const ids = new Set<string>();
  forEachOperation(parse(readFileSync(documentPath, 'utf8')), ({ operation }) => {
    if (typeof operation['operationId'] === 'string') ids.add(operation['operationId']);
  });
  return ids;
}

/** The operationIds of the OpenAPI document at a path (undefined: there is none), each document read once. */
function operationIdReader(): (documentPath: string) => ReadonlySet<string> | undefined {
  const read = new Map<string, ReadonlySet<string> | undefined>();
  return (documentPath) => {
    if (!read.has(documentPath)) read.set(documentPath, operationIdsIn(documentPath));
    return read.get(documentPath);
  };
}

/** Reads one recipe: its workflow, the operations it names, its galah files. */
async function loadRecipe(path: string, root = process.cwd(), documentOperationIds = operationIdReader()): Promise<{ entry?: WorkflowEntry; problems: Problem[] }> {
  const file = relative(root, path).split('\\').join('/');
  const text = await readFile(path, 'utf8');
  const { workflow, problems } = readWorkflow(file, text);
  if (!workflow) return { problems };
  const dir = resolve(path, '..');
  const operationIds = (serviceId: string): ReadonlySet<string> | undefined => {
    const source = workflow.sources.find((s) => s.serviceId === serviceId);
    return source && documentOperationIds(resolve(dir, source.url));
  };
  const at = (message: string, pointer = '#'): Problem => ({ file, position: parseSource(file, text).source?.locate(pointer) ?? { line: 1, col: 1 }, message, severity: 'error' });
  for (const { pointer, message } of missingOperations(workflow, operationIds)) problems.push(at(message, pointer));
  const galah = {} as Record<GalahLanguage, string>;
  for (const [language, name] of Object.entries(galahFiles(workflow.name)) as [GalahLanguage, string][]) {
    const galahPath = join(dir, name);
    if (!existsSync(galahPath)) {
      problems.push(at(`its galah code is missing: write workflows/${name}`));
      continue;
    }
    galah[language] = await readFile(galahPath, 'utf8');
    const problem = galahVersionProblem(language, galah[language]);
    if (problem) problems.push({ ...at(problem), file: `workflows/${name}` });
  }
  return problems.length ? { problems } : { entry: { file, workflow, galah }, problems };
}

/** Reads every recipe of a folder; the problems of all files are collected before deciding. */
export async function loadRecipes(dir: string, root = process.cwd()): Promise<{ entries: WorkflowEntry[]; problems: Problem[] }> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => recipeName(n)).sort();
  const documentOperationIds = operationIdReader();
  const results = await Promise.all(names.map((n) => loadRecipe(join(dir, n), root, documentOperationIds)));
  return { entries: results.flatMap((r) => (r.entry ? [r.entry] : [])), problems: results.flatMap((r) => r.problems) };
}

function report(problems: readonly Problem[], logger: LoaderContext['logger']): boolean {
  for (const problem of problems) logger.error(formatProblem(problem));
  return problems.length === 0;
}

export function workflowsLoader(options: { dir: string }): Loader {
  const dir = resolve(options.dir);
  return {
    name: 'ala-workflows',
    load: async ({ store, logger, parseData, generateDigest, watcher }) => {
      const put = async (entry: WorkflowEntry) => {
        const data = await parseData({ id: entry.workflow.name, data: { ...entry } });
        store.set({ id: entry.workflow.name, data, digest: generateDigest(JSON.stringify(entry)) });
      };
      const result = await loadRecipes(dir);
      if (!report(result.problems, logger)) {
        const count = result.problems.length;
        logger.error(`Build stopped: ${count} recipe problem${count === 1 ? '' : 's'} to fix (nothing was written).`);
        process.exit(1);
      }
      store.clear();
      for (const entry of result.entries) await put(entry);
      logger.info(`${result.entries.length} recipes`);

      if (!watcher) return;
      watcher.add(dir);
      const reload = async (path: string) => {
        const name = basename(path);
        const recipe = recipeName(name) ?? (resolve(path, '..') === join(dir, 'galah') ? name.replace(/\.(R|py)$/, '') : undefined);
        const workflowPath = recipe && join(dir, `${recipe}.arazzo.yaml`);
        if (!workflowPath || !existsSync(workflowPath)) return;
        const { entry, problems } = await loadRecipe(workflowPath);
        if (report(problems, logger) && entry) {
          await put(entry);
          logger.info(`${entry.file} loaded again`);
        } else logger.warn(`${recipe}: its page keeps the last copy that loaded`);
      };
      watcher.on('change', (path) => void reload(path));
      watcher.on('add', (path) => void reload(path));
      watcher.on('unlink', (path) => {
        const recipe = recipeName(basename(path));
        if (recipe && resolve(path, '..') === dir) store.delete(recipe);
      });
    },
  };
}
