import { expect, test, type Page } from '@playwright/test';

async function search(page: Page, query: string) {
  await page.goto('/');
  await expect(page.locator('#starlight__search input.pagefind-ui__search-input')).toBeAttached({ timeout: 20_000 });
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog');
  await dialog.locator('input.pagefind-ui__search-input').fill(query);
  return dialog;
}

/**
 * What readers type, and the operation page it should land on: the first operation among the
 * results, within the first three (a recipe or guide on the same task may come first).
 */
const QUERIES: [string, string][] = [
  ['List the downloads now running', '/services/occurrences/list-active-downloads/'],
  ['getUserStats', '/services/user-details/get-user-stats/'],
  ['/ws/getUserStats', '/services/user-details/get-user-stats/'],
  ['offline download email', '/services/occurrences/request-offline-download'],
  ['WMS map tiles', '/services/occurrences/get-wms-tile/'],
  ['species list items', '/services/species-lists/list-species-list-items'],
  ['disableAllQualityFilters', '/services/'],
];

/** An operation page: /services/<service>/<operation>/ */
const OPERATION_URL = /^\/services\/[^/]+\/[^/#]+\/(#.*)?$/;

for (const [query, expected] of QUERIES) {
  test(`searching "${query}" lands on an operation page`, async ({ page }) => {
    const dialog = await search(page, query);
    const links = dialog.locator('.pagefind-ui__result-link');
    // The first query loads Pagefind's WebAssembly and index.
    await expect(links.first()).toBeVisible({ timeout: 15_000 });
    const hrefs = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).filter((h) => !h.includes('#'));
    const firstOperation = hrefs.findIndex((h) => OPERATION_URL.test(h));
    expect(firstOperation, `${query} → ${hrefs.slice(0, 3).join(', ')}`).toBeGreaterThanOrEqual(0);
    expect(firstOperation, `${query} → ${hrefs.slice(0, 3).join(', ')}`).toBeLessThan(3);
    expect(hrefs[firstOperation]!.startsWith(expected), `${query} → ${hrefs[firstOperation]}`).toBe(true);
  });
}

test('a search result opens the operation page', async ({ page }) => {
  const dialog = await search(page, 'List the downloads now running');
  await dialog.locator('.pagefind-ui__result-link').first().click({ timeout: 15_000 });
  await expect(page).toHaveURL(/\/services\/occurrences\/list-active-downloads\//);
  await expect(page.locator('[data-operation-page]')).toHaveAttribute('data-operation', 'listActiveDownloads');
});
