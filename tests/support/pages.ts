/** The guide pages the portal's URLs promise (README: Layout and URLs), and the service pages. */
import { SERVICE_IDS } from '../../src/config/services.ts';

export const GUIDE_PAGES = ['/', '/authentication/', '/services/', '/examples/', '/errors/'] as const;
export const SERVICE_PAGES = SERVICE_IDS.map((id) => `/services/${id}/`);
/** One operation page per kind of access: open, protected, API key. */
export const OPERATION_PAGES = ['/services/occurrences/search-occurrences/', '/services/user-details/search-users/', '/services/galah/count-occurrence-records/'];
export const AUTH_ANCHORS = ['discovery', 'client-credentials', 'authorization-code-flow', 'implicit-flow'] as const;
