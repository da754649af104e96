import { expect, test } from '@playwright/test';
import { GUIDE_PAGES } from '../support/pages.ts';

const BUDGET_BYTES = 150 * 1024;

/**
 * The page weight a reader pays to see a guide: JS and CSS (uncompressed, inline included)
 * loaded by the `load` event. Starlight fetches its search UI later, when the browser is idle;
 * that is reported by `npm run bench`, not counted here.
 */
for (const path of GUIDE_PAGES) {
  test(`${path} loads no Scalar code and at most 150 KB of JS+CSS`, async ({ page }) => {
    await page.goto(path, { waitUntil: 'load' });
    const weight = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const files = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => r.responseEnd <= nav.loadEventStart && /\.(m?js|css)(\?|$)/.test(r.name))
        .map((r) => ({ url: r.name, bytes: r.decodedBodySize }));
      const inline = [...document.querySelectorAll('script:not([src]), style')].reduce(
        (n, el) => n + new TextEncoder().encode(el.textContent ?? '').length,
        0,
      );
      return { files, inline };
    });
    const total = weight.files.reduce((n, f) => n + f.bytes, 0) + weight.inline;
    const detail = [...weight.files.map((f) => `${f.url} ${f.bytes}`), `inline ${weight.inline}`].join('\n');
    expect(total, detail).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(await page.content()).not.toMatch(/scalar/i);
    expect(weight.files.filter((f) => /scalar/i.test(f.url))).toEqual([]);
  });
}
