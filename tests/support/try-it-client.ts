/** Browser-side helpers for "Try it" (Scalar's API client), and what the run's loopback API received. */
import { expect, type Locator, type Page } from '@playwright/test';
import { receivedBy, type ReceivedRequest } from './api-server.ts';
import { sandboxApi as api } from './sites.ts';

/**
 * What the browser sent: the samples' test runs (curl, Python, R) send to the same loopback API,
 * and say so in their User-Agent.
 */
const fromBrowser = (r: ReceivedRequest) => /Chrome\//.test(String(r.headers['user-agent']));

/** Waits until the run's loopback API has received a request from the browser that `match` accepts. */
export async function received(match: (r: ReceivedRequest) => boolean): Promise<ReceivedRequest> {
  let found: ReceivedRequest | undefined;
  await expect.poll(async () => (found = (await allReceived(match))[0]), { timeout: 15_000 }).toBeDefined();
  return found!;
}

/** Every request from the browser the run's loopback API has received that `match` accepts, so far. */
export async function allReceived(match: (r: ReceivedRequest) => boolean): Promise<ReceivedRequest[]> {
  return (await receivedBy(api)).filter((r) => fromBrowser(r) && match(r));
}

/** The "Try it" button of an operation: on its own page, or in a service page's index. */
export function tryItButton(page: Page, operationId: string): Locator {
  return page.locator(`[data-operation="${operationId}"] button[data-try-it]`).first();
}

/** Opens the API client on an operation and waits until it can send. */
export async function openTryIt(page: Page, operationId: string): Promise<Locator> {
  await tryItButton(page, operationId).click();
  const dialog = page.getByRole('dialog', { name: 'API Client' });
  // The client's code (about 1 MB gzipped) loads on this first click.
  await expect(dialog.getByRole('button', { name: /^Send .* request to / })).toBeVisible({ timeout: 30_000 });
  return dialog;
}

/** Opens the API client on an operation and sends its request. */
export async function send(page: Page, operationId: string): Promise<Locator> {
  const dialog = await openTryIt(page, operationId);
  await dialog.getByRole('button', { name: /^Send .* request to / }).click();
  return dialog;
}
