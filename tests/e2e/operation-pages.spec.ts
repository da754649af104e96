import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { SERVICE_IDS } from '../../src/config/services.ts';
import { operationPath } from '../../src/config/routes.ts';
import { documentsIn } from '../support/documents.ts';
import { sandboxSite } from '../support/sites.ts';
import { SANDBOX_DOCS } from './global-setup.ts';

const documents = await documentsIn('openapi');
type Json = Record<string, unknown>;

/** What the document itself says an operation has, read straight from the YAML (not through the site's model). */
function expected(id: string, path: string, method: string) {
  const raw = parse(readFileSync(`openapi/${id}.yaml`, 'utf8')) as Json;
  const resolve = (node: unknown): Json => {
    let n = node as Json;
    while (n && typeof n['$ref'] === 'string') n = (n['$ref'] as string).slice(2).split('/').reduce<Json>((o, k) => o[k.replace(/~1/g, '/').replace(/~0/g, '~')] as Json, raw);
    return n;
  };
  const item = (raw['paths'] as Json)[path] as Json;
  const op = item[method.toLowerCase()] as Json;
  const params = new Map<string, Json>();
  for (const p of [...((item['parameters'] as unknown[]) ?? []), ...((op['parameters'] as unknown[]) ?? [])].map(resolve)) params.set(`${p['in']}:${p['name']}`, p);
  return {
    parameters: [...params.values()].map((p) => ({ name: String(p['name']), in: String(p['in']) })),
    body: op['requestBody'] !== undefined,
    responses: Object.keys((op['responses'] as Json) ?? {}),
  };
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

for (const id of SERVICE_IDS) {
  test(`${id}: every operation has its page, with every parameter, body and response of the document`, async ({ request }) => {
    test.setTimeout(180_000);
    const doc = documents.get(id)!;
    const problems: string[] = [];
    const pages = new Map<string, { status: number; html: string }>();
    for (let i = 0; i < doc.operations.length; i += 8) {
      await Promise.all(
        doc.operations.slice(i, i + 8).map(async (op) => {
          const response = await request.get(operationPath(id, op.slug));
          pages.set(op.slug, { status: response.status(), html: await response.text() });
        }),
      );
    }
    for (const op of doc.operations) {
      const { status, html } = pages.get(op.slug)!;
      if (status !== 200) {
        problems.push(`${op.operationId}: HTTP ${status}`);
        continue;
      }
      const want = expected(id, op.path, op.method);
      if (!html.includes(`data-operation-page data-operation="${attr(op.operationId)}" data-method="${op.method}" data-path="${attr(op.path)}"`)) problems.push(`${op.operationId}: no operation element`);
      const params = [...html.matchAll(/data-param="([^"]*)" data-in="([^"]*)"/g)];
      if (params.length !== want.parameters.length) problems.push(`${op.operationId}: ${params.length} parameters, the document has ${want.parameters.length}`);
      for (const p of want.parameters) if (!html.includes(`data-param="${attr(p.name)}" data-in="${p.in}"`)) problems.push(`${op.operationId}: parameter ${p.in} ${p.name} missing`);
      if (html.includes('data-request-body') !== want.body) problems.push(`${op.operationId}: request body ${want.body ? 'missing' : 'invented'}`);
      const statuses = [...html.matchAll(/data-response="([^"]*)"/g)].map((m) => m[1]);
      if (JSON.stringify(statuses) !== JSON.stringify(want.responses)) problems.push(`${op.operationId}: responses ${statuses.join(',')} ≠ ${want.responses.join(',')}`);
      if (!html.includes('data-samples') || !/>Shell<[\s\S]*>Python<[\s\S]*>R</.test(html)) problems.push(`${op.operationId}: no Shell/Python/R samples`);
    }
    expect(problems).toEqual([]);
  });
}

test('an operation page reads without JavaScript: reference, samples, no Try it', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/services/occurrences/search-occurrences/');
  await expect(page.locator('h1')).toHaveText('Search occurrence records');
  await expect(page.locator('[data-operation-page]')).toHaveAttribute('data-method', 'GET');
  await expect(page.locator('[data-operation-url]')).toHaveText('https://api.ala.org.au/occurrences/occurrences/search');
  await expect(page.locator('[data-param="q"][data-in="query"]')).toBeVisible();
  await expect(page.locator('[data-response="200"]')).toContainText('totalRecords');
  await expect(page.locator('[data-samples]')).toContainText('curl');
  await expect(page.locator('button[data-try-it]')).toBeHidden();
  await context.close();
});

test('a protected operation says which token it needs, and where to get one', async ({ page }) => {
  await page.goto('/services/user-details/search-users/');
  const access = page.locator('[data-access="token"]');
  await expect(access).toContainText('Needs an access token with scope users/read');
  await expect(access.getByRole('link', { name: /token helper/ })).toHaveAttribute('href', '/authentication/token-helper/');
  await expect(page.locator('[data-samples]')).toContainText('Authorization: Bearer $ACCESS_TOKEN');
});

test('the service index links each operation to its page; old #op- anchors still land on the entry', async ({ page }) => {
  await page.goto('/services/occurrences/#op-searchOccurrences');
  const entry = page.locator('#op-searchOccurrences');
  await expect(entry).toBeInViewport();
  await entry.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/services\/occurrences\/search-occurrences\/$/);
  // The sidebar shows the service as the current page; prev/next walk the service's operations.
  await expect(page.locator('nav.sidebar a[aria-current="page"]')).toHaveText('Occurrences');
  await expect(page.locator('.pagination-links a[rel="next"]')).toBeVisible();
  // Below the two-pane width (80rem), "On this page" lists the sections; from it, the samples
  // stand beside the reference and the page needs no contents column.
  await page.setViewportSize({ width: 1200, height: 900 });
  const toc = page.locator('starlight-toc nav');
  for (const section of ['Request samples', 'Parameters', 'Responses']) await expect(toc.getByRole('link', { name: section, exact: true })).toHaveCount(1);
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(toc).toBeHidden();
});

test('a choice of Python on a guide page shows Python on operation pages', async ({ page }) => {
  await page.goto('/authentication/');
  await page.getByRole('tab', { name: 'Python' }).first().click();
  await page.goto('/services/species/');
  await page.locator('[data-operation] a').first().click();
  const samples = page.locator('[data-samples]');
  await expect(samples.getByRole('tab', { name: 'Python' })).toHaveAttribute('aria-selected', 'true');
  await expect(samples.locator('[role="tabpanel"]:visible')).toContainText('import requests');
});

test('printing keeps parameters, nested fields and examples, and drops Try it', async ({ page }) => {
  await page.goto('/services/species-lists/');
  await page.locator('[data-operation] a').first().click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('nav.sidebar')).toBeHidden();
  await expect(page.locator('button[data-try-it]')).toBeHidden();
  await expect(page.locator('[data-param]').first()).toBeVisible();
  await expect(page.locator('[data-response] .expressive-code').first()).toBeVisible();
  const nested = page.locator('details:not([open]) .schema-field').first();
  if (await nested.count()) await expect(nested).toBeVisible();
});

test('a hostile document runs nothing on its operation pages, and its circular schema renders finitely', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const hostile = (await documentsIn(SANDBOX_DOCS)).get('hostile')!;
  for (const op of hostile.operations) {
    await page.goto(`${sandboxSite}${operationPath('hostile', op.slug)}`);
    await expect(page.locator('h1')).toHaveCount(1);
    expect(await page.locator('main iframe, main svg[onload], main [onerror], main [onmouseover], main a[href^="javascript:" i]').count()).toBe(0);
    const scripts = await page.locator('script').evaluateAll((els) => els.map((el) => el.textContent ?? ''));
    expect(scripts.filter((text) => text.includes('__pwned'))).toEqual([]);
    await page.mouse.move(300, 300);
    await page.locator('details').evaluateAll((els) => els.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  }
  await page.goto(`${sandboxSite}${operationPath('hostile', hostile.operations.find((o) => o.operationId === 'walkTree')!.slug)}`);
  await expect(page.getByText(/Circular: the same/).first()).toBeVisible();
  const target = await page.locator('a', { hasText: 'Node' }).first().getAttribute('href');
  expect(target && (await page.locator(target).count())).toBe(1);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
