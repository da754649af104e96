import { expect, test } from '@playwright/test';

test('the client-credentials commands follow the reader\'s inputs and never ask for the secret', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/authentication/token-helper/');
  const builder = page.locator('[data-cc-builder]');
  await builder.getByLabel('Client ID').fill('my-pipeline');
  await builder.getByLabel('Scopes').fill('users/read ala/internal');
  const shell = builder.locator('[data-cc-code="shell"]');
  await expect(shell).toContainText(`CLIENT_ID='my-pipeline'`);
  await expect(shell).toContainText(`SCOPE='users/read ala/internal'`);
  await expect(shell).toContainText('https://auth.ala.org.au/cas/oidc/oidcAccessToken');
  await expect(builder.locator('[data-cc-code="python"]')).toContainText('auth=("my-pipeline", os.environ["ALA_CLIENT_SECRET"])');
  await expect(builder.locator('input')).toHaveCount(2);
  await builder.locator('[data-cc-copy="shell"]').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`CLIENT_ID='my-pipeline'`);
});
