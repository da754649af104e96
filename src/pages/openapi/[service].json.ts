/** `/openapi/<id>.json`: the service's document as built for this environment. */
import type { APIRoute } from 'astro';
import { serviceRoutes, type ServiceRoute } from '../../routing/reference-routes.ts';

export const getStaticPaths = serviceRoutes;

export const GET: APIRoute<ServiceRoute['props']> = ({ props }) =>
  new Response(JSON.stringify(props.service.document, null, 2), { headers: { 'content-type': 'application/json' } });
