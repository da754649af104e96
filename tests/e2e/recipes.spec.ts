import { expect, test } from '@playwright/test';
import { recipeList } from '../../src/lib/workflows/recipe-list.ts';

const recipes = recipeList();
const LABELS = ['Shell', 'Python', 'R', 'galah R', 'galah Python'];

test('the recipes index lists every recipe of workflows/, and the sidebar has them', async ({ page }) => {
  expect(recipes.length).toBeGreaterThanOrEqual(5);
  await page.goto('/recipes/');
  const cards = page.locator('[data-recipe-index] [data-recipe]');
  await expect(cards).toHaveCount(recipes.length);
  for (const recipe of recipes) {
    await expect(page.locator(`[data-recipe="${recipe.name}"] a`)).toHaveAttribute('href', `/recipes/${recipe.name}/`);
  }
  const group = page.locator('nav[aria-label="Main"] details', { hasText: 'Recipes' });
  await expect(group.getByRole('link', { name: 'All recipes' })).toHaveAttribute('href', '/recipes/');
  await expect(group.getByRole('link')).toHaveCount(recipes.length + 1);
});

for (const recipe of recipes) {
  test(`${recipe.name}: every step links to the page of the operation it calls, and the code has every tab`, async ({ page, request }) => {
    await page.goto(`/recipes/${recipe.name}/`);
    await expect(page.locator('[data-recipe-page]')).toHaveAttribute('data-recipe', recipe.name);
    const steps = page.locator('[data-step]');
    expect(await steps.count()).toBeGreaterThan(1);
    for (const step of await steps.all()) {
      const operation = await step.getAttribute('data-operation');
      const href = await step.locator('h3 a').getAttribute('href');
      expect(href, await step.getAttribute('data-step') ?? '').toBeTruthy();
      if (operation) {
        const answer = await request.get(href!);
        expect(answer.status(), href!).toBe(200);
        expect(await answer.text()).toContain(`data-operation="${operation}"`);
      } else {
        expect(href).toBe('/authentication/#client-credentials');
      }
    }
    await expect(page.locator('[data-recipe-code] [role="tab"]')).toHaveText(LABELS);
  });
}

test('the recipe tabs sync with the site\u2019s other tabs; a galah choice leaves other pages on their first tab', async ({ page }) => {
  await page.goto('/recipes/record-counts/');
  const tabs = page.locator('[data-recipe-code] starlight-tabs');
  await tabs.getByRole('tab', { name: 'R', exact: true }).click();
  await expect(tabs.getByRole('tabpanel')).toContainText('library(httr2)');

  await page.goto('/services/occurrences/search-occurrences/');
  const samples = page.locator('[data-samples] starlight-tabs');
  await expect(samples.getByRole('tab')).toHaveText(['Shell', 'Python', 'R']);
  await expect(samples.getByRole('tab', { name: 'R', exact: true })).toHaveAttribute('aria-selected', 'true');

  await page.goto('/recipes/record-counts/');
  await expect(tabs.getByRole('tab', { name: 'R', exact: true })).toHaveAttribute('aria-selected', 'true');
  await tabs.getByRole('tab', { name: 'galah R' }).click();
  await expect(tabs.getByRole('tabpanel')).toContainText('atlas_counts()');

  await page.goto('/services/occurrences/search-occurrences/');
  await expect(samples.getByRole('tab', { name: 'Shell' })).toHaveAttribute('aria-selected', 'true');
  await page.goto('/recipes/name-check/');
  await expect(tabs.getByRole('tab', { name: 'galah R' })).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.getByRole('tabpanel')).toContainText('search_taxa(');
});

test('each recipe has its Markdown twin, and llms.txt lists them', async ({ request }) => {
  const twin = await (await request.get('/recipes/occurrence-download.md')).text();
  expect(twin).toMatch(/^# Download a species' records in a state/);
  expect(twin).toContain('### [1. Match a scientific name](/services/namematching/match-name.md)');
  expect(twin).toContain('**galah Python**');
  const index = await (await request.get('/recipes.md')).text();
  for (const recipe of recipes) expect(index).toContain(`(/recipes/${recipe.name}.md)`);
  const llms = await (await request.get('/llms.txt')).text();
  expect(llms).toContain('## Recipes');
  for (const recipe of recipes) expect(llms).toContain(`(/recipes/${recipe.name}.md)`);
  const full = await (await request.get('/llms-full.txt')).text();
  expect(full).toContain('Source: /recipes/layer-values.md');
});
