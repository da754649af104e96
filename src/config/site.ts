/** Paths inside the site that several pages link to. */
export const TOKEN_HELPER_PATH = '/authentication/token-helper/';
export const servicePath = (id: string) => `/services/${id}/`;
export const documentPath = (id: string, ext: 'json' | 'yaml') => `/openapi/${id}.${ext}`;
