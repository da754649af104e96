import { expect, test, type Page } from '@playwright/test';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { SANDBOX_API_PORT, sandboxSite } from '../support/sites.ts';
import { TOKEN_KEY } from '../../src/lib/auth/token-store.ts';

// One loopback API for the whole file: keep its tests in one worker.
test.describe.configure({ mode: 'serial' });

let api: ApiServer;
test.beforeAll(async () => {
  api = await startApiServer(SANDBOX_API_PORT);
});
test.afterAll(async () => {
  await api.close();
});
test.beforeEach(() => {
  api.received.length = 0;
});

async function send(page: Page, operationId: string): Promise<void> {
  await page.locator(`a[data-console-operation="${operationId}"]`).click();
  const section = page.locator(`[data-api-console] section[id*="/tag/"]`).filter({ has: page.getByRole('button', { name: /Test Request/ }) }).first();
  await expect(section).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: /Test Request/ }).first().click();
  await page.locator('button:has-text("Send Request")').first().click();
}

test('a public operation is sent to the API and its response shown', async ({ page }) => {
  await page.goto(`${sandboxSite}/services/occurrences/`);
  await send(page, 'searchOccurrences');
  await expect.poll(() => api.received.length).toBeGreaterThan(0);
  const request = api.received[0]!;
  expect(request.method).toBe('GET');
  expect(request.url).toMatch(/^\/occurrences\/occurrences\/search/);
  expect(request.headers.authorization).toBeUndefined();
  await expect(page.getByText('loopback test API').first()).toBeVisible();
});

test('a protected operation carries the stored token as a bearer token', async ({ page }) => {
  await page.addInitScript(([key]) => {
    sessionStorage.setItem(key!, JSON.stringify({ accessToken: 'e2e-token-abc', tokenType: 'Bearer', expiresAt: Date.now() + 3_600_000 }));
  }, [TOKEN_KEY]);
  await page.goto(`${sandboxSite}/services/user-details/`);
  await send(page, 'searchUsers');
  await expect.poll(() => api.received.length).toBeGreaterThan(0);
  const request = api.received[0]!;
  expect(request.url).toMatch(/^\/userdetails\/userDetails\/search\?/);
  expect(request.headers.authorization).toBe('Bearer e2e-token-abc');
  await expect(page.getByText('loopback test API').first()).toBeVisible();
});

test('the galah API key, entered on the page, reaches the x-api-key header', async ({ page }) => {
  await page.goto(`${sandboxSite}/services/galah/`);
  await page.getByLabel(/Your API key/).fill('galah-key-123');
  await page.getByRole('button', { name: 'Use in console' }).click();
  await expect(page.getByRole('status')).toHaveText(/A key is in use/);
  const first = await page.locator('a[data-console-operation]').first().getAttribute('data-console-operation');
  await send(page, first!);
  await expect.poll(() => api.received.length).toBeGreaterThan(0);
  expect(api.received[0]!.headers['x-api-key']).toBe('galah-key-123');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ala-portal')))).toEqual([]);
});
