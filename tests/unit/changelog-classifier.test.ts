/**
 * The changelog's classifier (src/lib/changelog/api-diff.ts, over Redocly's diff engine) on a
 * fixture pair per OpenAPI version: each mutation of the list with its expected class and
 * the operations it reaches — a shared component's change reaching every operation that uses it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { diffApi, type ApiChange } from '../../src/lib/changelog/api-diff.ts';

const fixture = (name: string) => ({ file: name, text: readFileSync(`tests/fixtures/api-diff/${name}`, 'utf8') });
const ops = (change: ApiChange | undefined) => change?.operations.map((o) => `${o.method} ${o.path}`).sort();

/** Each mutation of the revision: the sentence that names it, its class and the operations it reaches. */
const expected = (version: '3.0' | '3.1') => [
  // breaking
  { message: 'Operation `DELETE /sightings/{id}` was removed.', class: 'breaking', operations: ['DELETE /sightings/{id}'] },
  { message: '`region` query parameter was removed.', class: 'breaking', operations: ['GET /sightings'] },
  { message: 'Required `fields` query parameter was added.', class: 'breaking', operations: ['GET /observers/{observerId}'] },
  {
    message: 'Property `observedAt` of `Sighting` was removed.',
    class: 'breaking',
    // Sighting is shared: a list item of SightingList (two operations), and a whole response (two more).
    operations: ['GET /observers/{observerId}/sightings', 'GET /sightings', 'GET /sightings/{id}', 'POST /sightings'],
  },
  { message: "Type of `count` narrowed from 'number' to 'integer'.", class: 'breaking', operations: ['POST /sightings'] },
  { message: "Type of `queueSize` widened from 'integer' to 'string'.", class: 'breaking', operations: ['GET /status'] },
  { message: "Type of `name` widened from 'string' to 'string | null'.", class: 'breaking', operations: ['GET /observers/{observerId}'] },
  { message: 'Path `/regions/{regionId}` was renamed to `/areas/{regionId}`.', class: 'breaking', operations: ['GET /areas/{regionId}'] },
  // non-breaking
  { message: 'Operation `GET /sightings/count` was added.', class: 'non-breaking', operations: ['GET /sightings/count'] },
  { message: 'Optional query parameter `after` was added.', class: 'non-breaking', operations: ['GET /sightings'] },
  {
    message: 'Property `notes` of `Sighting` was added.',
    class: 'non-breaking',
    operations: ['GET /observers/{observerId}/sightings', 'GET /sightings', 'GET /sightings/{id}', 'POST /sightings'],
  },
  { message: 'The type of query parameter `limit` changed from `integer` to `number`.', class: 'non-breaking', operations: ['GET /sightings'] },
  {
    message: version === '3.0' ? 'Property `species` of `NewSighting` now accepts `null`.' : 'The type of property `species` of `NewSighting` changed from `string` to `string | null`.',
    class: 'non-breaking',
    operations: ['POST /sightings'],
  },
  {
    message: "A token is now optional: its own security replaces the document's (was `oauth2`; now `oauth2`, or no credentials).",
    class: 'non-breaking',
    operations: ['GET /observers/{observerId}'],
  },
  // deprecated
  { message: 'Operation `GET /observers/{observerId}/sightings` is deprecated.', class: 'deprecated', operations: ['GET /observers/{observerId}/sightings'] },
  // annotation
  { message: "The description of the document's info changed.", class: 'annotation', operations: [] },
  { message: 'The description of operation `GET /sightings/{id}` changed.', class: 'annotation', operations: ['GET /sightings/{id}'] },
  { message: 'The summary of operation `GET /status` changed.', class: 'annotation', operations: ['GET /status'] },
  // An example written as an object: the engine does not compare it; the wrapper finds it.
  { message: 'The `example` of `GET /sightings/{id}` › response `200` › `application/json` changed.', class: 'annotation', operations: ['GET /sightings/{id}'] },
];

for (const version of ['3.0', '3.1'] as const) {
  describe(`OpenAPI ${version}: the fixture pair`, async () => {
    const base = fixture(`sightings-${version}-base.yaml`);
    const revision = fixture(`sightings-${version}-revision.yaml`);
    const changes = await diffApi(base, revision);

    for (const want of expected(version)) {
      it(`${want.class}: ${want.message}`, () => {
        const found = changes.find((c) => c.message === want.message);
        expect(found, `no change says "${want.message}"; the changes: ${changes.map((c) => c.message).join(' / ')}`).toBeDefined();
        expect(found!.class).toBe(want.class);
        expect(ops(found)).toEqual([...want.operations].sort());
      });
    }

    it('finds nothing else (no mutation is reported twice or misread)', () => {
      expect(changes.map((c) => c.message).sort()).toEqual(expected(version).map((w) => w.message).sort());
    });

    it('points each change at its place in the document', () => {
      expect(changes.find((c) => c.message.startsWith('Property `observedAt`'))!.pointer).toBe('#/components/schemas/Sighting/properties/observedAt');
      expect(changes.find((c) => c.message.startsWith('Operation `DELETE'))!.pointer).toBe('#/paths/~1sightings~1{id}/delete');
    });

    it('finds no change between a document and itself, or the same document written as JSON', async () => {
      expect(await diffApi(base, base)).toEqual([]);
      const { parse } = await import('yaml');
      expect(await diffApi(base, { file: 'same.json', text: JSON.stringify(parse(base.text), null, 1) })).toEqual([]);
      expect(await diffApi(base, { file: 'same.yaml', text: stringify(parse(base.text), { indent: 4 }) })).toEqual([]);
    });
  });
}

describe('parameters pair by name and location', () => {
  it('a parameter renamed is one removed and one added, never a rename with invented type changes', async () => {
    const before = fixture('sightings-3.1-base.yaml');
    const after = { file: 'after.yaml', text: before.text.replace('- name: region', '- name: area') };
    const changes = await diffApi(before, after);
    expect(changes.map((c) => [c.class, c.message])).toEqual([
      ['breaking', '`region` query parameter was removed.'],
      ['non-breaking', 'Optional query parameter `area` was added.'],
    ]);
  });

  it('a parameter made optional is non-breaking; made required, breaking', async () => {
    const base = fixture('sightings-3.1-base.yaml');
    const required = { file: 'r.yaml', text: base.text.replace('description: A region name.', 'description: A region name.\n          required: true') };
    expect((await diffApi(base, required)).map((c) => [c.class, c.message])).toEqual([['breaking', '`region` query parameter became required.']]);
    expect((await diffApi(required, base)).map((c) => [c.class, c.message])).toEqual([['non-breaking', 'Query parameter `region` is now optional.']]);
  });
});

describe('a shared component', () => {
  it('lists every operation that reaches it, through parameters too', async () => {
    const base = fixture('sightings-3.1-base.yaml');
    const after = { file: 'after.yaml', text: base.text.replace(/ObserverId:\n( +)name: observerId\n\1in: path\n\1required: true\n/, (m) => `${m}${m.split('\n')[1]!.replace(/name:.*/, 'description: The observer.')}\n`) };
    const changes = await diffApi(base, after);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.class).toBe('annotation');
    expect(ops(changes[0])).toEqual(['GET /observers/{observerId}', 'GET /observers/{observerId}/sightings']);
  });
});

describe('values the engine does not compare', () => {
  it('an object default, a schema examples list and an Example value are still found, with the operations that use them', async () => {
    const doc = (v: number) =>
      JSON.stringify({
        openapi: '3.1.0',
        info: { title: 't', version: '1' },
        paths: {
          '/a': {
            get: {
              operationId: 'getA',
              parameters: [{ name: 'f', in: 'query', schema: { type: 'object', default: { a: v } }, examples: { one: { $ref: '#/components/examples/One' } } }],
              responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', examples: [{ x: v }] } } } } },
            },
          },
        },
        components: { examples: { One: { summary: 's', value: { n: v } } } },
      });
    const changes = await diffApi({ file: 'a.json', text: doc(1) }, { file: 'b.json', text: doc(2) });
    expect(changes.map((c) => [c.class, c.message, ops(c)])).toEqual([
      ['non-breaking', 'The `default` of `GET /a` › query parameter `f` changed.', ['GET /a']],
      ['annotation', 'The `examples` of `GET /a` › response `200` › `application/json` changed.', ['GET /a']],
      ['annotation', 'The `value` of example `One` changed.', ['GET /a']],
    ]);
  });
});

describe('what the engine judges on its own, set right', () => {
  const base = fixture('sightings-3.1-base.yaml');
  const classes = async (text: string) => (await diffApi(base, { file: 'after.yaml', text })).map((c) => [c.class, c.message]);

  it("an operation's `security: []` removed, so that the document's token applies, is breaking", async () => {
    const text = base.text.replace('      operationId: getStatus\n      summary: Service status\n      tags: [Sightings]\n      security: []\n', '      operationId: getStatus\n      summary: Service status\n      tags: [Sightings]\n');
    expect(await classes(text)).toEqual([['breaking', "A token is now required: its own security was removed, so the document's applies (was none needed; now `oauth2`)."]]);
  });

  it('a schema that gains its first properties lists them, as one non-breaking change', async () => {
    const without = base.text.replace('    Observer:\n      type: object\n      properties:\n        id:\n          type: string\n        name:\n          type: string\n', '    Observer:\n      type: object\n');
    expect(without).not.toBe(base.text);
    const changes = await diffApi({ file: 'before.yaml', text: without }, base);
    expect(changes.map((c) => [c.class, c.message])).toEqual([['non-breaking', 'The properties of `Observer` were added: `id`, `name`.']]);
  });

  it('a path template variable renamed (the same URL) is not breaking', async () => {
    const text = base.text.replace('/regions/{regionId}:', '/regions/{code}:').replace('- name: regionId', '- name: code');
    expect(await classes(text)).toEqual([
      ['non-breaking', 'Path `/regions/{regionId}` was renamed to `/regions/{code}`.'],
      ['non-breaking', 'Path parameter `regionId` was renamed to `code` (the same URL: only its name in the document changed).'],
    ]);
  });
});
