import { expect, test } from '@playwright/test';

test('searching an operation summary lands on its anchor', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#starlight__search input.pagefind-ui__search-input')).toBeAttached({ timeout: 20_000 });
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog');
  await dialog.locator('input.pagefind-ui__search-input').fill('List the downloads now running');
  const hit = dialog.locator('a[href*="/services/occurrences/#op-listActiveDownloads"]').first();
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(page).toHaveURL(/\/services\/occurrences\/#op-listActiveDownloads$/);
  await expect(page.locator('#op-listActiveDownloads')).toBeInViewport();
});

test('searching an operationId or a path finds the operation', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#starlight__search input.pagefind-ui__search-input')).toBeAttached({ timeout: 20_000 });
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog');
  const input = dialog.locator('input.pagefind-ui__search-input');
  await input.fill('getUserStats');
  await expect(dialog.locator('a[href*="/services/user-details/#op-getUserStats"]').first()).toBeVisible();
  await input.fill('/ws/getUserStats');
  await expect(dialog.locator('a[href*="/services/user-details/#op-getUserStats"]').first()).toBeVisible();
});
