import { expect, test } from '@playwright/test';

test('Ctrl+K opens search, and "PKCE" finds the authentication guide', async ({ page }) => {
  await page.goto('/errors/');
  // Starlight builds the search UI when the browser is first idle; a reader opening search
  // a moment after the page loads finds it ready.
  await expect(page.locator('#starlight__search input.pagefind-ui__search-input')).toBeAttached({ timeout: 20_000 });
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.locator('input.pagefind-ui__search-input').fill('PKCE');
  const result = dialog.locator('.pagefind-ui__result-link').first();
  await expect(result).toBeVisible({ timeout: 15_000 });
  await expect(dialog.locator('.pagefind-ui__result-link[href^="/authentication/"]').first()).toBeVisible();
  await dialog.locator('.pagefind-ui__result-link[href^="/authentication/"]').first().click();
  await expect(page).toHaveURL(/\/authentication\//);
});
