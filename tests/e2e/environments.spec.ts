import { expect, test } from '@playwright/test';
import { testingSite } from '../support/sites.ts';
import { GUIDE_PAGES, SERVICE_PAGES } from '../support/pages.ts';

test.describe('ALA_ENV=testing build', () => {
  for (const path of [...GUIDE_PAGES, SERVICE_PAGES[1]!]) {
    test(`${path} says it is the testing environment`, async ({ page }) => {
      await page.goto(testingSite + path);
      const banner = page.locator('[data-environment="testing"]');
      await expect(banner).toBeVisible();
      await expect(banner).toContainText('Testing environment');
      await expect(page).toHaveTitle(/Testing/);
    });
  }

  test('its samples and service URLs point at the test gateway and provider', async ({ page }) => {
    await page.goto(testingSite + '/authentication/');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('https://api.test.ala.org.au/userdetails');
    expect(text).toContain('amazoncognito.com/oauth2/token');
    expect(text).not.toContain('https://api.ala.org.au');
    expect(text).not.toContain('auth.ala.org.au/cas');
    await page.goto(testingSite + '/services/occurrences/');
    await expect(page.locator('[data-service-base]')).toHaveText('https://api.test.ala.org.au/occurrences');
  });
});

test('the production build shows no environment banner', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-environment]')).toHaveCount(0);
  await expect(page).not.toHaveTitle(/Production|Testing/);
});
