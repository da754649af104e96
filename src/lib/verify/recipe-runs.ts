/**
 * A recipe as `verify:live` runs it: its Arazzo document pointed at the documents it checks
 * against, and cut before the first step that needs an input nobody gave (an email address, a
 * client's secret) — that step and the ones after it are reported as skipped, and why.
 */
import { stepValues, type StepSpec, type WorkflowSpec } from '../workflows/arazzo.ts';
import { valueDependencies } from '../workflows/expressions.ts';

export interface RecipeRun {
  name: string;
  /** The document to run; undefined when not even the first step can run. */
  document?: Record<string, unknown>;
  /** Steps that do not run, with why. */
  skipped: { stepId: string; reason: string }[];
}

/**
 * @param raw the workflow file as parsed YAML
 * @param given the inputs given on the command line (and those the environment supplies)
 * @param sourceUrl where Respect reads the document of a service
 */
export function prepareRecipe(raw: Record<string, unknown>, spec: WorkflowSpec, given: Readonly<Record<string, string>>, sourceUrl: (serviceId: string) => string): RecipeRun {
  const missing = new Set(spec.inputs.filter((i) => given[i.name] === undefined && i.default === undefined).map((i) => i.name));
  /** The missing inputs a step sends. */
  const needs = (step: StepSpec) => [...new Set(stepValues(step).flatMap(valueDependencies).flatMap((d) => (d.kind === 'input' && missing.has(d.name) ? [d.name] : [])))];
  const cut = spec.steps.findIndex((step) => needs(step).length > 0);
  const skipped =
    cut < 0
      ? []
      : spec.steps.slice(cut).map((step) => {
          const names = needs(step);
          return { stepId: step.stepId, reason: names.length ? `needs ${names.map((n) => `--input ${n}=…`).join(' and ')}` : `comes after ${spec.steps[cut]!.stepId}` };
        });
  if (cut === 0) return { name: spec.name, skipped };
  const document = structuredClone(raw);
  document['sourceDescriptions'] = spec.sources.map((s) => ({ name: s.name, url: sourceUrl(s.serviceId), type: 'openapi' }));
  const workflow = (document['workflows'] as Record<string, unknown>[])[0]!;
  if (cut > 0) {
    const kept = new Set(spec.steps.slice(0, cut).map((s) => s.stepId));
    workflow['steps'] = (workflow['steps'] as Record<string, unknown>[]).filter((s) => kept.has(String(s['stepId'])));
    const outputs = Object.fromEntries(spec.outputs.filter((o) => o.value.kind !== 'output' || kept.has(o.value.step)).map((o) => [o.name, (workflow['outputs'] as Record<string, unknown>)[o.name]]));
    if (Object.keys(outputs).length) workflow['outputs'] = outputs;
    else delete workflow['outputs'];
    delete workflow['x-download'];
  }
  return { name: spec.name, document, skipped };
}

/** Whether a recipe calls only services of `only` (all recipes when it is empty). */
export const recipeInScope = (spec: WorkflowSpec, only: readonly string[]) => !only.length || spec.sources.every((s) => only.includes(s.serviceId));
