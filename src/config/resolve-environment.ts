/**
 * Resolves the environment the site is built for, from `ALA_ENV`, `ALA_API_BASE` and `ALA_TILE_URL`.
 * Pure: takes the variables as an argument so tests can exercise every case.
 */
import { ENVIRONMENT_NAMES, environments, type Environment, type EnvironmentName } from './environments.ts';
import { isLoopback } from './loopback.ts';
import { services, type ServiceInfo } from './services.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface BuildVariables {
  ALA_ENV?: string | undefined;
  ALA_API_BASE?: string | undefined;
  ALA_TILE_URL?: string | undefined;
}

function isEnvironmentName(value: string): value is EnvironmentName {
  return (ENVIRONMENT_NAMES as readonly string[]).includes(value);
}

/** Parses an override of the gateway origin; only http(s) origins, no path, query or fragment. */
export function parseApiBase(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`ALA_API_BASE="${value}" is not a URL. Give an origin such as https://api.ala.org.au or http://127.0.0.1:8080.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`ALA_API_BASE="${value}" must use http or https.`);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new ConfigError(`ALA_API_BASE="${value}" must be an origin only (no path, query or fragment), e.g. ${url.origin}.`);
  }
  return url.origin;
}

const TILE_EXAMPLE = 'https://spatial.ala.org.au/osm/{z}/{x}/{y}.png';

/** What is wrong with a tile URL template's placeholders, if anything: it needs {z}, {x} and {y}, and only those. */
export function tilePlaceholderProblem(template: string): string | undefined {
  const missing = ['{z}', '{x}', '{y}'].filter((p) => !template.includes(p));
  if (missing.length) return `must contain {z}, {x} and {y} (missing ${missing.join(', ')})`;
  const others = [...template.matchAll(/\{[^}]*\}/g)].map((m) => m[0]).filter((p) => !['{z}', '{x}', '{y}'].includes(p));
  if (others.length) return `has ${others.join(', ')}: only {z}, {x} and {y} are filled in`;
  return undefined;
}

/** Parses `ALA_TILE_URL`: a `{z}/{x}/{y}` tile template, https (http only on loopback). */
export function parseTileUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`ALA_TILE_URL="${value}" is not a URL. Give a tile template such as ${TILE_EXAMPLE}.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    throw new ConfigError(`ALA_TILE_URL="${value}" must use https (http only on loopback: 127.0.0.1, [::1] or localhost).`);
  }
  const problem = tilePlaceholderProblem(value);
  if (problem) throw new ConfigError(`ALA_TILE_URL="${value}" ${problem}, e.g. ${TILE_EXAMPLE}.`);
  return value;
}

/** Moves a service URL from one gateway origin to another, keeping its path. */
export function rebase(serviceUrl: string, fromOrigin: string, toOrigin: string): string {
  return serviceUrl.startsWith(fromOrigin) ? toOrigin + serviceUrl.slice(fromOrigin.length) : serviceUrl;
}

/** Every URL of an environment record must be absolute https; returns the problems found. */
export function environmentProblems(env: Environment): string[] {
  const urls: [string, string][] = [
    ['apiBase', env.apiBase],
    ['legacyApi', env.legacyApi],
    ['tiles', env.tiles],
    ['tokensApp', env.tokensApp],
    ...Object.entries(env.oidc).map(([k, v]): [string, string] => [`oidc.${k}`, v]),
    ...Object.entries(env.services).flatMap(([id, s]): [string, string][] => [
      [`services.${id}.api`, s.api],
      [`services.${id}.app`, s.app],
      ...(s.directApi ? [[`services.${id}.directApi`, s.directApi] as [string, string]] : []),
    ]),
  ];
  const problems: string[] = [];
  for (const [key, value] of urls) {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      problems.push(`${env.name}.${key}: "${value}" is not an absolute URL`);
      continue;
    }
    if (url.protocol !== 'https:') problems.push(`${env.name}.${key}: "${value}" must use https`);
    if (value.endsWith('/') && !key.endsWith('.app')) problems.push(`${env.name}.${key}: "${value}" must not end with /`);
  }
  const tileProblem = tilePlaceholderProblem(env.tiles);
  if (tileProblem) problems.push(`${env.name}.tiles: "${env.tiles}" ${tileProblem}`);
  const missing = services.filter((s) => !(s.id in env.services)).map((s) => s.id);
  if (missing.length) problems.push(`${env.name}: no URLs for ${missing.join(', ')}`);
  return problems;
}

export function resolveEnvironment(vars: BuildVariables): Environment {
  const requested = (vars.ALA_ENV ?? '').trim() || 'production';
  if (!isEnvironmentName(requested)) {
    throw new ConfigError(
      `Unknown ALA_ENV="${requested}". Valid environments: ${ENVIRONMENT_NAMES.join(', ')}.`,
    );
  }
  const base = environments[requested];
  const problems = environmentProblems(base);
  if (problems.length) throw new ConfigError(`Invalid environment configuration:\n  ${problems.join('\n  ')}`);
  const tileOverride = vars.ALA_TILE_URL?.trim();
  const tiles = tileOverride ? parseTileUrl(tileOverride) : base.tiles;
  const override = vars.ALA_API_BASE?.trim();
  if (!override) return { ...base, tiles };
  const apiBase = parseApiBase(override);
  // Every origin moves, a service's own host too (it then means the service's gateway path):
  // a build for a mirror or a test gateway reaches no production API host.
  const moved = Object.fromEntries(
    Object.entries(base.services).map(([id, s]) => {
      const api = rebase(s.api, base.apiBase, apiBase);
      return [id, { ...s, api, ...(s.directApi ? { directApi: api } : {}) }];
    }),
  ) as Environment['services'];
  return { ...base, apiBase, tiles, services: moved };
}

/** The services an environment shows, in registry order. */
export function visibleServices(env: Environment): ServiceInfo[] {
  return services.filter((s) => !env.hiddenServices.includes(s.id));
}
