import { expect, test } from '@playwright/test';
import { SERVICES_REGISTRY_NAMES } from '../support/registry.ts';
import { AUTH_ANCHORS, GUIDE_PAGES, SERVICE_PAGES } from '../support/pages.ts';

for (const path of [...GUIDE_PAGES, ...SERVICE_PAGES]) {
  test(`${path} exists and has one h1`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('h1')).toBeVisible();
  });
}

test('the authentication guide has the four flow anchors', async ({ page }) => {
  await page.goto('/authentication/');
  for (const anchor of AUTH_ANCHORS) {
    await expect(page.locator(`[id="${anchor}"]`)).toHaveCount(1);
  }
  await page.goto('/authentication/#client-credentials');
  await expect(page.locator('#client-credentials')).toBeInViewport();
});

test('the catalog links every service to its page and its web app', async ({ page }) => {
  await page.goto('/services/');
  const cards = page.locator('[data-service]');
  await expect(cards).toHaveCount(SERVICE_PAGES.length);
  for (const [i, path] of SERVICE_PAGES.entries()) {
    const card = cards.nth(i);
    await expect(card.getByRole('heading')).toHaveText(SERVICES_REGISTRY_NAMES[i]!);
    await expect(card.locator(`a[href="${path}"]`).first()).toBeVisible();
    await expect(card.locator('a[rel="external"]')).toHaveAttribute('href', /^https:\/\//);
  }
});

test('a missing page answers 404 with the site 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toContainText('404');
});
