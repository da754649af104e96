import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveEnvironment } from '../../src/config/resolve-environment.ts';
import { hasMarkdownTwin, markdownPath } from '../../src/config/routes.ts';
import { htmlToMarkdown } from '../../src/lib/twins/html-to-markdown.ts';
import { codeBlock, inlineCode, tableCell } from '../../src/lib/twins/markdown-text.ts';
import { operationMarkdown, serviceMarkdown } from '../../src/lib/twins/reference-twins.ts';
import { guideMarkdown, llmsFull, llmsIndex, type TwinEntry } from '../../src/lib/twins/llms.ts';
import { loadDocument } from '../../src/lib/openapi/load.ts';
import { serviceModel, type ServiceModel } from '../../src/lib/reference-model/service-model.ts';
import { GENERATED_EXAMPLE } from '../../src/lib/reference-model/words.ts';

const production = resolveEnvironment({});

describe('twin paths', () => {
  it('drop the trailing slash and add .md; the home page is /index.md', () => {
    expect(markdownPath('/')).toBe('/index.md');
    expect(markdownPath('/authentication/')).toBe('/authentication.md');
    expect(markdownPath('/services/occurrences/search-occurrences/')).toBe('/services/occurrences/search-occurrences.md');
    expect(markdownPath('/errors/index.html')).toBe('/errors.md');
    expect([hasMarkdownTwin('/404/'), hasMarkdownTwin('/404.html'), hasMarkdownTwin('/errors/')]).toEqual([false, false, true]);
  });
});

describe('Markdown text', () => {
  it('keeps backticks inside inline code and code blocks', () => {
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(codeBlock('x = ```\ny', 'js')).toBe('````js\nx = ```\ny\n````');
    expect(tableCell('a | b\nc')).toBe('a \\| b c');
  });
});

describe('a built guide page as Markdown', () => {
  // A guide's content as Astro renders its MDX (what the page shows under its title).
  const content = `
      <p>Read <a href="/services/occurrences/">the occurrences</a>, <a href="/authentication/#discovery">discovery</a>, <a href="/openapi/x.json">the document</a> and <a href="https://ala.org.au/">ALA</a>.</p>
      <script>alert(1)</script>
      <starlight-tabs data-sync-key="lang"><div class="tablist-wrapper"><ul role="tablist"><li><a role="tab" href="#p0">Shell</a></li><li><a role="tab" href="#p1">Python</a></li></ul></div>
        <div id="p0" role="tabpanel"><div class="expressive-code"><figure class="frame"><figcaption class="header"><span class="title">Call (Shell)</span></figcaption><pre data-language="sh"><code><div class="ec-line"><div class="code"><span>curl "$URL" \\</span></div></div><div class="ec-line"><div class="code"><span class="indent">  </span><span>-H "A: b"</span></div></div></code></pre><div class="copy"><button data-code="x">x</button></div></figure></div></div>
        <div id="p1" role="tabpanel" hidden><div class="expressive-code"><figure class="frame"><pre data-language="python"><code><div class="ec-line"><div class="code">import requests</div></div></code></pre></figure></div></div>
      </starlight-tabs>
      <aside class="starlight-aside starlight-aside--caution"><p class="starlight-aside__title">Mind this</p><div class="starlight-aside__content"><p>Careful <code>now</code>.</p></div></aside>
      <section data-twin-text="Interactive: open the page in a browser."><form><input></form></section>
      <div class="sl-link-card"><span><a href="/errors/"><span class="title">Errors</span></a><span class="description">What went wrong.</span></span></div>`;
  const html = `<div class="sl-markdown-content">${content}</div>`;

  it('keeps the prose, labels every tab, fences code, quotes asides, and leaves no markup', () => {
    const { title, summary, markdown } = guideMarkdown({ title: 'Guide title', description: 'What it is.', html: content });
    expect([title, summary]).toEqual(['Guide title', 'What it is.']);
    expect(markdown).toContain('# Guide title\n\n> What it is.');
    expect(markdown).toContain('**Shell**\n\n```sh\ncurl "$URL" \\\n  -H "A: b"\n```');
    expect(markdown).toContain('**Python**\n\n```python\nimport requests\n```');
    expect(markdown).toContain('> **Caution:** Mind this\n>\n> Careful `now`.');
    expect(markdown).toContain('*Interactive: open the page in a browser.*');
    expect(markdown).toContain('[Errors](/errors.md): What went wrong.');
    expect(markdown).not.toMatch(/<[a-z]|alert\(1\)/i);
  });

  it('leads site links to their twins, and leaves files and other sites alone', () => {
    const md = htmlToMarkdown(html);
    expect(md).toContain('[the occurrences](/services/occurrences.md)');
    expect(md).toContain('[discovery](/authentication.md#discovery)');
    expect(md).toContain('[the document](/openapi/x.json)');
    expect(md).toContain('[ALA](https://ala.org.au/)');
  });
});

describe('reference twins', () => {
  let service: ServiceModel;
  beforeAll(async () => {
    const { document } = await loadDocument(join(import.meta.dirname, '../fixtures/openapi/reference.yaml'), production, process.cwd(), { schemaWarnings: false });
    service = serviceModel(document!, production);
  });

  it('an operation: method and URL, access, samples by language, parameters as a table, body and responses with fields and examples', () => {
    const op = service.operations.find((o) => o.operationId === 'getNode')!;
    const md = operationMarkdown(op, service);
    expect(md).toMatch(/^# Read a node\n\n`GET https:\/\/api\.ala\.org\.au\/ref\/nodes\/\{nodeId\}`/);
    expect(md).toContain('- **Access:** Open, token optional');
    for (const label of ['**Shell**', '**Python**', '**R**']) expect(md).toContain(label);
    expect(md).toContain('| Name | Type | Required | Description |');
    for (const p of op.parameters) expect(md).toContain(`| \`${p.name}\` |`);
    for (const r of op.responses) expect(md).toContain(`### ${r.status}`);
    expect(md).toContain('- `parent` (Node) — circular: the same Node as above');
    expect(md).toContain(`*${GENERATED_EXAMPLE}*`);
  });

  it('a service: facts, prose and the index as links to the operations\' twins', () => {
    const md = serviceMarkdown(service, 'Some **prose**.');
    expect(md).toContain('- **OpenAPI document:** [JSON](/openapi/reference.json) · [YAML](/openapi/reference.yaml)');
    expect(md).toContain('Some **prose**.');
    expect(md).toContain('- [Replace a node](/services/reference/replace-node.md): `PUT /nodes/{nodeId}` (token required)');
  });
});

/** Parses llms.txt as llmstxt.org describes it: an H1, a blockquote, then H2 sections of link lists. */
function parseLlmsTxt(text: string) {
  const lines = text.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^# \S/);
  const sections: Record<string, { title: string; url: string }[]> = {};
  let current: string | undefined;
  let quote = '';
  for (const line of lines.slice(1)) {
    if (line.startsWith('> ')) quote += line;
    else if (line.startsWith('## ')) sections[(current = line.slice(3))] = [];
    else if (line.startsWith('- ')) {
      const m = /^- \[([^\]]+)\]\(([^)]+)\)(: .+)?$/.exec(line);
      expect(m, line).not.toBeNull();
      expect(current, `${line} is under a section`).toBeDefined();
      sections[current!]!.push({ title: m![1]!, url: m![2]! });
    } else expect(line, 'only blank lines between the parts').toBe('');
  }
  return { title: lines[0]!.slice(2), quote, sections };
}

describe('llms.txt and llms-full.txt', () => {
  it('follow the convention: title, summary, sections of links; the full file has every twin in reading order', async () => {
    const { document } = await loadDocument(join(import.meta.dirname, '../fixtures/openapi/reference.yaml'), production, process.cwd(), { schemaWarnings: false });
    const service = serviceModel(document!, production);
    const twins = new Map<string, TwinEntry>([
      ['/errors/', { path: '/errors/', kind: 'guide', title: 'Errors', summary: 'Statuses.', markdown: '# Errors\n\nText.\n' }],
      ['/', { path: '/', kind: 'guide', title: 'Home', summary: 'Start.', markdown: '# Home\n\nHello.\n' }],
      ['/services/reference/', { path: '/services/reference/', kind: 'service', title: 'Reference', summary: '', markdown: '# Reference\n' }],
      ...service.operations.map((op) => [op.href, { path: op.href, kind: 'operation' as const, title: op.title, summary: '', markdown: `# ${op.title}\n` }] as [string, TwinEntry]),
    ]);
    const context = { environment: 'Testing', isProduction: false, services: [service], recipes: [] };
    const parsed = parseLlmsTxt(llmsIndex(twins, ['/', '/errors/'], context));
    expect(parsed.title).toBe('ALA API portal');
    expect(parsed.quote).toContain('Testing environment');
    expect(Object.keys(parsed.sections)).toEqual(['Guides', 'Services', 'OpenAPI documents']);
    expect(parsed.sections['Guides']!.map((l) => l.url)).toEqual(['/index.md', '/errors.md']);
    expect(parsed.sections['Services']!.map((l) => l.url)).toEqual(['/services/reference.md']);
    expect(parsed.sections['OpenAPI documents']!.map((l) => l.url)).toEqual(['/openapi/reference.json', '/openapi/reference.yaml']);
    const full = llmsFull(twins, ['/', '/services/reference/', '/errors/'], context);
    const titles = [...full.matchAll(/^# (.+)$/gm)].map((m) => m[1]);
    expect(titles).toEqual(['ALA API portal', 'Home', 'Reference', 'Read a node', 'Replace a node', 'Add a shape', 'Errors']);
    expect(full).toContain('# Home\n\nSource: /index.md');
  });
});
