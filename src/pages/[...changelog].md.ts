/** `/changelog.md`, `/services/<id>/changelog.md`: the Markdown twins of the changelog pages. */
import type { APIRoute } from 'astro';
import type { ChangelogView } from '../lib/changelog/timeline.ts';
import { changelogMarkdown } from '../lib/twins/changelog-twins.ts';
import { changelogTwinRoutes } from '../routing/changelog-routes.ts';
import { markdownResponse } from '../routing/twin-routes.ts';

export const getStaticPaths = changelogTwinRoutes;

export const GET: APIRoute<{ view: ChangelogView }> = ({ props }) => markdownResponse(changelogMarkdown(props.view));
