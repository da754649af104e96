/** `/recipes.md`: the Markdown twin of the recipes index. */
import type { APIRoute } from 'astro';
import { recipesIndexMarkdown } from '../lib/twins/recipe-twins.ts';
import { recipes } from '../routing/recipe-routes.ts';
import { markdownResponse } from '../routing/twin-routes.ts';

export const GET: APIRoute = async () => markdownResponse(recipesIndexMarkdown(await recipes()));
