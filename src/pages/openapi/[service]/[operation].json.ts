/**
 * `/openapi/<id>/<operation>.json`: one operation's own document (the operation, what it
 * references, servers and security schemes), cut from the service's at build time, its
 * parameters' examples set to the page's sample request: what "Try it" hands the API client.
 */
import type { APIRoute } from 'astro';
import { tryItDocument } from '../../../lib/openapi/try-it-document.ts';
import { operationRoutes, type OperationRoute } from '../../../routing/reference-routes.ts';

export const getStaticPaths = operationRoutes;

export const GET: APIRoute<OperationRoute['props']> = ({ props: { service, operation } }) =>
  new Response(JSON.stringify(tryItDocument(service.document, operation.path, operation.method, operation.sample.parameters)), {
    headers: { 'content-type': 'application/json' },
  });
