/**
 * The API changelog in the browser. On the production build: the pages, feeds, links and twins
 * that exist from the first recording. Then the acceptance scenario of issue 19, end to end on a
 * copy of the project's `openapi/` and `changelog/` folders: a document is changed (an operation
 * removed, a required and an optional query parameter added to two others) → `changelog:check`
 * fails naming the service → `changelog:record` records it → the check passes → a build of that
 * service (`dist-changelog/`: one document, about 10 s) shows the entry on its changelog page, the
 * changed operation's badge, the feed item, and the page left at the removed operation's address.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { SERVICE_IDS } from '../../src/config/services.ts';
import { serveDirectory, type RunningServer } from '../../tools/serve-site.ts';
import { axeViolations } from '../support/axe.ts';
import { changeSpeciesDocument } from '../support/document-edits.ts';
import { buildSite, reusableBuild } from '../support/site-build.ts';

const run = promisify(execFile);

/** Parses a feed in the page's XML parser: its version, channel title and items, or the parse error. */
async function readFeed(page: Page, url: string) {
  const xml = await (await page.request.get(url)).text();
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.querySelector('parsererror')?.textContent;
    const items = [...doc.querySelectorAll('channel > item')].map((item) => ({
      title: item.querySelector('title')?.textContent ?? '',
      link: item.querySelector('link')?.textContent ?? '',
      pubDate: item.querySelector('pubDate')?.textContent ?? '',
      content: item.getElementsByTagNameNS('http://purl.org/rss/1.0/modules/content/', 'encoded')[0]?.textContent ?? '',
    }));
    return { error, version: doc.documentElement.getAttribute('version'), title: doc.querySelector('channel > title')?.textContent, items };
  }, xml);
}

test.describe('the production build', () => {
  test('/changelog/ has every service, newest first, each change classed; the feed is advertised', async ({ page }) => {
    await page.goto('/changelog/');
    await expect(page.getByRole('heading', { level: 1, name: 'API changelog' })).toBeVisible();
    const services = await page.locator('[data-entry]').evaluateAll((entries) => entries.map((e) => (e as HTMLElement).dataset['service']));
    expect(new Set(services)).toEqual(new Set(SERVICE_IDS));
    const dates = await page.locator('[data-entry] time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
    expect(dates).toEqual([...dates].sort().reverse());
    for (const changeClass of await page.locator('[data-change-class]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['changeClass']))) {
      expect(['breaking', 'non-breaking', 'deprecated', 'annotation']).toContain(changeClass);
    }
    await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"][href="/changelog.xml"]')).toHaveCount(1);
    await expect(page.locator('nav[aria-label="Main"] a[href="/changelog/"]')).toHaveText('Changelog');
  });

  test('every service page links its changelog, which advertises its own feed', async ({ page }) => {
    for (const id of SERVICE_IDS) {
      await page.goto(`/services/${id}/`);
      await page.locator('[data-changelog-link]').click();
      await expect(page).toHaveURL(`/services/${id}/changelog/`);
      await expect(page.locator(`head link[rel="alternate"][type="application/rss+xml"][href="/services/${id}/changelog.xml"]`)).toHaveCount(1);
      // Newest first: the first entry ever recorded is the last one listed.
      await expect(page.locator('[data-entry]').last()).toContainText('Initial publication');
    }
  });

  test('the feeds are RSS 2.0 that parses, with an item per entry', async ({ page }) => {
    await page.goto('/changelog/');
    const site = await readFeed(page, '/changelog.xml');
    expect(site.error).toBeUndefined();
    expect(site.version).toBe('2.0');
    expect(site.items.length).toBeGreaterThanOrEqual(SERVICE_IDS.length);
    for (const item of site.items) expect(new Date(item.pubDate).getTime()).not.toBeNaN();
    const one = await readFeed(page, '/services/spatial/changelog.xml');
    expect(one.error).toBeUndefined();
    expect(one.title).toBe('Spatial: API changelog');
    expect(one.items[0]!.link).toMatch(/\/services\/spatial\/changelog\/#\d{4}-\d{2}-\d{2}/);
  });

  test('the changelog has Markdown twins, and llms.txt lists them', async ({ request }) => {
    const twin = await (await request.get('/changelog.md')).text();
    expect(twin).toMatch(/^# API changelog\n/);
    expect(twin).toContain('Initial publication');
    expect(await (await request.get('/services/alerts/changelog.md')).text()).toMatch(/^# Alerts: API changelog\n/);
    const llms = await (await request.get('/llms.txt')).text();
    expect(llms).toContain('## Changelog');
    expect(llms).toContain('[API changelog](/changelog.md)');
    expect(llms).toContain('(/services/alerts/changelog.md)');
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`/changelog/ and a service's changelog have no axe violations in ${theme} mode`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      for (const path of ['/changelog/', '/services/species/changelog/']) {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        await expect(page.locator('form[data-filter-form]')).toBeVisible();
        expect(await axeViolations(page), path).toEqual([]);
      }
    });
  }
});

test.describe('acceptance: a changed document, checked, recorded and built', () => {
  test.describe.configure({ mode: 'serial' });
  const OUT = resolve('dist-changelog');
  let root: string;
  let site: RunningServer;
  const steps: Record<'checkBefore' | 'record' | 'checkAfter', { code: number; output: string }> = {} as never;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    root = await mkdtemp(join(tmpdir(), 'ala-changelog-e2e-'));
    await cp('openapi', join(root, 'openapi'), { recursive: true });
    await cp('changelog', join(root, 'changelog'), { recursive: true });
    await changeSpeciesDocument(join(root, 'openapi/species.yaml'));
    const tool = (...args: string[]) =>
      run(process.execPath, ['tools/changelog.ts', ...args, '--root', root]).then(
        ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
      );
    steps.checkBefore = await tool('check');
    steps.record = await tool('record', '--note', 'GUID lookup by name retired; short profiles take an API version');
    steps.checkAfter = await tool('check');
    // The build reads one document (the changed one) and the records: what the scenario needs, at a fraction of the whole site's cost.
    const documents = join(root, 'built-documents');
    await mkdir(documents);
    await cp(join(root, 'openapi/species.yaml'), join(documents, 'species.yaml'));
    if (!reusableBuild(OUT)) {
      buildSite(OUT, { ALA_OPENAPI_DIR: documents, ALA_CHANGELOG_DIR: join(root, 'changelog') });
    }
    site = await serveDirectory(OUT);
  });

  test.afterAll(async () => {
    await site?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  test('changelog:check fails naming the service; changelog:record records it; the check then passes', () => {
    expect(steps.checkBefore.code).toBe(1);
    expect(steps.checkBefore.output).toContain('species: openapi/species.yaml differs from openapi/baseline/species.yaml');
    expect(steps.checkBefore.output).toContain('Operation `GET /guid/{name}` was removed.');
    expect(steps.record.code).toBe(0);
    expect(steps.record.output).toContain('species: entry appended to changelog/species.json (3 changes, 2 breaking)');
    expect(steps.checkAfter.code).toBe(0);
  });

  test("the service's changelog shows the removal and the required parameter as breaking, the optional one as non-breaking", async ({ page }) => {
    await page.goto(`${site.url}/services/species/changelog/`);
    const entry = page.locator('[data-entry]').first();
    await expect(entry).toContainText('GUID lookup by name retired');
    await expect(entry).toHaveAttribute('data-breaking', '');
    await expect(entry.locator('[data-change-class="breaking"]').filter({ hasText: 'Operation GET /guid/{name} was removed.' })).toHaveCount(1);
    await expect(entry.locator('[data-change-class="breaking"]').filter({ hasText: 'Required apiVersion query parameter was added.' })).toHaveCount(1);
    await expect(entry.locator('[data-change-class="non-breaking"]').filter({ hasText: 'Optional query parameter includeSynonyms was added.' })).toHaveCount(1);
    // Each change links the operation it touched.
    await expect(entry.locator('[data-change-class="breaking"] a[href="/services/species/get-taxon-short-profile/"]')).toHaveCount(1);
    await expect(entry.locator('[data-change-class="non-breaking"] a[href="/services/species/list-child-concepts/"]')).toHaveCount(1);
  });

  test("the changed operation's page carries data-changed, linking to the entry; an untouched one does not", async ({ page }) => {
    await page.goto(`${site.url}/services/species/get-taxon-short-profile/`);
    const badge = page.locator('[data-operation-page] [data-changed]');
    await expect(badge).toHaveAttribute('data-changed', /^\d{4}-\d{2}-\d{2}$/);
    await expect(badge).toHaveAttribute('data-breaking', '');
    await expect(badge).toContainText(/^Changed .+ — breaking$/);
    // The anchor is the entry's day (with -2 when the record already has an entry that day).
    const href = await badge.getAttribute('href');
    expect(href).toMatch(/^\/services\/species\/changelog\/#\d{4}-\d{2}-\d{2}(-\d+)?$/);
    await badge.click();
    await expect(page).toHaveURL(`${site.url}${href}`);
    await expect(page.locator(':target')).toContainText('GUID lookup by name retired');
    await page.goto(`${site.url}/services/species/list-child-concepts/`);
    await expect(page.locator('[data-changed]')).not.toHaveAttribute('data-breaking');
    await page.goto(`${site.url}/services/species/get-taxon-profile/`);
    await expect(page.locator('[data-changed]')).toHaveCount(0);
  });

  test('the feeds have the entry', async ({ page }) => {
    await page.goto(`${site.url}/changelog/`);
    for (const url of ['/services/species/changelog.xml', '/changelog.xml']) {
      const feed = await readFeed(page, `${site.url}${url}`);
      expect(feed.error).toBeUndefined();
      const item = feed.items.find((i) => i.title.includes('GUID lookup by name retired'))!;
      expect(item.title).toMatch(/\(breaking\)$/);
      expect(item.content).toContain('<code>GET /guid/{name}</code>');
    }
  });

  test("the removed operation's old address says when and what, and links the entry", async ({ page }) => {
    const response = await page.goto(`${site.url}/services/species/get-guids-for-name/`);
    expect(response!.status()).toBe(200);
    const removed = page.locator('[data-removed-operation]');
    await expect(removed).toHaveAttribute('data-operation', 'getGuidsForName');
    await expect(removed).toContainText('This operation was removed from the Species API on');
    await expect(removed).toContainText('Resolves a scientific or common name');
    await page.locator('[data-removal-entry]').click();
    await expect(page.locator(':target')).toContainText('GUID lookup by name retired');
    expect(await (await page.request.get(`${site.url}/services/species/get-guids-for-name.md`)).text()).toMatch(/^# .+ \(removed\)\n/);
  });

  test('the filter, by keyboard: breaking only, kept in the query; axe-clean with it in use', async ({ page }) => {
    await page.goto(`${site.url}/changelog/`);
    const entries = page.locator('[data-entry]:visible');
    const total = await page.locator('[data-entry]').count();
    await expect(entries).toHaveCount(total);
    // Tab to "Non-breaking", then untick it and the two after it with Space.
    await page.getByRole('checkbox', { name: 'Breaking', exact: true }).focus();
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
    }
    await expect(page).toHaveURL(/\?show=breaking$/);
    await expect(entries).toHaveCount(1);
    await expect(page.locator('[data-change-class]:visible')).toHaveCount(2);
    await expect(page.locator('[data-filter-status]')).toHaveText(`Showing 1 of ${total} entries.`);
    expect(await axeViolations(page)).toEqual([]);
    // The service filter, and a shared link to a filtered view.
    await page.getByLabel('Service').selectOption('species');
    await expect(page).toHaveURL(/\?show=breaking&service=species$/);
    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'Annotation' })).not.toBeChecked();
    await expect(entries).toHaveCount(1);
  });

  test('without JavaScript every entry and change shows, and no filter is offered', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/changelog/?show=breaking`);
    await expect(page.locator('form[data-filter-form]')).toBeHidden();
    await expect(page.locator('[data-entry]:visible')).toHaveCount(await page.locator('[data-entry]').count());
    await expect(page.locator('[data-change-class]:visible')).toHaveCount(3);
    await context.close();
  });
});
