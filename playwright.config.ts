import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/support/chromium.ts';
import { SITE_PORTS } from './tests/support/sites.ts';

export default defineConfig({
  testDir: './tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  // On CI one retry, so a 2-core machine's hiccup does not sink the run; a test that passed only
  // on its retry is printed as "flaky" in the summary, and one that fails twice fails the run.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${SITE_PORTS.production}`,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'off',
  },
  webServer: [
    {
      command: `node tools/serve-site.ts dist ${SITE_PORTS.production}`,
      url: `http://127.0.0.1:${SITE_PORTS.production}/__health`,
      reuseExistingServer: false,
    },
    {
      command: `node tools/serve-site.ts dist-testing ${SITE_PORTS.testing}`,
      url: `http://127.0.0.1:${SITE_PORTS.testing}/__health`,
      reuseExistingServer: false,
    },
    {
      command: `node tools/serve-site.ts dist-sandbox ${SITE_PORTS.sandbox}`,
      url: `http://127.0.0.1:${SITE_PORTS.sandbox}/__health`,
      reuseExistingServer: false,
    },
  ],
});
