import { expect, test } from '@playwright/test';

test('the client-credentials commands follow the reader\'s inputs in every language tab, and never ask for the secret', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/authentication/token-helper/');
  const builder = page.locator('[data-cc-builder]');
  await builder.getByLabel('Client ID').fill('my-pipeline');
  await builder.getByLabel('Scopes').fill('users/read ala/internal');
  const shell = builder.getByRole('tabpanel');
  await expect(shell).toContainText(`CLIENT_ID='my-pipeline'`);
  await expect(shell).toContainText(`SCOPE='users/read ala/internal'`);
  await expect(shell).toContainText('https://auth.ala.org.au/cas/oidc/oidcAccessToken');
  await builder.getByRole('tab', { name: 'Python' }).click();
  await expect(builder.getByRole('tabpanel')).toContainText('auth=("my-pipeline", os.environ["ALA_CLIENT_SECRET"])');
  await builder.getByRole('tab', { name: 'R' }).click();
  await expect(builder.getByRole('tabpanel')).toContainText('req_auth_basic("my-pipeline", Sys.getenv("ALA_CLIENT_SECRET"))');
  await expect(builder.locator('input')).toHaveCount(2);
  await builder.getByRole('tab', { name: 'Shell' }).click();
  const block = builder.getByRole('tabpanel').locator('.expressive-code');
  await block.hover();
  await block.getByRole('button', { name: /copy/i }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`CLIENT_ID='my-pipeline'`);
});
