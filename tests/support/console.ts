/** Browser-side helpers for the try-it console, and what the run's loopback API received. */
import { expect, type Page } from '@playwright/test';
import { receivedBy, type ReceivedRequest } from './api-server.ts';
import { SANDBOX_API_PORT } from './sites.ts';

const api = `http://127.0.0.1:${SANDBOX_API_PORT}`;

/** Waits until the run's loopback API has received a request that `match` accepts. */
export async function received(match: (r: ReceivedRequest) => boolean): Promise<ReceivedRequest> {
  let found: ReceivedRequest | undefined;
  await expect.poll(async () => (found = (await receivedBy(api)).find(match)), { timeout: 15_000 }).toBeDefined();
  return found!;
}

export async function send(page: Page, operationId: string): Promise<void> {
  await page.locator(`a[data-console-operation="${operationId}"]`).click();
  const section = page.locator(`[data-api-console] section[id*="/tag/"]`).filter({ has: page.getByRole('button', { name: /Test Request/ }) }).first();
  await expect(section).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: /Test Request/ }).first().click();
  await page.locator('button:has-text("Send Request")').first().click();
}
