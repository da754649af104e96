import { expect, test } from '@playwright/test';
import { sandboxSite } from '../support/sites.ts';
import { documentsIn } from '../support/documents.ts';
import { SANDBOX_DOCS } from './global-setup.ts';

const documents = await documentsIn(SANDBOX_DOCS);

for (const id of ['scalar-galaxy', 'hostile', 'user-details-real']) {
  test(`a dropped-in document gets a complete page: ${id}`, async ({ page, request }) => {
    const doc = documents.get(id)!;
    expect(doc, `${id} loaded`).toBeDefined();
    const response = await page.goto(`${sandboxSite}/services/${id}/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('[data-operation]')).toHaveCount(doc.operations.length);
    for (const ext of ['json', 'yaml']) {
      expect((await request.get(`${sandboxSite}/openapi/${id}.${ext}`)).status()).toBe(200);
    }
    await page.locator('#try-it').scrollIntoViewIfNeeded();
    await expect(page.locator('[data-api-console]')).toHaveAttribute('data-state', 'mounted', { timeout: 15_000 });
  });
}

test('a hostile document runs nothing, in the index or the console', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${sandboxSite}/services/hostile/`);
  await expect(page.locator('h1')).toContainText('Hostile');
  expect(await page.locator('main iframe, main svg[onload], main [onerror], main [onmouseover]').count()).toBe(0);
  const scripts = await page.locator('script').evaluateAll((els) => els.map((el) => el.textContent ?? ''));
  expect(scripts.filter((text) => text.includes('__pwned'))).toEqual([]);
  expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
  await page.locator('[data-operation]').first().hover();
  await page.locator('#try-it').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-api-console]')).toHaveAttribute('data-state', 'mounted', { timeout: 15_000 });
  await page.locator('a[data-console-operation="runScript"]').click();
  await page.waitForTimeout(1000);
  await page.mouse.move(400, 400);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});
