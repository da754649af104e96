/**
 * Per-environment facts of the ALA platform: where the API gateway, the OpenID Connect
 * provider and each service's web application live. One record per environment; the build
 * picks one with `ALA_ENV` (see ./resolve-environment.ts).
 */
import type { ServiceId } from './services.ts';

export const ENVIRONMENT_NAMES = ['production', 'staging', 'testing', 'development'] as const;
export type EnvironmentName = (typeof ENVIRONMENT_NAMES)[number];

export interface OidcEndpoints {
  /** Full URL of the discovery document (ALA's is not at `<issuer>/.well-known/openid-configuration`). */
  discovery: string;
  issuer: string;
  authorize: string;
  token: string;
}

export interface ServiceEndpoints {
  /** Base URL of the service on the API gateway, no trailing slash. */
  api: string;
  /** The ALA web application a reader can explore the same data in. */
  app: string;
  /**
   * The service's own host, for operations whose route through the gateway is not confirmed
   * (their documents list it before the gateway). With `ALA_API_BASE`, it is the service's gateway
   * path on that origin, like every other URL.
   */
  directApi?: string;
}

export interface Environment {
  name: EnvironmentName;
  /** Shown in the page title and the environment banner. */
  label: string;
  /** Origin of the API gateway, no trailing slash. */
  apiBase: string;
  /** The legacy (pre-gateway) API host. */
  legacyApi: string;
  /** Base-map tiles drawn under the occurrence map: a `{z}/{x}/{y}` URL template. */
  tiles: string;
  oidc: OidcEndpoints;
  /** ALA's separate client-registration and token app. */
  tokensApp: string;
  services: Record<ServiceId, ServiceEndpoints>;
  /** Services this environment does not show (none today; kept for staged releases). */
  hiddenServices: readonly ServiceId[];
}

const PROD_API = 'https://api.ala.org.au';
const TEST_API = 'https://api.test.ala.org.au';
/**
 * ALA's OpenStreetMap tiles. The facts name no tile server for the test environments, so every
 * environment uses production's.
 */
const ALA_TILES = 'https://spatial.ala.org.au/osm/{z}/{x}/{y}.png';

const productionServices: Record<ServiceId, ServiceEndpoints> = {
  alerts: { api: `${PROD_API}/alerts`, app: 'https://alerts.ala.org.au' },
  occurrences: { api: `${PROD_API}/occurrences`, app: 'https://biocache.ala.org.au' },
  surveys: { api: `${PROD_API}/biocollect`, app: 'https://biocollect.ala.org.au' },
  species: { api: `${PROD_API}/species`, app: 'https://bie.ala.org.au' },
  metadata: { api: `${PROD_API}/metadata`, app: 'https://collections.ala.org.au' },
  'data-quality': { api: `${PROD_API}/dqf-service`, app: 'https://data-quality-service.ala.org.au' },
  doi: { api: `${PROD_API}/doi`, app: 'https://doi.ala.org.au' },
  galah: { api: PROD_API, app: 'https://galah.ala.org.au' },
  images: { api: `${PROD_API}/images`, app: 'https://images.ala.org.au' },
  'download-statistics': { api: `${PROD_API}/logger`, app: 'https://logger.ala.org.au' },
  profiles: { api: `${PROD_API}/profiles`, app: 'https://profiles.ala.org.au' },
  'species-lists': { api: `${PROD_API}/specieslist`, app: 'https://lists.ala.org.au', directApi: 'https://lists-ws.ala.org.au' },
  spatial: { api: `${PROD_API}/spatial`, app: 'https://spatial.ala.org.au' },
  'user-details': { api: `${PROD_API}/userdetails`, app: 'https://auth.ala.org.au/userdetails/' },
  namematching: { api: `${PROD_API}/namematching`, app: 'https://namematching-ws.ala.org.au' },
  events: { api: `${PROD_API}/events`, app: 'https://events.ala.org.au' },
  ecodata: { api: `${PROD_API}/ecodata`, app: 'https://fieldcapture.ala.org.au' },
};

const testingServices: Record<ServiceId, ServiceEndpoints> = {
  alerts: { api: `${TEST_API}/alerts-test`, app: 'https://alerts.test.ala.org.au' },
  occurrences: { api: `${TEST_API}/occurrences`, app: 'https://biocache-test.ala.org.au' },
  surveys: { api: `${TEST_API}/biocollect`, app: 'https://biocollect-test.ala.org.au' },
  species: { api: `${TEST_API}/species`, app: 'https://bie-test.ala.org.au' },
  metadata: { api: `${TEST_API}/metadata`, app: 'https://collections-test.ala.org.au' },
  'data-quality': { api: `${TEST_API}/dqf-service`, app: 'https://data-quality-service-test.ala.org.au' },
  doi: { api: `${TEST_API}/doi`, app: 'https://doi-test.ala.org.au' },
  galah: { api: TEST_API, app: 'https://galah.ala.org.au' },
  images: { api: `${TEST_API}/images`, app: 'https://images-test.ala.org.au' },
  'download-statistics': { api: `${TEST_API}/logger`, app: 'https://logger-test.ala.org.au' },
  profiles: { api: `${TEST_API}/profiles`, app: 'https://profiles-test.ala.org.au' },
  'species-lists': { api: `${TEST_API}/specieslist`, app: 'https://lists-test.ala.org.au', directApi: 'https://lists-ws.test.ala.org.au' },
  spatial: { api: `${TEST_API}/spatial`, app: 'https://spatial-test.ala.org.au' },
  'user-details': { api: `${TEST_API}/userdetails`, app: 'https://userdetails.test.ala.org.au' },
  namematching: { api: `${TEST_API}/namematching`, app: 'https://namematching-ws-test.ala.org.au' },
  events: { api: `${TEST_API}/events`, app: 'https://events.test.ala.org.au' },
  ecodata: { api: `${TEST_API}/ecodata`, app: 'https://fieldcapture-test.ala.org.au' },
};

const developmentServices: Record<ServiceId, ServiceEndpoints> = {
  ...testingServices,
  profiles: { ...testingServices.profiles, app: 'https://profiles-dev.ala.org.au' },
  spatial: { ...testingServices.spatial, app: 'https://spatial-dev.ala.org.au' },
  'user-details': { ...testingServices['user-details'], app: 'https://auth-cognito.dev.ala.org.au/userdetails' },
  ecodata: { ...testingServices.ecodata, app: 'https://fieldcapture-dev.ala.org.au' },
};

const alaCas: OidcEndpoints = {
  discovery: 'https://auth.ala.org.au/cas/oidc/.well-known',
  issuer: 'https://auth.ala.org.au/cas/oidc',
  authorize: 'https://auth.ala.org.au/cas/oidc/oidcAuthorize',
  token: 'https://auth.ala.org.au/cas/oidc/oidcAccessToken',
};

function cognito(pool: string, host: string): OidcEndpoints {
  const issuer = `https://cognito-idp.ap-southeast-2.amazonaws.com/${pool}`;
  return {
    discovery: `${issuer}/.well-known/openid-configuration`,
    issuer,
    authorize: `https://${host}/oauth2/authorize`,
    token: `https://${host}/oauth2/token`,
  };
}

export const environments: Record<EnvironmentName, Environment> = {
  production: {
    name: 'production',
    label: 'Production',
    apiBase: PROD_API,
    legacyApi: 'https://api-legacy.ala.org.au',
    tiles: ALA_TILES,
    oidc: alaCas,
    tokensApp: 'https://tokens.ala.org.au',
    services: productionServices,
    hiddenServices: [],
  },
  staging: {
    name: 'staging',
    label: 'Staging',
    apiBase: PROD_API,
    legacyApi: 'https://api-legacy.ala.org.au',
    tiles: ALA_TILES,
    oidc: alaCas,
    tokensApp: 'https://tokens.ala.org.au',
    services: productionServices,
    hiddenServices: [],
  },
  testing: {
    name: 'testing',
    label: 'Testing',
    apiBase: TEST_API,
    legacyApi: 'https://api-legacy.ala.org.au',
    tiles: ALA_TILES,
    oidc: cognito('ap-southeast-2_OOXU9GW39', 'auth-secure.auth.ap-southeast-2.amazoncognito.com'),
    tokensApp: 'https://tokens.test.ala.org.au',
    services: testingServices,
    hiddenServices: [],
  },
  development: {
    name: 'development',
    label: 'Development',
    apiBase: TEST_API,
    legacyApi: 'https://api-legacy.ala.org.au',
    tiles: ALA_TILES,
    oidc: cognito('ap-southeast-2_pQUl30qBX', 'auth-secure-development.auth.ap-southeast-2.amazoncognito.com'),
    tokensApp: 'https://tokens.dev.ala.org.au',
    services: developmentServices,
    hiddenServices: [],
  },
};
