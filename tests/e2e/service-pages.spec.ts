import { expect, test } from '@playwright/test';
import { SERVICE_IDS } from '../../src/config/services.ts';
import { documentsIn } from '../support/documents.ts';

const documents = await documentsIn('openapi');

for (const id of SERVICE_IDS) {
  test(`/services/${id}/ indexes every operation of its document, with its "token required" badges and its page`, async ({ page }) => {
    const doc = documents.get(id)!;
    await page.goto(`/services/${id}/`);
    const ops = page.locator('[data-operation]');
    await expect(ops).toHaveCount(doc.operations.length);
    await expect(page.locator('[data-operation][data-protected]')).toHaveCount(doc.operations.filter((o) => o.access.kind === 'token').length);
    const rendered = await ops.evaluateAll((els) =>
      els.map((el) => ({
        id: el.id,
        op: el.getAttribute('data-operation'),
        method: el.getAttribute('data-method'),
        path: el.getAttribute('data-path'),
        locked: el.hasAttribute('data-protected'),
        href: el.querySelector('a')?.getAttribute('href'),
        text: el.textContent ?? '',
      })),
    );
    const expected = [...doc.operations].sort((a, b) => a.anchor.localeCompare(b.anchor));
    const actual = [...rendered].sort((a, b) => a.id.localeCompare(b.id));
    expect(actual.map((r) => [r.id, r.op, r.method, r.path, r.locked, r.href])).toEqual(
      expected.map((o) => [o.anchor, o.operationId, o.method, o.path, o.access.kind === 'token', `/services/${id}/${o.slug}/`]),
    );
    // The badge is text (with an icon), never an emoji that machines without an emoji font draw as a box.
    for (const r of actual) expect(r.text.includes('token required')).toBe(r.locked);
    expect(rendered.some((r) => /🔒|🔑/u.test(r.text))).toBe(false);
    await expect(page.locator('[data-operation-count]')).toHaveAttribute('data-operation-count', String(doc.operations.length));
  });
}

test('galah operations show an API key badge, not "token required"', async ({ page }) => {
  await page.goto('/services/galah/');
  const ops = page.locator('[data-operation]');
  expect(await ops.count()).toBeGreaterThan(20);
  await expect(page.locator('[data-operation][data-protected]')).toHaveCount(0);
  await expect(page.locator('[data-operation][data-api-key]')).toHaveCount(await ops.count());
  await expect(ops.first().locator('[data-access-badge="apiKey"]')).toHaveText('API key');
  await expect(page.locator('[data-operation] [data-access-badge="token"]')).toHaveCount(0);
});

test('the index reads without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/services/occurrences/');
  await expect(page.locator('[data-operation]').first()).toBeVisible();
  await expect(page.locator('[data-operation]')).toHaveCount(documents.get('occurrences')!.operations.length);
  await expect(page.locator('button[data-try-it]').first()).toBeHidden();
  await context.close();
});

test('the document downloads are the environment\'s, linked from the page', async ({ page, request }) => {
  await page.goto('/services/occurrences/');
  for (const ext of ['json', 'yaml'] as const) {
    const href = await page.locator(`a[data-download="${ext}"]`).getAttribute('href');
    expect(href).toBe(`/openapi/occurrences.${ext}`);
    const response = await request.get(href!);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('https://api.ala.org.au/occurrences');
  }
});
