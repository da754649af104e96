/**
 * The portal works through its production server rules: `dist-sandbox/` served by Debian's nginx
 * (deploy/nginx/serve.sh) — a page, search, the token helper against a real OpenID provider, and
 * try-it to the run's loopback API — with its headers in force (Permissions-Policy, frame-ancestors).
 */
import { expect, test, type Page } from '@playwright/test';
import { received, send } from '../support/try-it-client.ts';
import { recordCspViolations } from '../support/csp.ts';
import { startNginx, type RunningNginx } from '../support/nginx-server.ts';
import { startProvider, type RunningProvider } from '../support/oidc-provider.ts';
import { NGINX_PORTS, NGINX_PROVIDER_PORT } from '../support/sites.ts';

// One worker runs this file's tests in order: they share the servers started below.
test.describe.configure({ mode: 'default' });

const CLIENT_ID = 'portal-nginx-e2e';
let site: RunningNginx;
let provider: RunningProvider;

test.beforeAll(async () => {
  site = await startNginx('dist-sandbox', NGINX_PORTS.sandbox);
  provider = await startProvider({
    port: NGINX_PROVIDER_PORT,
    style: 'ala',
    clientId: CLIENT_ID,
    redirectUri: `${site.url}/authentication/token-helper/`,
    siteOrigin: site.url,
  });
});
test.afterAll(async () => {
  await provider?.close();
  await site?.stop();
});

/** Console messages about the response headers (an unknown Permissions-Policy feature, say). */
function headerComplaints(page: Page): string[] {
  const complaints: string[] = [];
  page.on('console', (m) => {
    if (/Permissions-Policy|Unrecognized feature|frame-ancestors|Strict-Transport-Security/i.test(m.text())) complaints.push(m.text());
  });
  return complaints;
}

test('a page and search work through nginx, and the browser accepts every header', async ({ page }) => {
  const complaints = headerComplaints(page);
  const violations = await recordCspViolations(page);
  await page.goto(`${site.url}/errors/`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('#starlight__search input.pagefind-ui__search-input')).toBeAttached({ timeout: 20_000 });
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog');
  await dialog.locator('input.pagefind-ui__search-input').fill('PKCE');
  const result = dialog.locator('.pagefind-ui__result-link[href^="/authentication/"]').first();
  // The first query loads Pagefind's WebAssembly and index: give a busy machine time.
  await expect(result).toBeVisible({ timeout: 15_000 });
  await result.click();
  await expect(page).toHaveURL(new RegExp(`^${site.url}/authentication/`));
  expect(complaints).toEqual([]);
  expect(violations).toEqual([]);
});

test('no other site can frame the portal', async ({ page }) => {
  // A page of another origin (the provider's) trying to frame a portal page.
  await page.goto(provider.discoveryUrl);
  const blocked = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    document.body.append(frame);
  }, `${site.url}/errors/`);
  expect((await blocked).text()).toContain("frame-ancestors 'none'");
});

test('the token helper signs in through nginx, and its copy buttons may use the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const complaints = headerComplaints(page);
  const violations = await recordCspViolations(page);
  // The provider's development login page imports a web font; nothing here reaches the internet.
  await page.route(/^https:\/\/fonts\.(googleapis|gstatic)\.com\//, (route) => route.abort());
  await page.goto(`${site.url}/authentication/token-helper/`);

  const commands = page.locator('[data-cc-builder]').getByRole('tabpanel').locator('.expressive-code');
  await commands.hover();
  await commands.getByRole('button', { name: /copy/i }).click();
  await expect(commands.locator('.feedback')).toHaveText('Copied!');
  // Permissions-Policy lets the page itself write to the clipboard (reading it stays denied).
  expect(await page.evaluate(() => navigator.clipboard.writeText('probe').then(() => 'written', (e: unknown) => String(e)))).toBe('written');

  const form = page.locator('[data-signin-form]');
  await form.getByLabel('Client ID').fill(CLIENT_ID);
  await form.getByLabel('Scopes', { exact: true }).fill('openid profile');
  if (!(await form.getByLabel('Discovery URL').isVisible())) await page.getByText('Advanced: another provider').click();
  await form.getByLabel('Discovery URL').fill(provider.discoveryUrl);
  await page.getByRole('button', { name: 'Sign in and get a token' }).click();
  await page.locator('input[name="login"]').fill('carol');
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Your access token' })).toBeVisible();
  await expect(page).toHaveURL(`${site.url}/authentication/token-helper/`);
  await expect(page.locator('[data-id-claims]')).toContainText('carol');
  expect(complaints).toEqual([]);
  expect(violations).toEqual([]);
});

test('try-it reaches the loopback API from a page served by nginx', async ({ page }) => {
  await page.goto(`${site.url}/services/occurrences/`);
  await send(page, 'searchOccurrences');
  const request = await received((r) => r.url.startsWith('/occurrences/occurrences/search') && r.headers.origin === site.url);
  expect(request.method).toBe('GET');
});
