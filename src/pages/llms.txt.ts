/** `/llms.txt`: the llmstxt.org index of the portal (guides, services, OpenAPI documents). */
import type { APIRoute } from 'astro';
import { llmsIndex } from '../lib/twins/llms.ts';
import { twinLinks } from '../routing/twin-routes.ts';

export const GET: APIRoute = async ({ locals }) => {
  const { twins, order, context } = await twinLinks(locals);
  return new Response(llmsIndex(twins, order, context), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
