/**
 * A content collection's entries as one cache key: their ids and content digests. The routes
 * that compute their models once (reference, recipes, changelog) compare it to know, in
 * `npm run dev`, when a file of the collection changed.
 */
export function collectionDigest(entries: readonly { id: string; digest?: string | number | undefined }[]): string {
  return entries.map((e) => `${e.id}:${e.digest ?? ''}`).join(' ');
}
