/** `/openapi/<id>.json`: the service's document as built for this environment. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { documentRoutes } from '../../lib/openapi/site.ts';

export const getStaticPaths = documentRoutes satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props['document'], null, 2), { headers: { 'content-type': 'application/json' } });
