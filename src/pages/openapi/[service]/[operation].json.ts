/**
 * `/openapi/<id>/<operation>.json`: one operation's own document (the operation, what it
 * references, servers and security schemes), cut from the service's at build time: what "Try it"
 * hands the API client.
 */
import type { APIRoute } from 'astro';
import { operationDocument } from '../../../lib/openapi/operation-document.ts';
import { operationRoutes, type OperationRoute } from '../../../routing/reference-routes.ts';

export const getStaticPaths = operationRoutes;

export const GET: APIRoute<OperationRoute['props']> = ({ props: { service, operation } }) =>
  new Response(JSON.stringify(operationDocument(service.document, operation.path, operation.method)), {
    headers: { 'content-type': 'application/json' },
  });
