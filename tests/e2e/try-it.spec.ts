import { expect, test } from '@playwright/test';
import { received, send } from '../support/console.ts';
import { sandboxSite } from '../support/sites.ts';
import { TOKEN_KEY } from '../../src/lib/auth/token-store.ts';

test('a public operation is sent to the API and its response shown', async ({ page }) => {
  await page.goto(`${sandboxSite}/services/occurrences/`);
  await send(page, 'searchOccurrences');
  const request = await received((r) => r.url.startsWith('/occurrences/occurrences/search'));
  expect(request.method).toBe('GET');
  expect(request.headers.authorization).toBeUndefined();
  await expect(page.getByText('loopback test API').first()).toBeVisible();
});

test('a protected operation carries the stored token as a bearer token', async ({ page }) => {
  await page.addInitScript(([key]) => {
    sessionStorage.setItem(key!, JSON.stringify({ accessToken: 'e2e-token-abc', tokenType: 'Bearer', expiresAt: Date.now() + 3_600_000 }));
  }, [TOKEN_KEY]);
  await page.goto(`${sandboxSite}/services/user-details/`);
  await send(page, 'searchUsers');
  const request = await received((r) => r.headers.authorization === 'Bearer e2e-token-abc');
  expect(request.url).toMatch(/^\/userdetails\/userDetails\/search\?/);
  await expect(page.getByText('loopback test API').first()).toBeVisible();
});

test('the galah API key, entered on the page, reaches the x-api-key header', async ({ page }) => {
  await page.goto(`${sandboxSite}/services/galah/`);
  await page.getByLabel(/Your API key/).fill('galah-key-123');
  await page.getByRole('button', { name: 'Use in console' }).click();
  await expect(page.getByRole('status')).toHaveText(/A key is in use/);
  const first = await page.locator('a[data-console-operation]').first().getAttribute('data-console-operation');
  await send(page, first!);
  await received((r) => r.headers['x-api-key'] === 'galah-key-123');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ala-portal')))).toEqual([]);
});
