import { expect, test } from '@playwright/test';
import { GUIDE_PAGES, SERVICE_PAGES } from '../support/pages.ts';

for (const path of [...GUIDE_PAGES, ...SERVICE_PAGES]) {
  test(`${path} requests nothing from another host`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      if (new URL(url).origin !== origin) foreign.push(url);
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    const consoleHost = page.locator('[data-api-console]');
    if (await consoleHost.count()) {
      // Service pages: the console, once mounted, must not call out either.
      await consoleHost.scrollIntoViewIfNeeded();
      await expect(consoleHost).toHaveAttribute('data-state', 'mounted', { timeout: 15_000 });
    }
    await page.waitForLoadState('networkidle');
    expect(foreign).toEqual([]);
  });
}
