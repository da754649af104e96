/** `/openapi/<id>.yaml`: the service's document as built for this environment. */
import type { APIRoute } from 'astro';
import { stringify } from 'yaml';
import { serviceRoutes, type ServiceRoute } from '../../routing/reference-routes.ts';

export const getStaticPaths = serviceRoutes;

export const GET: APIRoute<ServiceRoute['props']> = ({ props }) =>
  new Response(stringify(props.service.document, { lineWidth: 0 }), { headers: { 'content-type': 'application/yaml' } });
