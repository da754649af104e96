/** `/openapi/<id>.yaml`: the service's document as built for this environment. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { stringify } from 'yaml';
import { documentRoutes } from '../../lib/openapi/site.ts';

export const getStaticPaths = documentRoutes satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(stringify(props['document'], { lineWidth: 0 }), { headers: { 'content-type': 'application/yaml' } });
