import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECIPE_ORDER } from '../../src/routing/navigation.ts';
import { resolveEnvironment } from '../../src/config/resolve-environment.ts';
import { loadDocuments } from '../../src/lib/openapi/load.ts';
import { formatProblem } from '../../src/lib/openapi/problems.ts';
import { serviceModels, type ServiceModel } from '../../src/lib/reference-model/service-model.ts';
import { sampleLanguages } from '../../src/lib/samples/languages.ts';
import { missingOperations, readWorkflow, type WorkflowSpec } from '../../src/lib/workflows/arazzo.ts';
import { readCondition, readValue } from '../../src/lib/workflows/expressions.ts';
import { GALAH_VERSIONS, galahVersionProblem } from '../../src/lib/workflows/galah-code.ts';
import { recipeScripts } from '../../src/lib/workflows/recipe-code.ts';
import { recipeList } from '../../src/lib/workflows/recipe-list.ts';
import { RecipeError, recipeModel, schemaAt, type RecipeModel } from '../../src/lib/workflows/recipe-model.ts';
import { loadRecipes, type WorkflowEntry } from '../../src/lib/workflows/workflow-loader.ts';
import { recipeMarkdown, recipesIndexMarkdown } from '../../src/lib/twins/recipe-twins.ts';

const production = resolveEnvironment({});
const testing = resolveEnvironment({ ALA_ENV: 'testing' });
let services: ServiceModel[];
let entries: WorkflowEntry[];
let recipes: RecipeModel[];
const work = mkdtempSync(join(tmpdir(), 'recipes-test-'));

beforeAll(async () => {
  const loaded = await loadDocuments('openapi', production, process.cwd(), { schemaWarnings: false });
  services = serviceModels(loaded.documents, production);
  const result = await loadRecipes('workflows');
  expect(result.problems.map(formatProblem)).toEqual([]);
  entries = result.entries;
  recipes = entries.map((e) => recipeModel(e.workflow, services, production));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A step that names an operation namematching.yaml does not define. */
const TYPO_STEP = `      - stepId: a
        operationId: $sourceDescriptions.namematching.matchNameTypo
        successCriteria:
          - condition: $statusCode == 200`;

/** A workflow file read from text, for the error cases. */
function read(yaml: string) {
  return readWorkflow('workflows/broken.arazzo.yaml', yaml);
}

const minimal = (steps: string, inputs = '') => `arazzo: 1.0.1
info:
  title: T
  summary: S
  version: 1.0.0
sourceDescriptions:
  - name: namematching
    url: ../openapi/namematching.yaml
    type: openapi
workflows:
  - workflowId: t
    inputs:
      type: object
      properties:
        name:
          type: string
          description: A name.${inputs}
    steps:
${steps}
`;

describe('the recipes of workflows/', () => {
  it('are at least five researchers\u2019 tasks, each with a page in the sidebar order', () => {
    expect(entries.length).toBeGreaterThanOrEqual(5);
    expect(recipeList().map((r) => r.name)).toEqual(entries.map((e) => e.workflow.name).sort());
    expect([...RECIPE_ORDER].sort(), 'every recipe has its place in the reading order').toEqual(entries.map((e) => e.workflow.name).sort());
  });

  it('link every step to an existing operation page (or, for the token endpoint, the guide that explains it)', () => {
    const pages = new Set(services.flatMap((s) => s.operations.map((o) => o.href)));
    for (const recipe of recipes) {
      for (const step of recipe.steps) {
        if (step.operation) expect(pages.has(step.operation.href), `${recipe.name} ${step.stepId}`).toBe(true);
        else expect(step.page?.href, `${recipe.name} ${step.stepId}`).toBe('/authentication/#client-credentials');
      }
    }
  });

  it('offer their code in Shell, Python and R, and galah for R and Python, written for the versions checked', () => {
    for (const entry of entries) {
      expect(galahVersionProblem('r', entry.galah.r)).toBeUndefined();
      expect(galahVersionProblem('python', entry.galah.python)).toBeUndefined();
      const code = { ...recipeScripts(recipeModel(entry.workflow, services, production)), galahR: entry.galah.r, galahPython: entry.galah.python };
      expect(sampleLanguages(code).map((l) => l.label)).toEqual(['Shell', 'Python', 'R', 'galah R', 'galah Python']);
    }
    expect(galahVersionProblem('r', '# galah code\nlibrary(galah)')).toMatch(`Written for galah ${GALAH_VERSIONS.r} (R)`);
  });

  it('write scripts that shellcheck, Python and R accept', () => {
    for (const recipe of recipes) {
      const { shell, python, r } = recipeScripts(recipe);
      const file = join(work, `${recipe.name}.sh`);
      writeFileSync(file, shell);
      execFileSync('shellcheck', [file]);
      execFileSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], { input: python });
      execFileSync('Rscript', ['-e', 'invisible(parse(file("stdin")))'], { input: r });
    }
    for (const entry of entries) {
      execFileSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], { input: entry.galah.python });
      execFileSync('Rscript', ['-e', 'invisible(parse(file("stdin")))'], { input: entry.galah.r });
    }
  });

  it('take their URLs from the environment, sign-in endpoint included, and never write a secret into code', async () => {
    const loaded = await loadDocuments('openapi', testing, process.cwd(), { schemaWarnings: false });
    const testingServices = serviceModels(loaded.documents, testing);
    for (const entry of entries) {
      const recipe = recipeModel(entry.workflow, testingServices, testing);
      const { shell, python, r } = recipeScripts(recipe);
      for (const code of [shell, python, r]) {
        expect(code).not.toContain('https://api.ala.org.au');
        expect(code).not.toContain('auth.ala.org.au');
      }
    }
    const token = recipes.find((r) => r.name === 'protected-call')!;
    const { shell, python, r } = recipeScripts(token);
    expect(shell).toContain('CLIENT_SECRET="${CLIENT_SECRET:?');
    expect(python).toContain('CLIENT_SECRET = os.environ["CLIENT_SECRET"]');
    expect(r).toContain('client_secret <- Sys.getenv("CLIENT_SECRET")');
    expect(shell).toContain('-u "${CLIENT_ID}:${CLIENT_SECRET}"');
  });

  it('say in their twins what the page says: every step, its operation, and every tab of the code', () => {
    const recipe = recipes.find((r) => r.name === 'occurrence-download')!;
    const entry = entries.find((e) => e.workflow.name === 'occurrence-download')!;
    const md = recipeMarkdown({ ...recipe, code: { ...recipeScripts(recipe), galahR: entry.galah.r, galahPython: entry.galah.python } });
    expect(md).toMatch(/^# Download a species' records in a state/);
    for (const step of recipe.steps) expect(md).toContain(`(${step.operation!.href.replace(/\/$/, '.md')})`);
    for (const label of ['Shell', 'Python', 'R', 'galah R', 'galah Python']) expect(md).toContain(`**${label}**`);
    expect(md).toContain('`status` matches `^(inQueue|running)$`');
    expect(recipesIndexMarkdown(recipes)).toContain('[Check a list of names](/recipes/name-check.md)');
  });
});

describe('reading a workflow', () => {
  it('reads runtime expressions, embedded ones included, and conditions', () => {
    expect(readValue('taxonConceptID:"{$steps.a.outputs.id}"', 'w')).toEqual({ kind: 'template', parts: ['taxonConceptID:"', { kind: 'output', step: 'a', name: 'id' }, '"'] });
    expect(readValue('$workflows.w.inputs.tokenUrl', 'w')).toEqual({ kind: 'input', name: 'tokenUrl' });
    expect(readCondition("$statusCode == 200 || $response.body#/status == 'a || b'")).toEqual({
      kind: 'any',
      conditions: [
        { kind: 'compare', left: { kind: 'status' }, op: '==', right: 200 },
        { kind: 'compare', left: { kind: 'body', pointer: '/status' }, op: '==', right: 'a || b' },
      ],
    });
    expect(() => readCondition('$response.header.x == 1')).toThrow(/not \$statusCode or a part of the response body/);
  });

  it('reports what a recipe may not do at its line and column', () => {
    const { problems } = read(
      minimal(`      - stepId: a
        operationId: $sourceDescriptions.nowhere.matchName
        successCriteria:
          - condition: $statusCode == 200
      - stepId: b
        operationId: $sourceDescriptions.namematching.matchName
        parameters:
          - name: q
            in: query
            value: $steps.a.outputs.missing
      - stepId: c
        operationId: $sourceDescriptions.namematching.matchName
        successCriteria:
          - condition: $statusCode == 200`),
    );
    expect(problems.map(formatProblem)).toEqual([
      'workflows/broken.arazzo.yaml:20:22 "$sourceDescriptions.nowhere.matchName": there is no source description "nowhere"',
      'workflows/broken.arazzo.yaml:23:9 step "b" needs success criteria (at least $statusCode == 200)',
      'workflows/broken.arazzo.yaml:23:9 step "b" uses $steps.a.outputs.missing, which no earlier step keeps',
    ]);
  });

  it('refuses a value from no earlier step, and an input it does not declare', () => {
    const { problems } = read(
      minimal(`      - stepId: a
        operationId: $sourceDescriptions.namematching.matchName
        parameters:
          - name: q
            in: query
            value: '{$inputs.other} {$steps.z.outputs.id}'
        successCriteria:
          - condition: $statusCode == 200`),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'step "a" uses the input "other", which the workflow does not declare',
      'step "a" uses $steps.z.outputs.id, which no earlier step keeps',
    ]);
  });

  it('refuses an input format Respect does not know (it would stop without a word)', () => {
    const { problems } = read(
      minimal(
        `      - stepId: a
        operationId: $sourceDescriptions.namematching.matchName
        successCriteria:
          - condition: $statusCode == 200`,
        '\n          format: email',
      ),
    );
    expect(problems.map((p) => p.message)).toEqual(['input "name": the only format recipes use is "password" (a secret)']);
  });

  it('finds the operations its documents do not define', () => {
    const { workflow } = read(minimal(TYPO_STEP));
    const ids = new Set(services.find((s) => s.id === 'namematching')!.operations.map((o) => o.operationId));
    expect(missingOperations(workflow!, (id) => (id === 'namematching' ? ids : undefined))).toEqual([
      { pointer: '#/workflows/0/steps/0/operationId', message: 'step "a" calls operationId "matchNameTypo", which openapi/namematching.yaml does not define' },
    ]);
  });

  it('stops the build with the file and step when an operation is not in this build', () => {
    const { workflow } = read(minimal(TYPO_STEP));
    expect(() => recipeModel(workflow as WorkflowSpec, services, production)).toThrow(RecipeError);
    expect(() => recipeModel(workflow as WorkflowSpec, services, production)).toThrow(
      'workflows/broken.arazzo.yaml: step "a" calls operationId "matchNameTypo", which openapi/namematching.yaml does not define',
    );
  });

  it('stops the loading of a recipe that names an unknown operation, or lacks its galah code, with file, line and column', async () => {
    // A project of its own: workflows/ beside (a link to) our openapi/.
    const root = mkdtempSync(join(tmpdir(), 'recipes-broken-'));
    try {
      mkdirSync(join(root, 'workflows', 'galah'), { recursive: true });
      symlinkSync(join(process.cwd(), 'openapi'), join(root, 'openapi'));
      writeFileSync(join(root, 'workflows', 'counts.arazzo.yaml'), readFileSync('workflows/record-counts.arazzo.yaml', 'utf8').replace('namematching.matchName\n', 'namematching.matchNameTypo\n'));
      writeFileSync(join(root, 'workflows', 'galah', 'counts.R'), '# Counts with galah\nlibrary(galah)\n');
      const { entries: loaded, problems } = await loadRecipes(join(root, 'workflows'), root);
      expect(loaded).toEqual([]);
      expect(problems.map(formatProblem)).toEqual([
        'workflows/counts.arazzo.yaml:34:22 step "matchName" calls operationId "matchNameTypo", which openapi/namematching.yaml does not define',
        `workflows/galah/counts.R:1:1 its opening comment must say "Written for galah ${GALAH_VERSIONS.r} (R)", the version it was checked against`,
        'workflows/counts.arazzo.yaml:1:1 its galah code is missing: write workflows/galah/counts.py',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('what a step keeps', () => {
  it('knows from the document whether a kept value is text, a number or JSON', () => {
    const counts = recipes.find((r) => r.name === 'record-counts')!;
    const outputs = counts.steps.flatMap((s) => s.outputs);
    expect(outputs.find((o) => o.name === 'taxonConceptID')!.type).toBe('string');
    expect(outputs.find((o) => o.name === 'totalRecords')!.type).toBe('number');
    expect(outputs.find((o) => o.name === 'facetResults')!.type).toBe('json');
    const layer = recipes.find((r) => r.name === 'layer-values')!;
    expect(layer.steps[0]!.outputs.find((o) => o.name === 'fieldId')!.type).toBe('string');
    expect(schemaAt(undefined, '/a')).toBeUndefined();
  });
});
