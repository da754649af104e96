import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const DIR = 'openapi';
/** Keys whose values are data, not schemas. */
const DATA_KEYS = new Set(['example', 'examples', 'enum', 'default', 'const']);

/** JSON pointers of every schema that allows an array but does not say what its items are. */
function arraysWithoutItems(node: unknown, pointer = '#'): string[] {
  if (Array.isArray(node)) return node.flatMap((v, i) => arraysWithoutItems(v, `${pointer}/${i}`));
  if (typeof node !== 'object' || node === null) return [];
  const obj = node as Record<string, unknown>;
  const type = obj['type'];
  const allowsArray = type === 'array' || (Array.isArray(type) && type.includes('array'));
  const here = allowsArray && !('items' in obj) ? [pointer] : [];
  return [
    ...here,
    ...Object.entries(obj)
      .filter(([key]) => !DATA_KEYS.has(key))
      .flatMap(([key, value]) => arraysWithoutItems(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`)),
  ];
}

describe('arrays in our OpenAPI documents', () => {
  it('are found by the check, in type lists too, and not inside examples', () => {
    const doc = {
      a: { type: 'array' },
      b: { type: ['object', 'array'], items: {} },
      c: { type: ['string', 'array'] },
      d: { example: { type: 'array' } },
    };
    expect(arraysWithoutItems(doc)).toEqual(['#/a', '#/c']);
  });

  it('all say what their items are (explicitly `items: {}` when free-form)', () => {
    const missing = readdirSync(DIR)
      .filter((name) => /\.ya?ml$/.test(name))
      .flatMap((name) => arraysWithoutItems(parse(readFileSync(join(DIR, name), 'utf8'))).map((p) => `${DIR}/${name} ${p}`));
    expect(missing).toEqual([]);
  });
});
