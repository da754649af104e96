/** `/recipes/<name>.md`: the Markdown twin of a recipe page, from the same model. */
import type { APIRoute } from 'astro';
import { recipeMarkdown } from '../../lib/twins/recipe-twins.ts';
import { recipeRoutes, type RecipeRoute } from '../../routing/recipe-routes.ts';
import { markdownResponse } from '../../routing/twin-routes.ts';

export const getStaticPaths = recipeRoutes;

export const GET: APIRoute<RecipeRoute['props']> = ({ props: { recipe } }) => markdownResponse(recipeMarkdown(recipe));
