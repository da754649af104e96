/**
 * The recipes of this build, computed once: each workflow of the `workflows` collection
 * (src/lib/workflows/workflow-loader.ts) resolved against the reference models
 * (./reference-routes.ts) into the model its page, its Markdown twin and llms.txt read, with its
 * code — the Shell, Python and R scripts written from the workflow, and the hand-written galah code.
 * A recipe needs every service it uses: in a build of fewer documents (ALA_OPENAPI_DIR) the recipes
 * of missing services are left out. A step naming an operation its service does not have stops the
 * build with the step and file.
 */
import { getCollection } from 'astro:content';
import { env } from '../config/index.ts';
import { sidebarPaths } from './navigation.ts';
import { recipePath } from '../config/routes.ts';
import { recipeScripts } from '../lib/workflows/recipe-code.ts';
import { recipeModel, type RecipeModel } from '../lib/workflows/recipe-model.ts';
import type { SampleSet } from '../lib/samples/languages.ts';
import type { ServiceModel } from '../lib/reference-model/service-model.ts';
import { collectionDigest } from './collection-digest.ts';
import { referenceServices } from './reference-routes.ts';

export interface Recipe extends RecipeModel {
  /** The whole task in the site's languages, galah R and galah Python included. */
  code: SampleSet;
}

let built: { key: string; services: ServiceModel[]; recipes: Recipe[] } | undefined;

/** Every recipe, in the sidebar's order. */
export async function recipes(): Promise<Recipe[]> {
  const order = sidebarPaths();
  const rank = (id: string) => (order.includes(recipePath(id)) ? order.indexOf(recipePath(id)) : order.length);
  const entries = (await getCollection('workflows')).sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
  const services = await referenceServices();
  const key = collectionDigest(entries);
  // The services too: a recipe shows its operations' titles and addresses, and a changed document makes new models.
  if (built?.key !== key || built.services !== services) {
    const present = new Set(services.map((s) => s.id));
    const usable = entries.filter((entry) => entry.data.workflow.sources.every((source) => present.has(source.serviceId)));
    const list = usable.map((entry) => {
      const model = recipeModel(entry.data.workflow, services, env);
      return { ...model, code: { ...recipeScripts(model), galahR: entry.data.galah.r, galahPython: entry.data.galah.python } };
    });
    built = { key, services, recipes: list };
  }
  return built.recipes;
}

export interface RecipeRoute {
  params: { recipe: string };
  props: { recipe: Recipe };
}

/** `/recipes/<name>/…`: one route per recipe. */
export async function recipeRoutes(): Promise<RecipeRoute[]> {
  return (await recipes()).map((recipe) => ({ params: { recipe: recipe.name }, props: { recipe } }));
}
