/**
 * What `npm run changelog:check` and `npm run changelog:record` do, on a project folder: compare
 * every document of `openapi/` with its baseline in `openapi/baseline/` (the document as last
 * recorded), and either say which services have changes no entry records, or append one entry per
 * changed service to `changelog/<service>.json` and refresh the baselines. The build reads the
 * records only; the baselines exist for these two commands.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { findDocuments } from '../openapi/load.ts';
import { isObject, type Json } from '../openapi/json.ts';
import { documentId } from '../openapi/slug.ts';
import { documentOperations, type OperationSummary } from '../reference-model/operation-model.ts';
import { diffApi, type ApiChange } from './api-diff.ts';
import { CHANGE_CLASSES, parseRecord, recordedTime, serializeRecord, type ChangedOperation, type ChangelogEntry, type RecordedChange, type ServiceChangelog } from './records.ts';

/** The folders of a project, from its root. */
function projectFolders(root: string) {
  return { documents: join(root, 'openapi'), baselines: join(root, 'openapi', 'baseline'), records: join(root, 'changelog') };
}

/** One service's files: its document, its baseline and its record (each absent when missing). */
export interface ServiceFiles {
  id: string;
  /** File names relative to the project root, for messages. */
  names: { document: string; baseline: string; record: string };
  document?: string;
  baseline?: string;
  record?: ServiceChangelog;
}

/** How a service's document stands against what is recorded. */
export type ServiceState =
  | { kind: 'recorded' }
  /** Differs from its baseline in form only (layout, comments, order): no entry needed. */
  | { kind: 'reformatted' }
  | { kind: 'changed'; changes: RecordedChange[] }
  /** A document never recorded. */
  | { kind: 'new' }
  /** A baseline whose document is gone. */
  | { kind: 'removed'; changes: RecordedChange[] };

async function readText(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch(() => undefined);
}

/** Every service with a document, a baseline or a record, with its files. Throws on an unreadable record. */
async function readProject(root: string): Promise<ServiceFiles[]> {
  const folders = projectFolders(root);
  const documents = await findDocuments(folders.documents);
  const baselines = await findDocuments(folders.baselines);
  const records = (await readdir(folders.records).catch(() => [] as string[])).filter((name) => name.endsWith('.json'));
  const ids = [...new Set([...documents, ...baselines].map(documentId).concat(records.map((name) => name.replace(/\.json$/, ''))))].sort();
  return Promise.all(
    ids.map(async (id) => {
      const document = documents.find((name) => documentId(name) === id);
      const baseline = baselines.find((name) => documentId(name) === id);
      const names = {
        document: `openapi/${document ?? `${id}.yaml`}`,
        baseline: `openapi/baseline/${baseline ?? document ?? `${id}.yaml`}`,
        record: `changelog/${id}.json`,
      };
      const recordText = await readText(join(root, names.record));
      return {
        id,
        names,
        ...(document ? { document: (await readText(join(root, names.document)))! } : {}),
        ...(baseline ? { baseline: (await readText(join(root, 'openapi/baseline', baseline)))! } : {}),
        ...(recordText !== undefined ? { record: parseRecord(recordText, names.record) } : {}),
      };
    }),
  );
}

const parsed = (text: string): Json => {
  const value: unknown = parse(text, { merge: true });
  return isObject(value) ? value : {};
};

/** The operations of a document by `METHOD path`, as the site names them (operationId, page slug, summary). */
function operationIndex(document: Json): Map<string, OperationSummary> {
  return new Map(documentOperations(document).map(({ summary }) => [`${summary.method} ${summary.path}`, summary]));
}

/**
 * A change as stored: each operation it reaches named as the site names it — from the newer
 * document, or, for an operation the newer one no longer has, from the older one, with its last
 * description.
 */
function recordedChanges(changes: ApiChange[], base: Json, revision: Json): RecordedChange[] {
  const before = operationIndex(base);
  const after = operationIndex(revision);
  return changes.map((change) => ({
    class: change.class,
    operations: change.operations.flatMap((key): ChangedOperation[] => {
      const current = after.get(`${key.method} ${key.path}`);
      const old = before.get(`${key.method} ${key.path}`);
      const op = current ?? old;
      if (!op) return [];
      const named = { method: op.method, path: op.path, operationId: op.operationId, slug: op.slug, summary: op.summary };
      return [current ? named : { ...named, removed: true, description: op.description }];
    }),
    pointer: change.pointer,
    message: change.message,
  }));
}

/** Compares a service's document with its baseline. */
async function serviceState(files: ServiceFiles): Promise<ServiceState> {
  if (files.document === undefined && files.baseline !== undefined) {
    const base = parsed(files.baseline);
    const operations = [...operationIndex(base).values()].map((op) => ({ method: op.method, path: op.path }));
    const removal: ApiChange = { class: 'breaking', operations, pointer: '#', message: "The service's document was removed: all its operations are gone." };
    return { kind: 'removed', changes: recordedChanges([removal], base, {}) };
  }
  if (files.document === undefined) return { kind: 'recorded' };
  if (files.baseline === undefined || !files.record?.entries.length) return { kind: 'new' };
  if (files.baseline === files.document) return { kind: 'recorded' };
  const changes = await diffApi({ file: files.names.baseline, text: files.baseline }, { file: files.names.document, text: files.document });
  if (changes.length === 0) return { kind: 'reformatted' };
  // Breaking changes first, then by class; in document order within a class.
  const ordered = CHANGE_CLASSES.flatMap((c) => changes.filter((change) => change.class === c));
  return { kind: 'changed', changes: recordedChanges(ordered, parsed(files.baseline), parsed(files.document)) };
}

export interface ServiceReport {
  files: ServiceFiles;
  state: ServiceState;
}

/** Every service of the project and how it stands. */
export async function inspectProject(root: string): Promise<ServiceReport[]> {
  const services = await readProject(root);
  return Promise.all(services.map(async (files) => ({ files, state: await serviceState(files) })));
}

/** Whether the records are up to date with the documents. */
export const needsRecording = (report: ServiceReport) => report.state.kind === 'changed' || report.state.kind === 'new' || report.state.kind === 'removed';

/** What `changelog:check` says about a service that needs recording: its name, then the first changes. */
export function checkMessage({ files, state }: ServiceReport, shown = 5): string[] {
  switch (state.kind) {
    case 'new':
      return [`${files.id}: ${files.names.document} has never been recorded (no baseline or no entry in ${files.names.record}).`];
    case 'removed':
      return [`${files.id}: ${files.names.document} is gone but its baseline ${files.names.baseline} is still there: record the removal.`];
    case 'changed': {
      const lines = [`${files.id}: ${files.names.document} differs from ${files.names.baseline} and no entry of ${files.names.record} records it:`];
      for (const change of state.changes.slice(0, shown)) lines.push(`  ${change.class.padEnd(12)} ${change.message}`);
      if (state.changes.length > shown) lines.push(`  … and ${state.changes.length - shown} more`);
      return lines;
    }
    default:
      return [];
  }
}

/** The entry a recording appends for one service, or undefined when nothing is to be recorded. */
function entryFor(state: ServiceState, note: string, date: Date): ChangelogEntry | undefined {
  switch (state.kind) {
    case 'new':
      return { date: recordedTime(date), note, initial: true, changes: [] };
    case 'changed':
    case 'removed':
      return { date: recordedTime(date), note, changes: state.changes };
    default:
      return undefined;
  }
}

/**
 * Records every service that needs it: appends its entry, refreshes (or removes) its baseline.
 * A baseline that differs in form only is refreshed without an entry. Returns what it did, one
 * line per service touched.
 */
export async function recordProject(root: string, note: string, date: Date): Promise<string[]> {
  const folders = projectFolders(root);
  const reports = await inspectProject(root);
  const done: string[] = [];
  await mkdir(folders.baselines, { recursive: true });
  await mkdir(folders.records, { recursive: true });
  for (const { files, state } of reports) {
    const entry = entryFor(state, note, date);
    if (entry) {
      const record: ServiceChangelog = files.record ?? { service: files.id, entries: [] };
      record.entries.push(entry);
      await writeFile(join(root, files.names.record), serializeRecord(record));
      const counts = entry.changes.length ? ` (${entry.changes.length} change${entry.changes.length === 1 ? '' : 's'}, ${entry.changes.filter((c) => c.class === 'breaking').length} breaking)` : ' (first recording)';
      done.push(`${files.id}: entry appended to ${files.names.record}${counts}`);
    }
    if (state.kind === 'removed') await rm(join(root, files.names.baseline));
    else if (files.document !== undefined && (entry || state.kind === 'reformatted')) {
      await writeFile(join(root, files.names.baseline), files.document);
      if (!entry) done.push(`${files.id}: ${files.names.baseline} refreshed (the document changed in form only)`);
    }
  }
  return done;
}
