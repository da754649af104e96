import { expect, test, type Page } from '@playwright/test';
import { STORAGE_KEYS } from '../../src/lib/auth/credentials.ts';
import { recordCspViolations } from '../support/csp.ts';
import { allReceived, openTryIt, received, send, tryItButton } from '../support/try-it-client.ts';
import { sandboxSite } from '../support/sites.ts';

/** A reader who signed in with the token helper earlier in this tab. */
async function signedIn(page: Page, accessToken: string): Promise<void> {
  await page.addInitScript(
    ([key, token]) => {
      sessionStorage.setItem(
        key!,
        JSON.stringify({ accessToken: token, tokenType: 'Bearer', expiresAt: Date.now() + 3_600_000, issuer: 'https://auth.example.org', clientId: 'c', tokenEndpoint: 'https://auth.example.org/token', raw: {} }),
      );
    },
    [STORAGE_KEYS.token, accessToken],
  );
}

test('the client is not loaded until the reader reaches for "Try it"', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script' || r.resourceType() === 'stylesheet') loaded.push(r.url());
  });
  await page.goto(`${sandboxSite}/services/occurrences/search-occurrences/`, { waitUntil: 'networkidle' });
  const before = loaded.length;
  const sizes = await page.evaluate(() => performance.getEntriesByType('resource').reduce((n, e) => n + (e as PerformanceResourceTiming).decodedBodySize, 0));
  expect(sizes, 'no API client code before "Try it"').toBeLessThan(400_000);
  await tryItButton(page, 'searchOccurrences').hover();
  await expect.poll(() => loaded.length, { message: 'hovering prefetches the client' }).toBeGreaterThan(before);
});

test('Try it loads the operation\'s own document, cut at build time, never the service\'s', async ({ page }) => {
  const documents: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/openapi/')) documents.push(new URL(r.url()).pathname);
  });
  await page.goto(`${sandboxSite}/services/occurrences/search-occurrences/`);
  await openTryIt(page, 'searchOccurrences');
  expect(documents).toEqual(['/openapi/occurrences/search-occurrences.json']);
  const own = (await (await page.request.get(`${sandboxSite}/openapi/occurrences/search-occurrences.json`)).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(own.paths)).toEqual(['/occurrences/search']);
});

/** The query of the request in the page's Shell sample (curl), as sorted name=value pairs. */
async function shellSampleRequest(page: Page): Promise<{ path: string; query: string[] }> {
  const shell = (await page.locator('[data-samples] [role="tabpanel"]').first().textContent()) ?? '';
  const url = new URL(/curl[^']*'(https?:[^']+)'/.exec(shell)?.[1] ?? 'http://missing/');
  return { path: url.pathname, query: [...url.searchParams].map(([k, v]) => `${k}=${v}`).sort() };
}

for (const [service, slug, operationId] of [
  ['occurrences', 'search-occurrences-by-taxon', 'searchOccurrencesByTaxon'],
  ['species', 'search-species', 'searchSpecies'],
  ['doi', 'list-dois', 'listDois'],
  ['data-quality', 'list-profiles', 'listProfiles'],
  ['namematching', 'match-classification', 'matchClassification'],
] as const) {
  test(`Try it's first Send on ${service} ${operationId} sends exactly the request of the page's Shell sample`, async ({ page }) => {
    await page.goto(`${sandboxSite}/services/${service}/${slug}/`);
    const expected = await shellSampleRequest(page);
    expect(expected.query.length, 'the sample sends a query').toBeGreaterThan(0);
    const samePath = (r: { url: string; method: string }) => r.method === 'GET' && new URL(r.url, 'http://x').pathname === expected.path;
    const before = (await allReceived(samePath)).length;
    await send(page, operationId);
    await expect.poll(async () => (await allReceived(samePath)).length).toBeGreaterThan(before);
    const sent = (await allReceived(samePath)).slice(before);
    for (const request of sent) {
      expect([...new URL(request.url, 'http://x').searchParams].map(([k, v]) => `${k}=${v}`).sort()).toEqual(expected.query);
    }
  });
}

test('a public operation is sent without a token, and its response shown', async ({ page }) => {
  await page.goto(`${sandboxSite}/services/occurrences/get-occurrence-facets/`);
  await expect(page.locator('[data-access="public"]')).toContainText('Open: no token needed');
  const dialog = await send(page, 'getOccurrenceFacets');
  const request = await received((r) => r.url.startsWith('/occurrences/occurrences/facets'));
  expect(request.method).toBe('GET');
  expect(request.headers.authorization).toBeUndefined();
  await expect(dialog.getByText('loopback test API').first()).toBeVisible();
});

test('after sign-in, an open operation still goes without the token; a protected one carries it', async ({ page }) => {
  await signedIn(page, 'e2e-token-signed-in');
  await page.goto(`${sandboxSite}/services/user-details/get-user-stats/`);
  const stats = (r: { url: string }) => r.url.startsWith('/userdetails/ws/getUserStats');
  const before = (await allReceived(stats)).length;
  await send(page, 'getUserStats');
  await expect.poll(async () => (await allReceived(stats)).length).toBe(before + 1);
  await page.keyboard.press('Escape');

  // The service page's index opens the client on the same page, operation by operation.
  await page.goto(`${sandboxSite}/services/user-details/`);
  // This test's own request: other tests send this operation with their own tokens.
  const search = (r: { url: string }) => r.url.startsWith('/userdetails/userDetails/search');
  const searchesBefore = (await allReceived(search)).length;
  const dialog = await send(page, 'searchUsers');
  await expect.poll(async () => (await allReceived(search)).length).toBeGreaterThan(searchesBefore);
  const locked = (await allReceived(search))[searchesBefore]!;
  expect(locked.headers.authorization).toBe('Bearer e2e-token-signed-in');
  // The client holds this operation only: nothing in it leads to another with the token set.
  await dialog.getByRole('button', { name: 'Show sidebar' }).click();
  // (Under the operation, the client lists its one example: the page's sample request.)
  const operations = dialog.locator('aside').getByRole('button', { name: /HTTP Method:/ });
  await expect(operations).toHaveCount(1);
  await expect(operations).toContainText('Search');
  await page.keyboard.press('Escape');
  await send(page, 'getUserStats');
  await expect.poll(async () => (await allReceived(stats)).length).toBe(before + 2);
  expect((await allReceived(stats)).map((r) => r.headers.authorization ?? 'none')).toEqual((await allReceived(stats)).map(() => 'none'));
});

test('a token-optional operation goes without a token, and with the reader\'s token once signed in', async ({ page }) => {
  await page.goto(`${sandboxSite}/services/occurrences/search-occurrences/`);
  await expect(page.locator('[data-access="optional"]')).toContainText('token optional');
  await signedIn(page, 'e2e-token-optional');
  await page.reload();
  await send(page, 'searchOccurrences');
  const request = await received((r) => r.headers.authorization === 'Bearer e2e-token-optional');
  expect(request.url).toMatch(/^\/occurrences\/occurrences\/search/);
});

test('the galah API key, entered on the page, reaches the x-api-key header; nothing is kept in localStorage', async ({ page }) => {
  await page.goto(`${sandboxSite}/services/galah/`);
  const first = page.locator('[data-operation][data-api-key]').first();
  const operationId = (await first.getAttribute('data-operation'))!;
  await first.getByRole('link').first().click();
  await expect(page.locator('[data-operation-page]')).toHaveAttribute('data-operation', operationId);
  await expect(page.locator('[data-api-key-form]')).toBeVisible();
  await page.getByLabel(/Your API key/).fill('galah-key-123');
  await page.getByRole('button', { name: 'Use for Try it' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Try it sends this key' })).toBeVisible();
  await send(page, operationId);
  const request = await received((r) => r.headers['x-api-key'] === 'galah-key-123');
  expect(request.headers.authorization).toBeUndefined();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ala-portal')))).toEqual([]);
});

test('the client dialog keeps focus inside, closes on Escape, and gives focus back', async ({ page }) => {
  await page.goto(`${sandboxSite}/services/species/`);
  const button = page.locator('[data-operation] button[data-try-it]').first();
  // The button shows once its script has run; Enter on it opens the client (the first time, with its code).
  await expect(button).toBeVisible();
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'API Client' });
  await expect(dialog.getByRole('button', { name: /^Send .* request to / })).toBeVisible({ timeout: 30_000 });
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]')), `Tab ${i + 1} stays in the dialog`).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  await button.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close Client' }).click();
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test('sending from the client stays within the Content-Security-Policy, and follows the site theme', async ({ page }) => {
  const violations = await recordCspViolations(page);
  await page.addInitScript(() => localStorage.setItem('starlight-theme', 'light'));
  await page.goto(`${sandboxSite}/services/species/`);
  const operationId = (await page.locator('[data-operation]').first().getAttribute('data-operation'))!;
  await send(page, operationId);
  await received((r) => r.url.startsWith('/species/'));
  await expect(page.getByRole('dialog').getByText('loopback test API').first()).toBeVisible();
  await expect(page.locator('body')).toHaveClass(/\blight-mode\b/);
  await page.evaluate(() => {
    document.documentElement.dataset['theme'] = 'dark';
  });
  await expect(page.locator('body')).toHaveClass(/\bdark-mode\b/);
  expect(violations).toEqual([]);
});

test('when the document cannot be loaded, the reader is told, and the next click opens the client', async ({ page }) => {
  let failures = 1;
  await page.route('**/openapi/occurrences/search-occurrences.json', (route) => (failures-- > 0 ? route.abort() : route.continue()));
  await page.goto(`${sandboxSite}/services/occurrences/search-occurrences/`);
  await tryItButton(page, 'searchOccurrences').click();
  await expect(page.locator('[data-try-it-status]')).toContainText('The API client could not open');
  const dialog = await openTryIt(page, 'searchOccurrences');
  await expect(dialog.getByRole('button', { name: /^Send .* request to / })).toBeVisible();
  await expect(page.locator('.ala-try-it'), 'one client, not a second one beside it').toHaveCount(1);
});

test.describe('on a phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the client covers the screen, its close button clear of the site header, and Send shows the status', async ({ page }) => {
    await page.goto(`${sandboxSite}/services/occurrences/search-occurrences/`);
    const dialog = await openTryIt(page, 'searchOccurrences');
    expect(await dialog.boundingBox(), 'the client fills the viewport').toEqual({ x: 0, y: 0, width: 390, height: 844 });
    const close = dialog.getByRole('button', { name: 'Close Client' });
    const closeBox = (await close.boundingBox())!;
    await expect(close).toBeInViewport();
    // The client's own top band holds its close button; the first control below starts under it.
    const address = (await dialog.getByRole('button', { name: /^Send .* request to / }).boundingBox())!;
    expect(closeBox.y + closeBox.height, 'the close button sits above the client\'s controls').toBeLessThanOrEqual(address.y);
    const inClient = (x: number, y: number) => page.evaluate(([px, py]) => !!document.elementFromPoint(px!, py!)?.closest('.ala-try-it'), [x, y]);
    expect(await inClient(closeBox.x + closeBox.width / 2, closeBox.y + closeBox.height / 2), 'the close button is the client\'s, on top').toBe(true);
    for (const [x, y] of [[370, 28], [195, 28], [20, 28], [195, 830]] as const) expect(await inClient(x, y), `the client, not the page, is at (${x}, ${y})`).toBe(true);

    await dialog.getByRole('button', { name: /^Send .* request to / }).click();
    await expect(dialog.getByText('loopback test API').first()).toBeAttached();
    const status = dialog.getByText('200 OK').first();
    await expect(status, 'the response status is on screen without scrolling').toBeInViewport();
    await close.click();
    await expect(dialog).toBeHidden();
  });
});
