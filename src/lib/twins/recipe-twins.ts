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
  inputDefault,
  RECIPES_INTRO,
  resultParts,
  stepFacts,
  stepHeading,
  stepLink,
  stepReference,
  testedParts,
  valueParts,
  type FactLine,
} from '../workflows/recipe-words.ts';
import { codeBlock, inlineCode, oneLine, tableCell } from './markdown-text.ts';
import { wordsMarkdown } from './reference-twins.ts';

const factLine = (line: FactLine) => wordsMarkdown(line.code !== undefined ? [{ code: line.code }, ...line.parts] : line.parts);

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
    lines.push(`| ${inlineCode(input.name)} | ${inlineCode(input.variable.shell)} | ${tableCell(input.description)} | ${wordsMarkdown([inputDefault(input)])} |`);
  }
  lines.push('', '## Steps', '');
  for (const step of recipe.steps) {
    const link = stepLink(step);
    lines.push(`### ${link ? wordsMarkdown([{ href: link, text: stepHeading(step) }]) : stepHeading(step)}`, '', `${inlineCode(step.method)} ${wordsMarkdown(stepReference(step))}`, '');
    if (step.description) lines.push(step.description.trim(), '');
    for (const fact of stepFacts(recipe, step)) {
      if ('items' in fact) lines.push(`- ${fact.term}:`, ...fact.items.map((line) => `  - ${factLine(line)}`));
      else lines.push(`- ${fact.term}: ${factLine(fact.line)}`);
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
