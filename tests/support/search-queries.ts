/** The search tests' reader queries (tests/e2e/search-quality.spec.ts). */

/**
 * Whether a result's URL is one of a query's answers: each answer is the start of a URL (a page
 * and its sections), `*` standing for one path segment; `/` is the home page only.
 */
export function isAnswer(url: string, answers: string[]): boolean {
  return answers.some((answer) => {
    if (answer === '/') return url === '/' || url.startsWith('/#');
    const pattern = answer.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+');
    return new RegExp(`^${pattern}`).test(url);
  });
}

/**
 * What readers type, and the page that answers it. A concept is answered by the guide that
 * explains it, an operation's words by the operation's page: each must be among the first five
 * results the search dialog lists.
 */
export const QUERY_SET: { query: string; answer: string[]; kind: 'guide' | 'operation' }[] = [
  { kind: 'guide', query: 'PKCE', answer: ['/authentication/'] },
  { kind: 'guide', query: 'client credentials', answer: ['/authentication/'] },
  { kind: 'guide', query: 'authorization code flow', answer: ['/authentication/'] },
  { kind: 'guide', query: 'implicit flow', answer: ['/authentication/'] },
  { kind: 'guide', query: 'OpenID Connect discovery', answer: ['/authentication/'] },
  { kind: 'guide', query: 'refresh token', answer: ['/authentication/'] },
  { kind: 'guide', query: 'register a client', answer: ['/authentication/'] },
  { kind: 'guide', query: 'redirect URI', answer: ['/authentication/'] },
  { kind: 'guide', query: 'access token', answer: ['/authentication/'] },
  { kind: 'guide', query: 'which method should I use', answer: ['/authentication/'] },
  { kind: 'guide', query: 'get a token in the browser', answer: ['/authentication/token-helper/'] },
  { kind: 'guide', query: '401 Unauthorized', answer: ['/errors/'] },
  { kind: 'guide', query: '403', answer: ['/errors/'] },
  { kind: 'guide', query: '429', answer: ['/errors/'] },
  { kind: 'guide', query: 'rate limits', answer: ['/errors/', '/services/galah/'] },
  { kind: 'guide', query: 'gateway timeout', answer: ['/errors/'] },
  { kind: 'guide', query: 'LSID', answer: ['/services/species/', '/services/namematching/'] },
  { kind: 'guide', query: 'API gateway', answer: ['/'] },
  { kind: 'guide', query: 'API key', answer: ['/services/galah/', '/authentication/'] },
  { kind: 'guide', query: 'occurrence map', answer: ['/examples/occurrence-map/'] },
  { kind: 'guide', query: 'data quality profile', answer: ['/services/data-quality/'] },
  { kind: 'guide', query: 'breaking changes', answer: ['/changelog/', '/services/*/changelog/'] },
  { kind: 'guide', query: 'scopes', answer: ['/authentication/'] },
  { kind: 'guide', query: 'bearer token', answer: ['/authentication/', '/errors/'] },
  { kind: 'guide', query: '500 internal server error', answer: ['/errors/'] },
  { kind: 'guide', query: 'token expired', answer: ['/errors/', '/authentication/'] },
  { kind: 'guide', query: 'sensitive records', answer: ['/services/occurrences/', '/'] },
  { kind: 'operation', query: 'download occurrences', answer: ['/services/occurrences/request-offline-download'] },
  { kind: 'operation', query: 'getUserStats', answer: ['/services/user-details/get-user-stats/'] },
  { kind: 'operation', query: 'species list items', answer: ['/services/species-lists/list-species-list-items'] },
  { kind: 'operation', query: 'match a scientific name', answer: ['/services/namematching/match-name'] },
  { kind: 'operation', query: 'autocomplete species names', answer: ['/services/species/autocomplete-species/', '/services/namematching/autocomplete-names/'] },
  { kind: 'operation', query: 'mint a DOI', answer: ['/services/doi/mint-doi'] },
  { kind: 'operation', query: 'upload an image', answer: ['/services/images/upload-image'] },
  { kind: 'operation', query: 'offline download status', answer: ['/services/occurrences/get-offline-download-status/'] },
  { kind: 'operation', query: 'WMS tile', answer: ['/services/occurrences/get-wms-tile/'] },
  { kind: 'operation', query: 'occurrence facets', answer: ['/services/occurrences/get-occurrence-facets/'] },
  { kind: 'operation', query: 'taxon profile', answer: ['/services/species/get-taxon-profile/'] },
  { kind: 'operation', query: 'user alerts', answer: ['/services/alerts/get-user-alerts/'] },
];

/** Queries whose excerpts a reader reads first: none of the top five may run words together. */
export const EXCERPT_QUERIES = ['download occurrences', 'email', 'default', 'access token', 'application/json', 'pageSize'];
