import { describe, expect, it } from 'vitest';
import { operationSlug } from '../../src/lib/openapi/slug.ts';
import { operationPath } from '../../src/config/routes.ts';

describe('operation page slugs', () => {
  it.each([
    ['searchOccurrences', 'search-occurrences'],
    ['getRecordByUUID', 'get-record-by-uuid'],
    ['getOccurrenceUUIDs', 'get-occurrence-uuids'],
    ['listV2Lists', 'list-v2-lists'],
    ['HTMLParser', 'html-parser'],
    ['get_by-id', 'get-by-id'],
    ['get/ws/{id}', 'get-ws-id'],
    ['', 'operation'],
    ['日本', 'operation'],
  ])('%s → %s', (id, slug) => {
    expect(operationSlug(id)).toBe(slug);
  });

  it('makes the page path under its service', () => {
    expect(operationPath('occurrences', operationSlug('searchOccurrences'))).toBe('/services/occurrences/search-occurrences/');
  });
});
