import { expect, test } from '@playwright/test';
import { recordCspViolations } from '../support/csp.ts';
import { received, send } from '../support/try-it-client.ts';
import { sandboxSite } from '../support/sites.ts';

const TEMPLATES = ['/', '/authentication/', '/authentication/token-helper/', '/services/', '/errors/', '/services/occurrences/', '/services/occurrences/search-occurrences/'];

test('every page carries a strict policy', async ({ request }) => {
  for (const path of TEMPLATES) {
    const html = await (await request.get(path)).text();
    const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy, path).toContain("default-src 'self'");
    expect(policy, path).toMatch(/connect-src 'self' https:\/\/api\.ala\.org\.au https:\/\/auth\.ala\.org\.au https:\/\/lists-ws\.ala\.org\.au;/);
    expect(policy, path).not.toContain("'unsafe-eval'");
    expect(policy, path).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[^']+')*;/);
    expect(html.indexOf('content-security-policy'), `${path}: the policy comes before any script`).toBeLessThan(html.indexOf('<script'));
  }
});

for (const path of TEMPLATES) {
  test(`${path} runs without a policy violation, search included`, async ({ page }) => {
    const violations = await recordCspViolations(page);
    await page.goto(path, { waitUntil: 'networkidle' });
    await expect(page.locator('#starlight__search input.pagefind-ui__search-input')).toBeAttached({ timeout: 20_000 });
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog').locator('input.pagefind-ui__search-input').fill('occurrences');
    await expect(page.getByRole('dialog').locator('.pagefind-ui__result-link').first()).toBeVisible({ timeout: 15_000 });
    expect(violations).toEqual([]);
  });
}

test('inline styles are allowed only on pages with Try it (the API client writes its own)', async ({ request }) => {
  const policyOf = async (path: string) => /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(await (await request.get(path)).text())?.[1] ?? '';
  expect(await policyOf('/services/occurrences/search-occurrences/')).toContain("style-src 'self' 'unsafe-inline'");
  for (const path of ['/', '/authentication/', '/errors/']) expect(await policyOf(path), path).not.toMatch(/style-src [^;]*'unsafe-inline'/);
});

test('an operation page with the API client open, sending a request, stays within the policy', async ({ page }) => {
  const violations = await recordCspViolations(page);
  await page.goto(`${sandboxSite}/services/species/`);
  await send(page, (await page.locator('[data-operation]').first().getAttribute('data-operation'))!);
  await received((r) => r.url.startsWith('/species/'));
  await expect(page.getByRole('dialog').getByText('loopback test API').first()).toBeVisible();
  expect(violations).toEqual([]);
});
