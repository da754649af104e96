/** `/services/<id>/<removed operation>.md`: the twin of the page left at a removed operation's address. */
import type { APIRoute } from 'astro';
import type { RemovedOperation } from '../../../lib/changelog/timeline.ts';
import { removedOperationMarkdown } from '../../../lib/twins/changelog-twins.ts';
import { removedOperationRoutes } from '../../../routing/changelog-routes.ts';
import { markdownResponse } from '../../../routing/twin-routes.ts';

export const getStaticPaths = removedOperationRoutes;

export const GET: APIRoute<{ operation: RemovedOperation }> = ({ props }) => markdownResponse(removedOperationMarkdown(props.operation));
