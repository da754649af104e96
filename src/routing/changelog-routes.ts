/**
 * The changelog of this build, computed once: the timeline (src/lib/changelog/timeline.ts) from
 * the `changelog` collection — the committed records, never git — and the reference services.
 * Every changelog route reads it from here: the pages, their Markdown twins, the feeds, the pages
 * left at removed operations' addresses, and the "Changed" badges of operation pages.
 */
import { getCollection } from 'astro:content';
import { buildTimeline, type ChangelogView, type RecentChange, type RemovedOperation, type Timeline } from '../lib/changelog/timeline.ts';
import type { ServiceModel } from '../lib/reference-model/service-model.ts';
import { collectionDigest } from './collection-digest.ts';
import { referenceServices } from './reference-routes.ts';

/** "The last twelve months" are counted back from when the build runs. */
const BUILD_TIME = new Date();

let built: { key: string; services: ServiceModel[]; timeline: Timeline } | undefined;

export async function changelogTimeline(): Promise<Timeline> {
  const records = await getCollection('changelog');
  const services = await referenceServices();
  const key = collectionDigest(records);
  if (built?.key !== key || built.services !== services) {
    built = { key, services, timeline: buildTimeline(records.map((r) => r.data), services, BUILD_TIME) };
  }
  return built.timeline;
}

/** `/services/<id>/changelog/`: one page per service of the build. */
export async function serviceChangelogRoutes(): Promise<{ params: { service: string }; props: { view: ChangelogView } }[]> {
  const { services } = await changelogTimeline();
  return [...services.values()].map((view) => ({ params: { service: view.service!.id }, props: { view } }));
}

/** Every changelog page, the site's then each service's: for the twin and feed routes, and the twins the llms files list. */
export async function changelogViews(): Promise<ChangelogView[]> {
  const timeline = await changelogTimeline();
  return [timeline.site, ...timeline.services.values()];
}

/** `/changelog.md`, `/services/<id>/changelog.md`. */
export async function changelogTwinRoutes(): Promise<{ params: { changelog: string }; props: { view: ChangelogView } }[]> {
  return (await changelogViews()).map((view) => ({ params: { changelog: view.twinPath.slice(1, -'.md'.length) }, props: { view } }));
}

/** `/changelog.xml`, `/services/<id>/changelog.xml`. */
export async function changelogFeedRoutes(): Promise<{ params: { feed: string }; props: { view: ChangelogView } }[]> {
  return (await changelogViews()).map((view) => ({ params: { feed: view.feedPath.slice(1, -'.xml'.length) }, props: { view } }));
}

/** `/services/<id>/<slug>/` of each removed operation whose address no current operation has taken. */
export async function removedOperationRoutes(): Promise<{ params: { service: string; removed: string }; props: { operation: RemovedOperation } }[]> {
  const { removed } = await changelogTimeline();
  return [...removed.values()].flat().map((operation) => ({ params: { service: operation.serviceId, removed: operation.slug }, props: { operation } }));
}

/** The change an operation page's badge shows, if the operation changed in the last twelve months. */
export async function recentChangeOf(serviceId: string, operation: { slug: string; method: string; path: string }): Promise<RecentChange | undefined> {
  return (await changelogTimeline()).recentChange(serviceId, operation);
}
