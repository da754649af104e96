import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { markdownPath } from '../../src/config/routes.ts';
import { documentsIn } from '../support/documents.ts';
import { builtHtmlFiles } from '../support/pages.ts';

const DIST = 'dist';
const pages = builtHtmlFiles(DIST)
  .filter((f) => f !== '404.html' && !f.startsWith('pagefind/'))
  .map((f) => `/${f.replace(/(^|\/)index\.html$/, '$1')}`);
const twin = (path: string) => readFileSync(join(DIST, markdownPath(path)), 'utf8');

test('every page of the build names its Markdown twin, and the twin exists', () => {
  expect(pages.length).toBeGreaterThan(600);
  const problems: string[] = [];
  for (const path of pages) {
    const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
    const href = /<link rel="alternate" type="text\/markdown" href="([^"]+)"/.exec(html)?.[1];
    if (href !== markdownPath(path)) problems.push(`${path}: alternate link ${href ?? 'missing'}`);
    else if (!existsSync(join(DIST, href))) problems.push(`${path}: ${href} missing`);
  }
  expect(problems).toEqual([]);
});

test('an operation twin names every parameter and response status of the operation', async () => {
  const problems: string[] = [];
  for (const [id, doc] of await documentsIn('openapi')) {
    for (const op of doc.operations) {
      const md = twin(`/services/${id}/${op.slug}/`);
      if (!md.includes(`\`${op.method} `)) problems.push(`${op.operationId}: no method line`);
      const spec = (doc.document['paths'] as Record<string, Record<string, { parameters?: { name?: string; $ref?: string }[]; responses?: object }>>)[op.path]![op.method.toLowerCase()]!;
      for (const p of spec.parameters ?? []) if (p.name && !md.includes(`\`${p.name}\``)) problems.push(`${op.operationId}: parameter ${p.name}`);
      for (const status of Object.keys(spec.responses ?? {})) if (!md.includes(`### ${status}`)) problems.push(`${op.operationId}: response ${status}`);
    }
  }
  expect(problems).toEqual([]);
});

test('the authentication twin has the curl, Python and R samples of each flow', () => {
  const md = twin('/authentication/');
  for (const section of ['## Discovery', '## Client credentials', '## Authorization code flow', '## Implicit flow']) {
    const start = md.indexOf(section);
    expect(start, section).toBeGreaterThan(0);
    const body = md.slice(start, md.indexOf('\n## ', start + 1) === -1 ? undefined : md.indexOf('\n## ', start + 1));
    expect(body, section).toMatch(/\*\*Shell\*\*\n\n```sh\n/);
    // The implicit flow starts in a browser: its shell sample builds the sign-in URL instead.
    if (section !== '## Implicit flow') expect(body, section).toMatch(/```sh\n[^`]*curl/);
    expect(body, section).toMatch(/\*\*Python\*\*\n\n```python\n/);
    expect(body, section).toMatch(/\*\*R\*\*\n\n```r\n/);
  }
});

test('no twin has MDX or component leftovers', () => {
  const problems: string[] = [];
  for (const path of pages) {
    // Code (fenced or inline) may show anything: look at the Markdown around it.
    const md = twin(path).replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '').replace(/(`+)[^`\n]*?\1/g, '');
    if (/^import .+ from ['"]/m.test(md)) problems.push(`${path}: ES import`);
    const tag = /<\/?(Tabs|TabItem|Aside|CardGrid|LinkCard|Code|CodeSamples|[A-Z][A-Za-z]+)\b|<(script|style|div|span)\b|\{env\./.exec(md);
    if (tag) problems.push(`${path}: ${tag[0]}`);
  }
  expect(problems).toEqual([]);
});

test('llms.txt is an H1, a summary and sections of links, every one resolving to a file of the build', () => {
  const text = readFileSync(join(DIST, 'llms.txt'), 'utf8');
  expect(text.startsWith('# ALA API portal\n\n> ')).toBe(true);
  expect([...text.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(['Guides', 'Recipes', 'Services', 'OpenAPI documents', 'Changelog']);
  const links = [...text.matchAll(/^- \[[^\]]+\]\(([^)]+)\)/gm)].map((m) => m[1]!);
  expect(links.length).toBeGreaterThan(50);
  expect(links.filter((url) => !existsSync(join(DIST, url)))).toEqual([]);
  expect(readFileSync(join(DIST, 'llms-full.txt'), 'utf8')).toContain('# Search occurrence records\n\nSource: /services/occurrences/search-occurrences.md');
});

test('twins and llms files are served with their content types', async ({ request }) => {
  expect((await request.get('/authentication.md')).headers()['content-type']).toBe('text/markdown; charset=utf-8');
  expect((await request.get('/llms.txt')).headers()['content-type']).toBe('text/plain; charset=utf-8');
  expect((await request.get('/llms-full.txt')).headers()['content-type']).toBe('text/plain; charset=utf-8');
});

test('"Copy page" puts the twin on the clipboard and says so; "View as Markdown" opens it', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
  await page.goto('/services/occurrences/search-occurrences/');
  const copy = page.getByRole('button', { name: 'Copy page' });
  await copy.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Copied the page as Markdown' })).toBeVisible();
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toBe(twin('/services/occurrences/search-occurrences/'));
  await page.getByRole('link', { name: 'View as Markdown' }).click();
  await expect(page).toHaveURL(/\/services\/occurrences\/search-occurrences\.md$/);
});

test('a non-production build exports its own environment\'s URLs', () => {
  const md = readFileSync('dist-testing/authentication.md', 'utf8');
  expect(md).toContain('https://api.test.ala.org.au/');
  expect(md).not.toContain('https://api.ala.org.au/');
  expect(readFileSync('dist-testing/llms.txt', 'utf8')).toContain('Testing environment');
});
