/** Measurements in Chromium: page weight, requests and timings of one page load (and of "Try it"). */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';

export interface PageRun {
  /** JS+CSS (raw, inline included) loaded by the load event: what a reader pays to see the page. */
  atLoadRaw: number;
  jsRaw: number;
  jsGzip: number;
  cssRaw: number;
  cssGzip: number;
  requests: number;
  fcp: number;
  firstOperation?: number;
  /** "Try it" clicked → the API client's Send button ready (./measureTryIt). */
  tryItReady?: number;
}

/**
 * "Try it" timed on a fresh load of `url`, in a context of its own: none of the page-weight
 * bookkeeping (which copies every response body out of the browser) runs beside it.
 */
export async function measureTryIt(browser: Browser, url: string, hoverMs = 0): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  const timing = await timeTryIt(page, hoverMs);
  await context.close();
  return timing;
}

/**
 * Clicks the page's first "Try it" (after resting the pointer on it for `hoverMs`, as a reader
 * does) and times how long until the API client's Send button is ready.
 */
async function timeTryIt(page: Page, hoverMs: number): Promise<number> {
  const button = page.locator('button[data-try-it]').first();
  await button.waitFor({ state: 'visible' });
  if (hoverMs) {
    await button.hover();
    await page.waitForTimeout(hoverMs);
  }
  const start = Date.now();
  await button.click();
  await page.getByRole('dialog', { name: 'API Client' }).getByRole('button', { name: /^Send .* request to / }).waitFor({ state: 'visible', timeout: 60_000 });
  return Date.now() - start;
}

export interface PageTarget {
  url: string;
  /** Visible once the first operation is on screen. */
  firstOperation?: string;
  /** An operation page: click "Try it" and time until the client can send (./measureTryIt). */
  tryIt?: boolean;
}

export async function measurePage(browser: Browser, target: PageTarget): Promise<PageRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const bodies = new Map<string, { type: 'js' | 'css'; gzip: number; raw: number }>();
  let requests = 0;
  page.on('request', () => requests++);
  page.on('response', async (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    try {
      const body = await response.body();
      bodies.set(response.url(), { type: type === 'script' ? 'js' : 'css', raw: body.byteLength, gzip: gzipSync(body).byteLength });
    } catch {
      // a failed request has no body
    }
  });
  await page.goto(target.url, { waitUntil: 'load', timeout: 60_000 });
  const atLoadRaw = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const files = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (r) => r.responseEnd <= nav.loadEventStart && /\.(m?js|css)(\?|$)/.test(r.name),
    );
    const inline = [...document.querySelectorAll('script:not([src]), style')].reduce((n, el) => n + (el.textContent ?? '').length, 0);
    return files.reduce((n, r) => n + r.decodedBodySize, 0) + inline;
  });
  let firstOperation: number | undefined;
  if (target.firstOperation) {
    await page.waitForSelector(target.firstOperation, { state: 'visible', timeout: 60_000 });
    firstOperation = await page.evaluate(() => performance.now());
  }
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
  const inline = await page.evaluate(() => ({
    js: [...document.querySelectorAll('script:not([src])')].reduce((n, s) => n + (s.textContent ?? '').length, 0),
    css: [...document.querySelectorAll('style')].reduce((n, s) => n + (s.textContent ?? '').length, 0),
  }));
  await context.close();
  const sum = (type: 'js' | 'css', key: 'raw' | 'gzip') => [...bodies.values()].filter((b) => b.type === type).reduce((n, b) => n + b[key], 0);
  const run: PageRun = {
    atLoadRaw,
    jsRaw: sum('js', 'raw') + inline.js,
    jsGzip: sum('js', 'gzip'),
    cssRaw: sum('css', 'raw') + inline.css,
    cssGzip: sum('css', 'gzip'),
    requests,
    fcp,
  };
  if (firstOperation !== undefined) run.firstOperation = firstOperation;
  return run;
}

export interface Stats {
  median: number;
  min: number;
  max: number;
}

export function stats(values: number[]): Stats {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return { median: NaN, min: NaN, max: NaN };
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}
