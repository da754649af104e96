import { expect, test, type Page } from '@playwright/test';
import { STORAGE_KEYS } from '../../src/lib/auth/credentials.ts';
import { axeViolations } from '../support/axe.ts';
import { sandboxSite } from '../support/sites.ts';
import { received, send } from '../support/try-it-client.ts';

const TEMPLATES = [
  '/',
  '/authentication/',
  '/authentication/token-helper/',
  '/services/',
  '/services/occurrences/',
  '/services/galah/',
  '/services/occurrences/search-occurrences/',
  '/services/user-details/search-users/',
  '/services/galah/count-occurrence-records/',
  '/recipes/',
  '/recipes/occurrence-download/',
  '/errors/',
];

/** axe on the portal's own markup: Scalar's client dialog, when open, is measured on its own (bench). */
const axe = (page: Page) => axeViolations(page, '.ala-try-it');

for (const theme of ['light', 'dark'] as const) {
  for (const path of TEMPLATES) {
    test(`${path} has no axe violations in ${theme} mode`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto(path, { waitUntil: 'networkidle' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      expect(await axe(page)).toEqual([]);
    });
  }
}

test('the token helper has no axe violations with a result and an error shown', async ({ page }) => {
  await page.addInitScript((key) =>
    sessionStorage.setItem(
      key,
      JSON.stringify({ accessToken: 'opaque-token-value-123456', tokenType: 'Bearer', issuer: 'https://auth.example.org', clientId: 'c', tokenEndpoint: 'https://auth.example.org/token', expiresAt: Date.now() + 600_000, raw: {} }),
    ),
  STORAGE_KEYS.token);
  await page.goto('/authentication/token-helper/');
  await page.getByRole('button', { name: 'Sign in and get a token' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your access token' })).toBeVisible();
  expect(await axe(page)).toEqual([]);
});

test('keyboard: the skip link jumps to the content, and focus is visible', async ({ page }) => {
  await page.goto('/services/occurrences/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#_top$/);
  // The next Tab lands inside the main content, not back in the header.
  await page.keyboard.press('Tab');
  const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
  expect(inMain).toBe(true);
});

for (const theme of ['light', 'dark'] as const) {
  test(`an operation page with the API client open, after sending and scrolling, has no axe violations in ${theme} mode`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await page.goto(`${sandboxSite}/services/occurrences/search-occurrences/`);
    await send(page, 'searchOccurrences');
    await received((r) => r.url.startsWith('/occurrences/occurrences/search'));
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.mouse.wheel(0, 4000);
    await page.locator('details').evaluateAll((els) => els.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await axe(page)).toEqual([]);
  });
}

test('keyboard: a service index can be walked to an operation page, and "Try it" opened there', async ({ page }) => {
  await page.goto('/services/namematching/');
  const link = page.locator('[data-operation] a').first();
  await link.focus();
  const outline = await link.evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
  expect(outline).not.toMatch(/^none|0px$/);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-operation-page]')).toBeVisible();
  const tryIt = page.locator('[data-operation-page] button[data-try-it]');
  await expect(tryIt).toBeVisible();
  await tryIt.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'API Client' })).toBeVisible({ timeout: 15_000 });
});

test('keyboard: the token helper form can be filled and sent without a mouse', async ({ page }) => {
  await page.goto('/authentication/token-helper/');
  await page.locator('#th-client-id').focus();
  await page.keyboard.type('keyboard-client');
  await page.keyboard.press('Tab');
  await expect(page.locator('#th-scope')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: "Show the provider's scopes" })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Copy', exact: true }).first()).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // opens "Advanced"
  await page.keyboard.press('Tab');
  await expect(page.locator('#th-discovery')).toBeFocused();
  await page.keyboard.type('http://auth.example.org/.well-known/openid-configuration');
  await page.keyboard.press('Enter'); // submits the form
  await expect(page.getByRole('alert')).toContainText('must use https');
  const ring = await page.locator('#th-discovery').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(ring).not.toBe('none');
});

test('print: guide pages print without navigation, search or buttons, and keep their code', async ({ page }) => {
  await page.goto('/authentication/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('nav.sidebar')).toBeHidden();
  await expect(page.locator('header.header')).toBeHidden();
  await expect(page.locator('.right-sidebar-container')).toBeHidden();
  await expect(page.locator('.expressive-code').first()).toBeVisible();
  await expect(page.locator('h1')).toBeVisible();
  await page.goto('/services/occurrences/');
  await expect(page.locator('button[data-try-it]').first()).toBeHidden();
  await expect(page.locator('[data-operation]').first()).toBeVisible();
});
