import { expect, test } from '@playwright/test';
import { operationPath } from '../../src/config/routes.ts';
import { sandboxSite } from '../support/sites.ts';
import { documentsIn } from '../support/documents.ts';
import { openTryIt } from '../support/try-it-client.ts';
import { SANDBOX_DOCS } from './global-setup.ts';

const documents = await documentsIn(SANDBOX_DOCS);

for (const id of ['scalar-galaxy', 'hostile', 'user-details-real']) {
  test(`a dropped-in document gets a complete service page and operation pages: ${id}`, async ({ page, request }) => {
    const doc = documents.get(id)!;
    expect(doc, `${id} loaded`).toBeDefined();
    const response = await page.goto(`${sandboxSite}/services/${id}/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('[data-operation]')).toHaveCount(doc.operations.length);
    for (const ext of ['json', 'yaml']) {
      expect((await request.get(`${sandboxSite}/openapi/${id}.${ext}`)).status()).toBe(200);
    }
    for (const op of doc.operations) {
      expect((await request.get(`${sandboxSite}${operationPath(id, op.slug)}`)).status(), op.operationId).toBe(200);
    }
    const first = doc.operations[0]!;
    await page.goto(`${sandboxSite}${operationPath(id, first.slug)}`);
    await openTryIt(page, first.operationId);
  });
}
