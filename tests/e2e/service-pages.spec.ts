import { expect, test } from '@playwright/test';
import { SERVICE_IDS } from '../../src/config/services.ts';
import { documentsIn } from '../support/documents.ts';

const documents = await documentsIn('openapi');

for (const id of SERVICE_IDS) {
  test(`/services/${id}/ indexes every operation of its document, with its locks`, async ({ page }) => {
    const doc = documents.get(id)!;
    await page.goto(`/services/${id}/`);
    const ops = page.locator('[data-operation]');
    await expect(ops).toHaveCount(doc.operations.length);
    await expect(page.locator('[data-operation][data-protected]')).toHaveCount(doc.operations.filter((o) => o.access === 'token').length);
    const rendered = await ops.evaluateAll((els) =>
      els.map((el) => ({ id: el.id, op: el.getAttribute('data-operation'), method: el.getAttribute('data-method'), path: el.getAttribute('data-path'), locked: el.hasAttribute('data-protected'), text: el.textContent ?? '' })),
    );
    const expected = [...doc.operations].sort((a, b) => a.anchor.localeCompare(b.anchor));
    const actual = [...rendered].sort((a, b) => a.id.localeCompare(b.id));
    expect(actual.map((r) => [r.id, r.op, r.method, r.path, r.locked])).toEqual(
      expected.map((o) => [o.anchor, o.operationId, o.method, o.path, o.access === 'token']),
    );
    for (const r of actual) expect(r.text.includes('🔒')).toBe(r.locked);
    await expect(page.locator('[data-operation-count]')).toHaveAttribute('data-operation-count', String(doc.operations.length));
  });
}

test('an operation anchor lands on its row', async ({ page }) => {
  await page.goto('/services/occurrences/#op-searchOccurrences');
  const row = page.locator('#op-searchOccurrences');
  await expect(row).toBeInViewport();
  await expect(row).toContainText('/occurrences/search');
});

test('galah operations show a key, not a lock', async ({ page }) => {
  await page.goto('/services/galah/');
  const ops = page.locator('[data-operation]');
  expect(await ops.count()).toBeGreaterThan(20);
  await expect(page.locator('[data-operation][data-protected]')).toHaveCount(0);
  await expect(page.locator('[data-operation][data-api-key]')).toHaveCount(await ops.count());
  await expect(ops.first()).toContainText('🔑');
});

test('the index reads without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/services/occurrences/');
  await expect(page.locator('[data-operation]').first()).toBeVisible();
  await expect(page.locator('[data-operation]')).toHaveCount(documents.get('occurrences')!.operations.length);
  await expect(page.getByText('The interactive console needs JavaScript')).toBeVisible();
  await expect(page.locator('[data-api-console] .scalar-app')).toHaveCount(0);
  await context.close();
});

test('the document downloads are the environment\'s, linked from the page', async ({ page, request }) => {
  await page.goto('/services/occurrences/');
  for (const ext of ['json', 'yaml'] as const) {
    const href = await page.locator(`a[data-download="${ext}"]`).getAttribute('href');
    expect(href).toBe(`/openapi/occurrences.${ext}`);
    const response = await request.get(href!);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('https://api.ala.org.au/occurrences');
  }
});

test('the console is not loaded until the reader approaches it, then mounts', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script' || r.resourceType() === 'stylesheet') scripts.push(r.url());
  });
  await page.goto('/services/occurrences/', { waitUntil: 'networkidle' });
  const before = scripts.length;
  await expect(page.locator('[data-api-console]')).not.toHaveAttribute('data-state', /.+/);
  await page.locator('#try-it').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-api-console]')).toHaveAttribute('data-state', 'mounted', { timeout: 15_000 });
  expect(scripts.length).toBeGreaterThan(before);
  await expect(page.locator('[data-api-console] .scalar-app')).toBeVisible();
});

test('"Try it" opens that operation in the console', async ({ page }) => {
  await page.goto('/services/occurrences/');
  await page.locator('a[data-console-operation="getOccurrenceFacets"]').click();
  const section = page.locator('[data-api-console] [id$="/tag/facets/GET/occurrences/facets"]');
  await expect(section).toBeVisible({ timeout: 15_000 });
  await expect(section).toBeInViewport();
});

test('the console follows the site theme', async ({ page }) => {
  await page.goto('/services/species/');
  await page.locator('#try-it').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-api-console]')).toHaveAttribute('data-state', 'mounted', { timeout: 15_000 });
  // The console marks its colour mode on <body>; our theme maps its colours from the site's.
  await page.evaluate(() => { document.documentElement.dataset['theme'] = 'light'; });
  await expect(page.locator('body')).toHaveClass(/\blight-mode\b/);
  const light = await page.locator('[data-api-console] .scalar-app').evaluate((el) => getComputedStyle(el).getPropertyValue('--scalar-background-1').trim());
  await page.evaluate(() => { document.documentElement.dataset['theme'] = 'dark'; });
  await expect(page.locator('body')).toHaveClass(/\bdark-mode\b/);
  const dark = await page.locator('[data-api-console] .scalar-app').evaluate((el) => getComputedStyle(el).getPropertyValue('--scalar-background-1').trim());
  expect([light, dark]).toEqual(['#ffffff', '#181818']);
});
