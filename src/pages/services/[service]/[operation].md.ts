/** `/services/<id>/<operation>.md`: the Markdown twin of an operation page, from the same model. */
import type { APIRoute } from 'astro';
import { operationMarkdown } from '../../../lib/twins/reference-twins.ts';
import { operationRoutes, type OperationRoute } from '../../../routing/reference-routes.ts';
import { markdownResponse } from '../../../routing/twin-routes.ts';

export const getStaticPaths = operationRoutes;

export const GET: APIRoute<OperationRoute['props']> = ({ props: { service, operation } }) => markdownResponse(operationMarkdown(operation, service));
