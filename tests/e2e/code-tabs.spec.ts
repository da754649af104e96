import { expect, test } from '@playwright/test';

const tabGroups = 'starlight-tabs';

test('choosing a language switches every group on the page and is remembered', async ({ page }) => {
  await page.goto('/authentication/');
  const groups = page.locator(tabGroups);
  const count = await groups.count();
  expect(count).toBeGreaterThanOrEqual(5);

  // Every group offers the same languages.
  for (let i = 0; i < count; i++) {
    await expect(groups.nth(i).getByRole('tab')).toHaveText(['Shell', 'Python', 'R']);
  }

  await groups.nth(2).getByRole('tab', { name: 'Python' }).click();
  for (let i = 0; i < count; i++) {
    await expect(groups.nth(i).getByRole('tab', { name: 'Python' })).toHaveAttribute('aria-selected', 'true');
    await expect(groups.nth(i).getByRole('tabpanel')).toContainText('import');
  }

  await page.reload();
  await expect(groups.first().getByRole('tab', { name: 'Python' })).toHaveAttribute('aria-selected', 'true');

  await page.goto('/');
  await expect(page.locator(tabGroups).first().getByRole('tab', { name: 'Python' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator(tabGroups).first().getByRole('tabpanel')).toContainText('import requests');
});

test('the language choice can be made with the keyboard', async ({ page }) => {
  await page.goto('/authentication/');
  const first = page.locator(tabGroups).first();
  await first.getByRole('tab', { name: 'Shell' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(first.getByRole('tab', { name: 'R' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator(tabGroups).last().getByRole('tab', { name: 'R' })).toHaveAttribute('aria-selected', 'true');
});

test('every code block has a copy button that copies its code', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/authentication/');
  const blocks = page.locator('.expressive-code');
  const total = await blocks.count();
  expect(total).toBeGreaterThan(10);
  expect(await page.locator('.expressive-code button[data-code]').count()).toBe(total);

  const visibleShell = page.locator('starlight-tabs').nth(2).locator('[role="tabpanel"]:not([hidden]) .expressive-code');
  await visibleShell.hover();
  await visibleShell.getByRole('button', { name: /copy/i }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('grant_type=client_credentials');
  expect(copied).toContain('https://auth.ala.org.au/cas/oidc/oidcAccessToken');
});

test('code is highlighted by Shiki in both themes', async ({ page }) => {
  await page.goto('/authentication/');
  const token = page.locator('.expressive-code pre code span[style*="--0"]').first();
  await expect(token).toBeAttached();
});
