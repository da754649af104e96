/** `/services/<id>.md`: the Markdown twin of a service page. */
import type { APIRoute } from 'astro';
import { serviceRoutes, type ServiceRoute } from '../../routing/reference-routes.ts';
import { markdownResponse, serviceTwin } from '../../routing/twin-routes.ts';

export const getStaticPaths = serviceRoutes;

export const GET: APIRoute<ServiceRoute['props']> = async ({ props, locals }) => markdownResponse(await serviceTwin(props.service, locals));
