import { expect, test, type Page, type Request } from '@playwright/test';
import { STORAGE_KEYS } from '../../src/lib/auth/credentials.ts';
import { allReceived, received, send } from '../support/try-it-client.ts';
import { recordCspViolations } from '../support/csp.ts';
import { startProvider, type RunningProvider } from '../support/oidc-provider.ts';
import { PROVIDER_PORTS, sandboxSite, UNUSED_PORT } from '../support/sites.ts';

// Real OpenID providers on loopback, one per style; one worker runs this file's tests in order.
test.describe.configure({ mode: 'serial' });

const HELPER = `${sandboxSite}/authentication/token-helper/`;
const CLIENT_ID = 'portal-e2e';
let ala: RunningProvider;
let cognito: RunningProvider;

test.beforeAll(async () => {
  const common = { clientId: CLIENT_ID, redirectUri: HELPER, siteOrigin: sandboxSite };
  ala = await startProvider({ ...common, port: PROVIDER_PORTS[0], style: 'ala' });
  cognito = await startProvider({ ...common, port: PROVIDER_PORTS[1], style: 'cognito' });
});
test.afterAll(async () => {
  await ala?.close();
  await cognito?.close();
});
test.beforeEach(async ({ page }) => {
  // The provider's development login page imports a web font; nothing here reaches the internet.
  await page.route(/^https:\/\/fonts\.(googleapis|gstatic)\.com\//, (route) => route.abort());
});
test.afterEach(async ({ page }) => {
  // A handler still running when the context closes must not hold the teardown.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

const form = (page: Page) => page.locator('[data-signin-form]');

/** Opens "Advanced" (it stays open when this tab already chose another provider). */
async function openAdvanced(page: Page): Promise<void> {
  if (!(await form(page).getByLabel('Discovery URL').isVisible())) await page.getByText('Advanced: another provider').click();
}

/** Fills the form and signs in; returns the authorize request the browser made. */
async function startSignIn(page: Page, provider: RunningProvider, scope = 'openid profile'): Promise<Request> {
  await page.goto(HELPER);
  await form(page).getByLabel('Client ID').fill(CLIENT_ID);
  await form(page).getByLabel('Scopes', { exact: true }).fill(scope);
  await openAdvanced(page);
  await form(page).getByLabel('Discovery URL').fill(provider.discoveryUrl);
  const authorize = page.waitForRequest((r) => r.url().startsWith(provider.issuer) && new URL(r.url()).searchParams.has('code_challenge'));
  await page.getByRole('button', { name: 'Sign in and get a token' }).click();
  return authorize;
}

async function login(page: Page, user = 'alice'): Promise<void> {
  await page.locator('input[name="login"]').fill(user);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

async function loginAndConsent(page: Page, user = 'alice'): Promise<void> {
  await login(page, user);
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('the whole flow ends with a displayed token, a clean address bar and nothing in localStorage', async ({ page }) => {
  const violations = await recordCspViolations(page);
  const authorize = await startSignIn(page, ala);
  const params = new URL(authorize.url()).searchParams;
  expect(params.get('code_challenge_method')).toBe('S256');
  expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(params.get('response_type')).toBe('code');
  expect(params.get('redirect_uri')).toBe(HELPER);
  expect(params.get('state')).toBeTruthy();
  expect(params.get('nonce')).toBeTruthy();
  expect(params.get('code_verifier')).toBeNull();

  await loginAndConsent(page);
  await expect(page.getByRole('heading', { name: 'Your access token' })).toBeVisible();
  expect(await page.evaluate(() => location.href)).toBe(HELPER);
  await expect(page).toHaveURL(HELPER);
  await expect(page.locator('[data-token-value]')).toHaveAttribute('data-masked', 'true');
  await expect(page.locator('[data-id-claims]')).toContainText('alice');
  await expect(page.locator('[data-id-claims]')).toContainText(ala.issuer);
  await expect(page.locator('[data-countdown]')).toContainText(/Expires in \d+ min/);

  await page.getByRole('button', { name: 'Show token' }).click();
  const token = (await page.locator('[data-token-value]').textContent())!;
  expect(token.length).toBeGreaterThan(20);
  expect(await page.evaluate((key) => sessionStorage.getItem(key), STORAGE_KEYS.pendingSignIn)).toBeNull();
  const local = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(local).not.toContain(token);
  expect(local).not.toContain('ala-portal');
  const history = await page.evaluate(() => location.href + document.referrer);
  expect(history).not.toContain('code=');
  // The flow (discovery, token request) stayed within the site's Content-Security-Policy.
  expect(violations).toEqual([]);
});

test('each sign-in sends a fresh challenge and state', async ({ page }) => {
  // Each sign-in is followed to the provider's login form, so that the test never ends (and its
  // context never closes) in the middle of the provider's redirects.
  const loginForm = page.locator('input[name="login"]');
  const first = new URL((await startSignIn(page, ala)).url()).searchParams;
  await expect(loginForm).toBeVisible();
  const second = new URL((await startSignIn(page, ala)).url()).searchParams;
  await expect(loginForm).toBeVisible();
  expect(second.get('code_challenge')).not.toBe(first.get('code_challenge'));
  expect(second.get('state')).not.toBe(first.get('state'));
});

test('a tampered state is refused: nothing is exchanged, no token is shown', async ({ page }) => {
  await startSignIn(page, ala);
  const tokenRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(`${ala.issuer}/token`)) tokenRequests.push(r.url());
  });
  await login(page);
  // Follow the provider's redirects ourselves from the consent form on, and send the browser
  // back with a forged state instead of the real one.
  let callback = '';
  const isConsent = (url: URL) => url.href.startsWith(`${ala.issuer}/interaction/`);
  await page.route(isConsent, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    let response = await route.fetch({ maxRedirects: 0 });
    let location = response.headers()['location'] ?? '';
    while (location && !location.startsWith(HELPER)) {
      response = await page.request.get(new URL(location, ala.issuer).href, { maxRedirects: 0 });
      location = response.headers()['location'] ?? '';
    }
    callback = location;
    const forged = new URL(location);
    forged.searchParams.set('state', 'forged-state-value');
    await route.fulfill({ status: 303, headers: { location: forged.href } });
  });
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect.poll(() => callback).toContain('code=');
  await page.unroute(isConsent);
  await expect(page).toHaveURL(HELPER);
  await expect(page.getByRole('alert')).toContainText('does not match this tab');
  await expect(page.getByRole('alert')).toContainText('Nothing was exchanged');
  await expect(page.locator('[data-result]')).toBeHidden();
  expect(tokenRequests).toEqual([]);
  expect(page.url()).toBe(HELPER);
  expect(await page.evaluate((key) => sessionStorage.getItem(key), STORAGE_KEYS.pendingSignIn)).toBeNull();
});

test('a provider error is explained', async ({ page }) => {
  await startSignIn(page, ala);
  await page.getByRole('link', { name: '[ Cancel ]' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The provider refused the sign-in');
  await expect(alert).toContainText('access_denied');
  await expect(page.locator('[data-result]')).toBeHidden();
  expect(page.url()).toBe(HELPER);
});

test('a missing client ID and an unreachable provider are explained', async ({ page }) => {
  await page.goto(HELPER);
  await page.getByRole('button', { name: 'Sign in and get a token' }).click();
  await expect(page.getByRole('alert')).toContainText('A client ID is needed');
  await expect(form(page).getByLabel('Client ID')).toHaveAttribute('aria-invalid', 'true');
  await form(page).getByLabel('Client ID').fill(CLIENT_ID);
  await openAdvanced(page);
  await form(page).getByLabel('Discovery URL').fill(`http://127.0.0.1:${UNUSED_PORT}/.well-known/openid-configuration`);
  await page.getByRole('button', { name: 'Sign in and get a token' }).click();
  await expect(page.getByRole('alert')).toContainText('could not be fetched');
  await expect(page.getByRole('alert')).toContainText(`allow the origin ${sandboxSite}`);
  await form(page).getByLabel('Discovery URL').fill('http://auth.example.org/.well-known/openid-configuration');
  await page.getByRole('button', { name: 'Sign in and get a token' }).click();
  await expect(page.getByRole('alert')).toContainText('must use https');
});

test('a provider with other endpoint paths works (discovery-driven, Cognito-style)', async ({ page }) => {
  const authorize = await startSignIn(page, cognito, 'openid');
  expect(new URL(authorize.url()).pathname).toBe('/pool/oauth2/authorize');
  await loginAndConsent(page, 'bob');
  await expect(page.getByRole('heading', { name: 'Your access token' })).toBeVisible();
  await expect(page.locator('[data-id-claims]')).toContainText('bob');
});

test('the provider\'s scopes are offered', async ({ page }) => {
  await page.goto(HELPER);
  await openAdvanced(page);
  await form(page).getByLabel('Discovery URL').fill(ala.discoveryUrl);
  await page.getByRole('button', { name: "Show the provider's scopes" }).click();
  const options = page.getByRole('group', { name: 'Scopes this provider offers' });
  await expect(options.getByRole('checkbox')).toHaveCount(5);
  await options.getByLabel('users/read').check();
  await expect(form(page).getByLabel('Scopes', { exact: true })).toHaveValue('openid users/read');
});

test('after sign-in, Try it sends the token to protected operations only, and the indicator shows it until cleared', async ({ page }) => {
  await startSignIn(page, ala, 'openid offline_access');
  await loginAndConsent(page);
  await expect(page.getByRole('heading', { name: 'Your access token' })).toBeVisible();
  await page.getByRole('button', { name: 'Show token' }).click();
  const token = (await page.locator('[data-token-value]').textContent())!;
  const indicator = page.locator('[data-token-indicator]:visible');
  await expect(indicator).toBeVisible();
  await expect(indicator).toContainText(/Token in use · \d+ min left/);

  await page.goto(`${sandboxSite}/services/user-details/`);
  await expect(page.locator('[data-token-indicator]:visible')).toBeVisible();
  await send(page, 'searchUsers');
  const request = await received((r) => r.headers.authorization === `Bearer ${token}`);
  expect(request.url).toMatch(/^\/userdetails\/userDetails\/search/);
  await page.keyboard.press('Escape'); // close the API client

  // An open operation, with the same token in the tab: sent without it.
  await page.goto(`${sandboxSite}/services/occurrences/get-occurrence-facets/`);
  await send(page, 'getOccurrenceFacets');
  await received((r) => r.url.startsWith('/occurrences/occurrences/facets'));
  expect((await allReceived((r) => r.url.startsWith('/occurrences/occurrences/facets'))).filter((r) => r.headers.authorization)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.locator('[data-token-indicator]:visible').getByRole('button', { name: /Clear/ }).click();
  await expect(page.locator('[data-token-indicator]:visible')).toBeHidden();
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(token);
});

test('a refresh token, when issued, gets a new access token', async ({ page }) => {
  await startSignIn(page, ala, 'openid offline_access');
  await loginAndConsent(page);
  const refresh = page.getByRole('button', { name: 'Refresh' });
  await expect(refresh).toBeVisible();
  await page.getByRole('button', { name: 'Show token' }).click();
  const before = await page.locator('[data-token-value]').textContent();
  await refresh.click();
  await page.getByRole('button', { name: 'Show token' }).click();
  await expect(page.locator('[data-token-value]')).not.toHaveText(before!);
});
