/**
 * How the site's search ranks pages (Pagefind's ranking, passed to Starlight's search dialog in
 * astro.config.mjs; the tests search with the same). Per-element weights are set where the pages
 * are rendered: see README "Search".
 */
export const SEARCH_RANKING = {
  pageLength: 0.1,
  termFrequency: 0.1,
  termSaturation: 2,
  termSimilarity: 9,
  /**
   * A query's words found in a page's metadata add to its score, per field. An operation's title
   * names its method, path and service, so that a result says where it lives; weighed fully, those
   * words would lift every operation whose path merely contains a concept above the guide that
   * explains it. Only the title counts, and at a third.
   */
  metaWeights: { title: 0.3, service: 0, method: 0, path: 0 },
};

/**
 * Weights on an operation page (Pagefind: an <h1> weighs 7 and text 1 by default). The title
 * weighs less than a guide's, so a guide outranks the operations that merely name its topic;
 * the path and operation ID, words only operations have, weigh more. A deprecated operation
 * weighs less again, so the operation that replaces it comes first.
 */
export function operationSearchWeights(deprecated: boolean): { title: number; identifiers: number } {
  return deprecated ? { title: 1, identifiers: 1 } : { title: 3, identifiers: 2 };
}

/**
 * The changelog's entries weigh a fifth of ordinary text: they name every operation and path that
 * ever changed, so without this the changelog pages would top any search for an operation's words;
 * its title and introduction keep their weight, for readers who look for the changelog itself.
 */
export const CHANGELOG_ENTRY_WEIGHT = 0.2;
