/**
 * The Markdown twins of the recipe pages, written from the same model and words as their HTML
 * (src/lib/workflows/recipe-model.ts, recipe-words.ts): what the task needs, each step with its
 * operation and what it sends, checks and keeps, the result, and the whole task in every
 * language of the page's tabs; and the twin of the recipes index.
 */
import { markdownPath } from '../../config/routes.ts';
import { sampleLanguages, type SampleSet } from '../samples/languages.ts';
import type { RecipeModel } from '../workflows/recipe-model.ts';
import {
  codeNote,
  followedUrl,
  keptParts,
  RECIPES_INTRO,
  resultParts,
  retryParts,
  securityParts,
  stepHeading,
  stepLink,
  stepReference,
  successParts,
  testedParts,
  valueParts,
} from '../workflows/recipe-words.ts';
import { codeBlock, inlineCode, oneLine, tableCell } from './markdown-text.ts';
import { wordsMarkdown } from './reference-twins.ts';

export function recipeMarkdown(recipe: RecipeModel & { code: SampleSet }): string {
  const lines = [`# ${recipe.title}`, '', `> ${oneLine(recipe.summary)}`, ''];
  if (recipe.description) lines.push(recipe.description.trim(), '');
  lines.push(
    `- Services: ${recipe.services.map((s) => `[${s.title}](${markdownPath(s.href)})`).join(', ')}`,
    `- Steps: ${recipe.steps.length}`,
    `- Workflow: ${inlineCode(recipe.file)} (Arazzo 1.0)`,
    '',
    '## What you need',
    '',
    '| Input | Environment variable | What it is | Default |',
    '| --- | --- | --- | --- |',
  );
  for (const input of recipe.inputs) {
    const shown = input.secret ? 'a secret: from the environment only' : input.shown !== undefined ? inlineCode(input.shown) : 'required';
    lines.push(`| ${inlineCode(input.name)} | ${inlineCode(input.variable.shell)} | ${tableCell(input.description)} | ${shown} |`);
  }
  lines.push('', '## Steps', '');
  for (const step of recipe.steps) {
    const link = stepLink(step);
    lines.push(`### ${link ? wordsMarkdown([{ href: link, text: stepHeading(step) }]) : stepHeading(step)}`, '', `${inlineCode(step.method)} ${wordsMarkdown(stepReference(step))}`, '');
    if (step.description) lines.push(step.description.trim(), '');
    const followed = followedUrl(recipe, step);
    if (followed) lines.push(`- Calls: ${wordsMarkdown(followed)}`);
    if (step.parameters.length) {
      lines.push('- Sends:');
      for (const p of step.parameters) lines.push(`  - ${inlineCode(p.name)} (${p.in}): ${wordsMarkdown(valueParts(recipe, p.value))}`);
    }
    if (step.body) lines.push(`- Body: ${inlineCode(step.body.contentType)}: ${wordsMarkdown(valueParts(recipe, step.body.value))}`);
    const security = securityParts(recipe, step);
    if (security) lines.push(`- Credentials: ${wordsMarkdown(security)}`);
    lines.push(`- Succeeds when: ${wordsMarkdown(successParts(step.success))}`);
    if (step.retry) lines.push(`- Until then: ${wordsMarkdown(retryParts(step.retry))}`);
    if (step.outputs.length) {
      lines.push('- Keeps:');
      for (const o of step.outputs) lines.push(`  - ${wordsMarkdown(keptParts(o))}`);
    }
    lines.push('');
  }
  lines.push('## Result', '');
  for (const o of recipe.outputs) lines.push(`- ${wordsMarkdown(resultParts(recipe, o))}`);
  if (recipe.download) lines.push(`- The scripts then fetch ${wordsMarkdown(valueParts(recipe, recipe.download.url))} into ${inlineCode(recipe.download.file)}.`);
  lines.push('', '## The whole task as one script', '', wordsMarkdown(codeNote(recipe)), '');
  for (const language of sampleLanguages(recipe.code)) lines.push(`**${language.label}**`, '', codeBlock(recipe.code[language.key]!, language.lang), '');
  lines.push('## How this recipe is checked', '', wordsMarkdown(testedParts()), '');
  return `${lines.join('\n').trim()}\n`;
}

export function recipesIndexMarkdown(recipes: RecipeModel[]): string {
  const lines = ['# Recipes', '', `> ${RECIPES_INTRO.description}`, '', wordsMarkdown(RECIPES_INTRO.lead), ''];
  for (const r of recipes) {
    lines.push(`- [${r.title}](${markdownPath(r.href)}): ${oneLine(r.summary)} (${r.steps.length} steps; ${r.services.map((s) => s.title).join(', ')})`);
  }
  return `${lines.join('\n')}\n`;
}
