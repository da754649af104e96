/**
 * The site's Pagefind index, searched the way the search dialog searches it (same bundle, same
 * ranking), from a page of the built site; and a check that an excerpt reads as the page does.
 */
import type { Page } from '@playwright/test';
import { SEARCH_RANKING } from '../../src/config/search.ts';

export interface SearchHit {
  url: string;
  title: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Loads Pagefind into `page` (already on the built site); call once before `searchSite`. */
export async function loadPagefind(page: Page): Promise<void> {
  await page.evaluate(async (ranking) => {
    const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
    await pagefind.options({ ranking });
    await pagefind.init();
    (window as unknown as { pagefind: unknown }).pagefind = pagefind;
  }, SEARCH_RANKING);
}

/** The first `count` results for `query`, as the dialog lists them. */
export function searchSite(page: Page, query: string, options: { count?: number; filters?: Record<string, string> } = {}): Promise<SearchHit[]> {
  return page.evaluate(
    async ({ query, count, filters }) => {
      type Data = { url: string; excerpt: string; meta: Record<string, string>; filters: Record<string, string[]> };
      const pagefind = (window as unknown as { pagefind: { search(q: string, o: object): Promise<{ results: { data(): Promise<Data> }[] }> } }).pagefind;
      const found = await pagefind.search(query, { filters });
      const data = await Promise.all(found.results.slice(0, count).map((r) => r.data()));
      return data.map((d) => ({ url: d.url, title: d.meta['title'] ?? '', excerpt: d.excerpt, meta: d.meta, filters: d.filters }));
    },
    { query, count: options.count ?? 5, filters: options.filters ?? {} },
  );
}

/** Every value of each filter in the index, with its number of pages. */
export function searchFilters(page: Page): Promise<Record<string, Record<string, number>>> {
  return page.evaluate(async () => {
    const pagefind = (window as unknown as { pagefind: { filters(): Promise<Record<string, Record<string, number>>> } }).pagefind;
    return pagefind.filters();
  });
}

/**
 * The words of an excerpt that are not words of the page: text Pagefind joined across two
 * elements with nothing between them ("emailstringoptional", "AccessOpen"). A word of the page
 * is a word inside one of its text nodes.
 */
export function runTogetherWords(page: Page, hit: SearchHit): Promise<string[]> {
  return page.evaluate(async ({ url, excerpt }) => {
    const words = (text: string) => text.match(/[\p{L}\p{N}_]+/gu) ?? [];
    const html = await (await fetch(url)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const known = new Set<string>();
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) for (const w of words(node.textContent ?? '')) known.add(w.toLowerCase());
    const text = new DOMParser().parseFromString(excerpt, 'text/html').body.textContent ?? '';
    return words(text).filter((w) => !known.has(w.toLowerCase()));
  }, { url: hit.url, excerpt: hit.excerpt });
}
