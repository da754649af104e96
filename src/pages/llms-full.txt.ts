/** `/llms-full.txt`: every page's Markdown twin in reading order, in one file. */
import type { APIRoute } from 'astro';
import { llmsFull } from '../lib/twins/llms.ts';
import { allTwins } from '../routing/twin-routes.ts';

export const GET: APIRoute = async ({ locals }) => {
  const { twins, order, context } = await allTwins(locals);
  return new Response(llmsFull(twins, order, context), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
