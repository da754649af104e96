/** `/changelog.xml`, `/services/<id>/changelog.xml`: the changelog's RSS 2.0 feeds (@astrojs/rss). */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { feedOptions } from '../lib/changelog/feed.ts';
import type { ChangelogView } from '../lib/changelog/timeline.ts';
import { changelogFeedRoutes } from '../routing/changelog-routes.ts';

export const getStaticPaths = changelogFeedRoutes;

export const GET: APIRoute<{ view: ChangelogView }> = ({ props, site }) => rss(feedOptions(props.view, site!));
