/**
 * The changelog's records and commands (src/lib/changelog/recording.ts, records.ts) on temporary
 * copies of the project's `openapi/` and `changelog/` folders, and what the site makes of the
 * records (timeline.ts, filter-state.ts, feed.ts, the twins).
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { feedOptions } from '../../src/lib/changelog/feed.ts';
import { filterSearch, parseFilter, showsEntry } from '../../src/lib/changelog/filter-state.ts';
import { parseRecord, serializeRecord, type ServiceChangelog } from '../../src/lib/changelog/records.ts';
import { inspectProject, needsRecording, recordProject } from '../../src/lib/changelog/recording.ts';
import { buildTimeline, type TimelineService } from '../../src/lib/changelog/timeline.ts';
import { findDocuments } from '../../src/lib/openapi/load.ts';
import { changelogMarkdown, removedOperationMarkdown } from '../../src/lib/twins/changelog-twins.ts';
import { changeSpeciesDocument } from '../support/document-edits.ts';

const run = promisify(execFile);
const roots: string[] = [];
afterAll(() => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

/** A copy of the project's documents, baselines and records. */
async function copyProject(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'ala-changelog-'));
  roots.push(root);
  await cp('openapi', join(root, 'openapi'), { recursive: true });
  await cp('changelog', join(root, 'changelog'), { recursive: true });
  return root;
}

describe('the committed records', () => {
  it('every document has a baseline and a record, and is recorded (what `npm run changelog:check` checks)', async () => {
    const reports = await inspectProject('.');
    expect(reports.length).toBe(17);
    expect(reports.filter(needsRecording).map((r) => r.files.id)).toEqual([]);
  });

  it('the baselines folder is never read as documents', async () => {
    expect((await findDocuments('openapi')).length).toBe(17);
    expect(await findDocuments('openapi')).not.toContain('baseline');
  });

  it('a record reads back as it was written', async () => {
    const text = await readFile('changelog/species.json', 'utf8');
    expect(serializeRecord(parseRecord(text, 'changelog/species.json'))).toBe(text);
    expect(() => parseRecord('{"service":"x","entries":[{"date":"yesterday","note":"n","changes":[]}]}', 'changelog/x.json')).toThrow(/changelog\/x.json: entries.0.date/);
  });
});

describe('changelog:check and changelog:record on a copy (the acceptance scenario)', async () => {
  const root = await copyProject();
  const species = join(root, 'openapi/species.yaml');
  const before = await readFile(join(root, 'changelog/species.json'), 'utf8');
  await changeSpeciesDocument(species);
  const tool = (...args: string[]) => run(process.execPath, ['tools/changelog.ts', ...args, '--root', root]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

  it('check fails, naming the service and its first changes, and writes nothing', async () => {
    const result = await tool('check');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('species: openapi/species.yaml differs from openapi/baseline/species.yaml');
    expect(result.stderr).toMatch(/breaking +Operation `GET \/guid\/\{name\}` was removed\./);
    expect(result.stderr).toContain('npm run changelog:record -- --note');
    expect(await readFile(join(root, 'changelog/species.json'), 'utf8')).toBe(before);
  });

  it('record appends one entry to the changed service only, and refreshes its baseline', async () => {
    const result = await tool('record', '--note', 'GUID lookup by name removed; short profiles need an API version');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('species: entry appended to changelog/species.json (3 changes, 2 breaking)');
    expect(result.stdout.match(/entry appended/g)).toHaveLength(1);
    expect(await readFile(join(root, 'openapi/baseline/species.yaml'), 'utf8')).toBe(await readFile(species, 'utf8'));
    const record = parseRecord(await readFile(join(root, 'changelog/species.json'), 'utf8'), 'species.json');
    expect(record.entries).toHaveLength(2);
    const entry = record.entries[1]!;
    expect(entry.note).toBe('GUID lookup by name removed; short profiles need an API version');
    expect(entry.changes.map((c) => [c.class, c.message])).toEqual([
      ['breaking', 'Required `apiVersion` query parameter was added.'],
      ['breaking', 'Operation `GET /guid/{name}` was removed.'],
      ['non-breaking', 'Optional query parameter `includeSynonyms` was added.'],
    ]);
    const removed = entry.changes[1]!.operations[0]!;
    expect(removed).toMatchObject({ operationId: 'getGuidsForName', slug: 'get-guids-for-name', removed: true });
    expect(removed.description).toMatch(/\w/);
    expect(entry.changes[0]!.operations[0]).toMatchObject({ operationId: 'getTaxonShortProfile', slug: 'get-taxon-short-profile' });
    expect(entry.changes[0]!.operations[0]!.removed).toBeUndefined();
  });

  it('then check passes, and recording again appends nothing', async () => {
    expect((await tool('check')).code).toBe(0);
    expect((await tool('record', '--note', 'again')).stdout).toContain('nothing to record');
  });

  it('a change of form only (the same values) passes the check and refreshes the baseline without an entry', async () => {
    const text = await readFile(join(root, 'openapi/alerts.yaml'), 'utf8');
    await writeFile(join(root, 'openapi/alerts.yaml'), `# a comment\n${text}`);
    const check = await tool('check');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('alerts: openapi/alerts.yaml differs from its baseline in form only');
    expect((await tool('record', '--note', 'form')).stdout).toContain('alerts: openapi/baseline/alerts.yaml refreshed');
    expect(parseRecord(await readFile(join(root, 'changelog/alerts.json'), 'utf8'), 'alerts.json').entries).toHaveLength(1);
  });

  it('a new document gets its first entry; a removed one, an entry that removes every operation', async () => {
    await cp(join(root, 'openapi/events.yaml'), join(root, 'openapi/events-two.yaml'));
    await rm(join(root, 'openapi/profiles.yaml'));
    const check = await tool('check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('events-two: openapi/events-two.yaml has never been recorded');
    expect(check.stderr).toContain('profiles: openapi/profiles.yaml is gone');
    await recordProject(root, 'Events two added, profiles retired', new Date('2026-12-07T00:00:00Z'));
    expect((await tool('check')).code).toBe(0);
    const added = parseRecord(await readFile(join(root, 'changelog/events-two.json'), 'utf8'), 'x');
    expect(added.entries).toEqual([{ date: '2026-12-07T00:00:00Z', note: 'Events two added, profiles retired', initial: true, changes: [] }]);
    const retired = parseRecord(await readFile(join(root, 'changelog/profiles.json'), 'utf8'), 'x').entries.at(-1)!;
    expect(retired.changes[0]!.class).toBe('breaking');
    expect(retired.changes[0]!.operations.every((op) => op.removed)).toBe(true);
  });
});

describe('the timeline the site shows', () => {
  const record: ServiceChangelog = {
    service: 'species',
    entries: [
      { date: '2025-06-01T00:00:00Z', note: 'Initial publication', initial: true, changes: [] },
      {
        date: '2025-09-01T00:00:00Z',
        note: 'Old breaking change',
        changes: [{ class: 'breaking', pointer: '#/x', message: 'Something `x` broke.', operations: [{ method: 'GET', path: '/a', operationId: 'getA', slug: 'get-a', summary: 'Get A' }] }],
      },
      {
        date: '2026-11-01T00:00:00Z',
        note: 'Removal',
        changes: [
          { class: 'breaking', pointer: '#/paths/~1b/get', message: 'Operation `GET /b` was removed.', operations: [{ method: 'GET', path: '/b', operationId: 'getB', slug: 'get-b', summary: 'Get B', removed: true, description: 'Gets B.' }] },
          { class: 'annotation', pointer: '#/paths/~1a/get/summary', message: 'The summary changed.', operations: [{ method: 'GET', path: '/a', operationId: 'getA', slug: 'get-a', summary: 'Get A' }] },
        ],
      },
      { date: '2026-11-01T10:00:00Z', note: 'Same day', changes: [{ class: 'deprecated', pointer: '#/c', message: 'Deprecated.', operations: [] }] },
    ],
  };
  const services: TimelineService[] = [
    { id: 'species', title: 'Species', operations: [{ slug: 'get-a', method: 'GET', path: '/a', operationId: 'getA', href: '/services/species/get-a/', title: 'Get A' }] },
    { id: 'alerts', title: 'Alerts', operations: [] },
  ];
  const timeline = buildTimeline([record], services, new Date('2026-12-06T00:00:00Z'));

  it('lists entries newest first, with anchors unique within a day', () => {
    const view = timeline.services.get('species')!;
    expect(view.entries.map((e) => e.anchor)).toEqual(['2026-11-01-2', '2026-11-01', '2025-09-01', '2025-06-01']);
    expect(view.entries[1]!.href).toBe('/services/species/changelog/#2026-11-01');
    expect(timeline.site.entries.map((e) => e.siteAnchor)[0]).toBe('species-2026-11-01-2');
    expect(timeline.services.get('alerts')!.entries).toEqual([]);
  });

  it("links the operations: a current one to its page, a removed one to the page left at its address", () => {
    const removal = timeline.services.get('species')!.entries[1]!;
    expect(removal.changes[0]!.operations[0]).toEqual({ label: 'GET /b', summary: 'Get B', href: '/services/species/get-b/', removed: true });
    expect(removal.changes[1]!.operations[0]!.href).toBe('/services/species/get-a/');
    expect(timeline.removed.get('species')).toEqual([
      expect.objectContaining({ slug: 'get-b', path: '/services/species/get-b/', description: 'Gets B.', entryHref: '/services/species/changelog/#2026-11-01' }),
    ]);
  });

  it('badges an operation with its latest change of the last twelve months, a breaking one first', () => {
    expect(timeline.recentChange('species', { slug: 'get-a', method: 'GET', path: '/a' })).toEqual({ date: '2026-11-01T00:00:00Z', href: '/services/species/changelog/#2026-11-01', breaking: false });
    const later = buildTimeline([record], services, new Date('2027-09-02T00:00:00Z'));
    expect(later.recentChange('species', { slug: 'get-a', method: 'GET', path: '/a' })!.date).toBe('2026-11-01T00:00:00Z');
    const withinBreaking = buildTimeline([record], services, new Date('2026-08-01T00:00:00Z'));
    expect(withinBreaking.recentChange('species', { slug: 'get-a', method: 'GET', path: '/a' })).toMatchObject({ date: '2025-09-01T00:00:00Z', breaking: true });
    expect(buildTimeline([record], services, new Date('2028-01-01T00:00:00Z')).recentChange('species', { slug: 'get-a', method: 'GET', path: '/a' })).toBeUndefined();
  });

  it('writes the feed and the twins from the same entries', () => {
    const feed = feedOptions(timeline.services.get('species')!, new URL('https://docs.api.ala.org.au'));
    expect(feed.title).toBe('Species: API changelog');
    const items = feed.items as { title: string; link: string; content: string }[];
    expect(items[1]).toMatchObject({ title: 'Removal (breaking)', link: 'https://docs.api.ala.org.au/services/species/changelog/#2026-11-01' });
    expect(items[1]!.content).toContain('<code>GET /b</code>');
    const md = changelogMarkdown(timeline.site);
    expect(md).toContain('## 1 Nov 2026 · Species: Removal (breaking)');
    expect(md).toContain('- **Breaking**: Operation `GET /b` was removed. — [`GET /b`](/services/species/get-b.md) (removed: Get B)');
    expect(removedOperationMarkdown(timeline.removed.get('species')![0]!)).toContain('removed from the Species API on 1 Nov 2026');
  });
});

describe('the changelog filter', () => {
  it('shows everything with no query, and round-trips a choice through the query', () => {
    const all = parseFilter('', ['species']);
    expect(all.classes.size).toBe(4);
    expect(filterSearch(all)).toBe('');
    const some = parseFilter('?show=breaking,deprecated&service=species', ['species']);
    expect(filterSearch(some)).toBe('?show=breaking,deprecated&service=species');
    expect(showsEntry({ service: 'species', classes: ['breaking'] }, some)).toBe(true);
    expect(showsEntry({ service: 'species', classes: ['annotation'] }, some)).toBe(false);
    expect(showsEntry({ service: 'alerts', classes: ['breaking'] }, some)).toBe(false);
    expect(parseFilter('?service=nope&show=bogus', ['species'])).toEqual({ classes: new Set(), service: '' });
  });
});
