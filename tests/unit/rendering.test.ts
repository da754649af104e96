import { describe, expect, it } from 'vitest';
import { firstSentence, renderMarkdown } from '../../src/lib/markdown.ts';
import { buildIndex, slug } from '../../src/lib/openapi/index-model.ts';
import { listOperations } from '../../src/lib/openapi/operations.ts';

describe('renderMarkdown', () => {
  it('renders Markdown, with tables', () => {
    expect(renderMarkdown('Use **`q`** [docs](https://ala.org.au)')).toBe('<p>Use <strong><code>q</code></strong> <a href="https://ala.org.au">docs</a></p>');
    expect(renderMarkdown('| a |\n| - |\n| b |')).toContain('<table>');
  });

  it('never lets a document run code', () => {
    const html = renderMarkdown(
      `<script>alert(1)</script> <img src=x onerror="alert(2)"> [x](javascript:alert(3)) <a href="javascript:alert(4)">y</a> ![i](javascript:alert(5))`,
    );
    expect(html).not.toMatch(/<script|<img[^>]*onerror|href="javascript:|src="javascript:/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('takes the first sentence for summaries', () => {
    expect(firstSentence('The **species** API. It does more.\n\nSecond paragraph.')).toBe('The species API.');
  });
});

describe('buildIndex', () => {
  const document = {
    tags: [{ name: 'Search', description: 'Find *things*.' }, { name: 'Unused' }, { name: 'Admin' }],
    paths: {
      '/a': { get: { operationId: 'a', tags: ['Admin'], security: [{ oauth2: [] }] } },
      '/b': { get: { operationId: 'b', tags: ['Search'] }, post: { operationId: 'c' } },
      '/d': { get: { operationId: 'd', tags: ['Search'], security: [{ key: [] }] } },
    },
    components: { securitySchemes: { oauth2: { type: 'oauth2', flows: {} }, key: { type: 'apiKey', in: 'header', name: 'k' } } },
  };

  it('groups operations by tag in the document order, skipping empty tags, with counts', () => {
    const index = buildIndex(document, listOperations(document));
    expect(index.groups.map((g) => [g.name, g.anchor, g.operations.map((o) => o.operationId)])).toEqual([
      ['Search', 'tag-search', ['b', 'd']],
      ['Admin', 'tag-admin', ['a']],
      ['Other operations', 'tag-other-operations', ['c']],
    ]);
    expect([index.total, index.protected, index.keyOnly]).toEqual([4, 1, 1]);
  });

  it('makes slugs like the console does', () => {
    expect(slug('Fields & metadata')).toBe('fields-metadata');
    expect(slug('Mapping (WMS)')).toBe('mapping-wms');
  });
});
