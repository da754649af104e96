import { describe, expect, it } from 'vitest';
import { firstSentence, renderMarkdown } from '../../src/lib/render-markdown.ts';
import { kebab as slug } from '../../src/lib/openapi/slug.ts';

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

describe('tag anchors', () => {
  it('are lower-case words joined by hyphens', () => {
    expect(slug('Fields & metadata')).toBe('fields-metadata');
    expect(slug('Mapping (WMS)')).toBe('mapping-wms');
  });
});
