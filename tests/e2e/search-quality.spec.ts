import { expect, test } from '@playwright/test';
import { loadPagefind, runTogetherWords, searchFilters, searchSite, type SearchHit } from '../support/pagefind.ts';
import { SERVICE_IDS } from '../../src/config/services.ts';
import { EXCERPT_QUERIES, QUERY_SET, isAnswer } from '../support/search-queries.ts';

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await loadPagefind(page);
});

test('the query set finds the page that answers each query among the first five results', async ({ page }) => {
  const rows: string[] = [];
  const missed: string[] = [];
  const found = { guide: 0, operation: 0 };
  for (const { query, answer, kind } of QUERY_SET) {
    const hits = await searchSite(page, query);
    const rank = hits.findIndex((h) => isAnswer(h.url, answer)) + 1;
    if (rank > 0) found[kind]++;
    else missed.push(`${query} → ${hits.map((h) => h.url).join(', ')}`);
    rows.push(`${rank > 0 ? `#${rank}` : '--'}  ${kind.padEnd(9)} ${query}`);
  }
  const total = (kind: 'guide' | 'operation') => QUERY_SET.filter((q) => q.kind === kind).length;
  console.log(`Search query set: ${found.guide}/${total('guide')} concepts → guide, ${found.operation}/${total('operation')} operation terms → operation\n${rows.join('\n')}`);
  expect(missed, 'queries whose answer is not in the top five').toEqual([]);
});

test('no excerpt among the first five results runs two words together', async ({ page }) => {
  const glued: string[] = [];
  for (const query of EXCERPT_QUERIES) {
    for (const hit of await searchSite(page, query)) {
      const words = await runTogetherWords(page, hit);
      if (words.length > 0) glued.push(`"${query}" ${hit.url}: ${words.join(', ')}`);
    }
  }
  expect(glued).toEqual([]);
});

test('"download occurrences" does not start with a deprecated operation; the current one ranks above it', async ({ page }) => {
  const hits = await searchSite(page, 'download occurrences', { count: 10 });
  const html = await (await page.request.get(hits[0]!.url)).text();
  expect(html, `${hits[0]!.url} is deprecated`).not.toMatch(/class="ala-badge">deprecated</);
  const current = hits.findIndex((h) => h.url.startsWith('/services/occurrences/request-offline-download'));
  const deprecated = hits.findIndex((h) => h.url === '/services/occurrences/download-occurrences/');
  expect(current).toBeGreaterThanOrEqual(0);
  if (deprecated >= 0) expect(current).toBeLessThan(deprecated);
});

test('operation results say where they live: service, method and path', async ({ page }) => {
  const hits: SearchHit[] = await searchSite(page, 'getUserStats', { count: 1 });
  expect(hits[0]!.meta).toMatchObject({ service: 'User details', method: 'GET', path: '/ws/getUserStats' });
  expect(hits[0]!.meta['title']).toContain('GET /ws/getUserStats');
});

test('the service filter lists all 17 services, and narrows results to one', async ({ page }) => {
  const filters = await searchFilters(page);
  expect(Object.keys(filters['service'] ?? {}).length).toBe(SERVICE_IDS.length);
  const hits = await searchSite(page, 'download', { count: 10, filters: { service: 'Species lists' } });
  expect(hits.length).toBeGreaterThan(0);
  for (const hit of hits) expect(hit.url).toMatch(/^\/services\/species-lists\//);
});
