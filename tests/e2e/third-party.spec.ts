import { expect, test } from '@playwright/test';
import { GUIDE_PAGES, OPERATION_PAGES, SERVICE_PAGES } from '../support/pages.ts';
import { sandboxSite } from '../support/sites.ts';
import { received, send } from '../support/try-it-client.ts';

for (const path of [...GUIDE_PAGES, ...SERVICE_PAGES, ...OPERATION_PAGES]) {
  test(`${path} requests nothing from another host`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      if (new URL(url).origin !== origin) foreign.push(url);
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    expect(foreign).toEqual([]);
  });
}

test('the API client, open and sending, calls only the site and the configured API', async ({ page }) => {
  const foreign: string[] = [];
  const allowed = [new URL(sandboxSite).origin, new URL((await (await page.request.get(`${sandboxSite}/openapi/species.json`)).json() as { servers: { url: string }[] }).servers[0]!.url).origin];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (!allowed.includes(new URL(url).origin)) foreign.push(url);
  });
  await page.goto(`${sandboxSite}/services/species/`);
  await send(page, (await page.locator('[data-operation]').first().getAttribute('data-operation'))!);
  await received((r) => r.url.startsWith('/species/'));
  await page.waitForLoadState('networkidle');
  expect(foreign).toEqual([]);
});
