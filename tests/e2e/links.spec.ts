import { expect, test } from '@playwright/test';

/**
 * Crawls the built site from `/` over every internal link, and checks that every link's page
 * exists and every `#anchor` names an element of that page.
 */
test('no broken internal link or anchor anywhere on the site', async ({ request, baseURL }) => {
  test.setTimeout(300_000);
  const origin = new URL(baseURL!).origin;
  const pages = new Map<string, { status: number; ids: Set<string> }>();
  const links: { from: string; to: string }[] = [];
  const queue = ['/'];
  while (queue.length) {
    const path = queue.shift()!;
    if (pages.has(path)) continue;
    const response = await request.get(path);
    const type = response.headers()['content-type'] ?? '';
    const html = type.includes('text/html') ? await response.text() : '';
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
    pages.set(path, { status: response.status(), ids });
    for (const [, href] of html.matchAll(/<a\b[^>]*\shref="([^"]+)"/g)) {
      const url = new URL(href!.replace(/&amp;/g, '&'), origin + path);
      if (url.origin !== origin) continue;
      links.push({ from: path, to: url.pathname + url.hash });
      if (!pages.has(url.pathname) && !queue.includes(url.pathname)) queue.push(url.pathname);
    }
  }
  const broken: string[] = [];
  for (const { from, to } of links) {
    const [path, anchor] = to.split('#') as [string, string | undefined];
    const target = pages.get(path)!;
    if (target.status !== 200) broken.push(`${from} → ${to}: HTTP ${target.status}`);
    else if (anchor && !target.ids.has(decodeURIComponent(anchor))) broken.push(`${from} → ${to}: no element with id "${anchor}"`);
  }
  expect(pages.size).toBeGreaterThan(600);
  expect(links.filter((l) => /^\/services\/[^/]+\/[^/#]+\/$/.test(l.to)).length, 'links to operation pages').toBeGreaterThan(600);
  expect(broken).toEqual([]);
});
