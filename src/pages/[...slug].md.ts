/** `/<guide>.md` (and `/index.md` for the home page): the Markdown twin of each guide page. */
import type { APIRoute } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { guideEntries, guideTwin, markdownResponse } from '../routing/twin-routes.ts';

export async function getStaticPaths() {
  return (await guideEntries()).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}

export const GET: APIRoute<{ entry: CollectionEntry<'docs'> }> = async ({ props, locals }) => markdownResponse(await guideTwin(props.entry, locals));
