import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { builtHtmlFiles, GUIDE_PAGES, OPERATION_PAGES, SERVICE_PAGES } from '../support/pages.ts';

const OPERATION = '/services/occurrences/search-occurrences/';

test('no page marks access with an emoji (🔒, 🔑), which machines without an emoji font draw as a box', () => {
  const pages = builtHtmlFiles('dist').map((file) => join('dist', file));
  expect(pages.length).toBeGreaterThan(700);
  expect(pages.filter((file) => /🔒|🔑/u.test(readFileSync(file, 'utf8')))).toEqual([]);
});

/** The left edges of each row's cells, in the service index. */
async function rowColumns(page: Page): Promise<number[][]> {
  return page.locator('[data-operation]').evaluateAll((rows) =>
    rows.map((row) => ['.ala-method', '.path', '.summary', '.op-marks', '.op-try'].map((s) => Math.round(row.querySelector(s)!.getBoundingClientRect().left))),
  );
}

test('the service index is a grid: method, path, summary, access and Try it start at the same place in every row', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/services/occurrences/');
  await expect(page.locator('button[data-try-it]').first()).toBeVisible();
  const rows = await rowColumns(page);
  expect(rows.length).toBeGreaterThan(50);
  for (const row of rows) expect(row).toEqual(rows[0]);
  // Try it sits on the row's first line, beside its method, whatever badges the row has.
  const lines = await page.locator('[data-operation]').evaluateAll((els) => els.map((row) => Math.abs(row.querySelector('.op-try button')!.getBoundingClientRect().top - row.querySelector('.ala-method')!.getBoundingClientRect().top)));
  expect(Math.max(...lines)).toBeLessThan(12);
});

test('on a phone the service index stacks each row within the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/services/occurrences/');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
  const paths = await page.locator('[data-operation] .path').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
  expect(new Set(paths).size, 'every path starts at the same place').toBe(1);
});

test('at 1440 px an operation\'s samples sit beside its parameters and stay in view while the reader scrolls them', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(OPERATION);
  const samples = page.locator('aside.op-examples');
  const parameters = page.locator('.op-reference');
  const [s, p] = [(await samples.boundingBox())!, (await parameters.boundingBox())!];
  expect(s.x, 'samples to the right of the parameters').toBeGreaterThanOrEqual(p.x + p.width);
  for (const param of ['fq', 'disableAllQualityFilters', 'wkt']) {
    await page.locator(`[data-param="${param}"]`).scrollIntoViewIfNeeded();
    await expect(samples.locator('[data-samples]')).toBeInViewport();
    await expect(page.locator(`[data-param="${param}"]`)).toBeInViewport();
  }
  // A long sample line scrolls inside its block: the page is never wider than the window.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1440);
});

test('below 1280 px an operation page is one column: samples after the description, before the parameters', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.goto(OPERATION);
  const s = (await page.locator('aside.op-examples').boundingBox())!;
  const p = (await page.locator('.op-reference').boundingBox())!;
  expect(s.y + s.height).toBeLessThanOrEqual(p.y + 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1024);
});

test.describe('guide tables', () => {
  for (const width of [1280, 768]) {
    test(`fit their column at ${width} px: no table scrolls sideways`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      for (const path of ['/authentication/', '/errors/', '/services/species/', '/examples/occurrence-map/']) {
        await page.goto(path, { waitUntil: 'domcontentloaded' });
        const wide = await page.locator('.sl-markdown-content table').evaluateAll((tables) => tables.filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.querySelector('th')?.textContent));
        expect(wide, path).toEqual([]);
      }
    });
  }

  test('on a phone, each row is a card with every value under its column\'s name', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/authentication/');
    const cell = page.locator('.sl-markdown-content td[data-label="Mandatory"]').first();
    await expect(cell).toBeVisible();
    expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Mandatory"');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    const overflowing = await page.locator('.sl-markdown-content table').evaluateAll((tables) => tables.filter((t) => t.scrollWidth > t.clientWidth + 1).length);
    expect(overflowing).toBe(0);
  });
});

test.describe('pages do not shift when their scripts run', () => {
  test.use({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  for (const path of [...GUIDE_PAGES, '/authentication/token-helper/', '/services/occurrences/', OPERATION]) {
    test(path, async ({ page }) => {
      await page.addInitScript(() => {
        const w = window as unknown as { shifts: number };
        w.shifts = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) w.shifts += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(path, { waitUntil: 'networkidle' });
      await expect(page.locator('button[data-copy-page]')).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBeLessThan(0.01);
    });
  }
});

test('on a phone (390 px) no page is wider than the screen: long values wrap, code scrolls inside its block', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const recipes = readdirSync('dist/recipes', { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `/recipes/${e.name}/`);
  expect(recipes.length).toBeGreaterThanOrEqual(5);
  const paths = [
    ...GUIDE_PAGES,
    ...SERVICE_PAGES,
    ...OPERATION_PAGES,
    '/authentication/token-helper/',
    '/examples/occurrence-map/',
    '/changelog/',
    '/services/occurrences/changelog/',
    '/recipes/',
    ...recipes,
  ];
  const wide: string[] = [];
  for (const path of paths) {
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) wide.push(`${path} ${width} px`);
  }
  expect(wide).toEqual([]);
});
