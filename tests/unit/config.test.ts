import { describe, expect, it } from 'vitest';
import { connectOrigins, cspDirectives, imageOrigins } from '../../src/config/csp-policy.ts';
import { ConfigError, environmentProblems, parseApiBase, parseTileUrl, resolveEnvironment, visibleServices } from '../../src/config/resolve-environment.ts';
import { ENVIRONMENT_NAMES, environments } from '../../src/config/environments.ts';
import { SERVICE_IDS, services } from '../../src/config/services.ts';

describe('resolveEnvironment', () => {
  it('defaults to production', () => {
    const env = resolveEnvironment({});
    expect(env.name).toBe('production');
    expect(env.services.occurrences.api).toBe('https://api.ala.org.au/occurrences');
    expect(env.oidc.discovery).toBe('https://auth.ala.org.au/cas/oidc/.well-known');
  });

  it('picks the testing environment and its Cognito provider', () => {
    const env = resolveEnvironment({ ALA_ENV: 'testing' });
    expect(env.apiBase).toBe('https://api.test.ala.org.au');
    expect(env.services.alerts.api).toBe('https://api.test.ala.org.au/alerts-test');
    expect(env.oidc.token).toMatch(/^https:\/\/auth-secure\.auth\.ap-southeast-2\.amazoncognito\.com\/oauth2\/token$/);
  });

  it('stops on an unknown environment and lists the valid names', () => {
    expect(() => resolveEnvironment({ ALA_ENV: 'prod' })).toThrow(ConfigError);
    expect(() => resolveEnvironment({ ALA_ENV: 'prod' })).toThrow(
      'Unknown ALA_ENV="prod". Valid environments: production, staging, testing, development.',
    );
  });

  it('moves every service to ALA_API_BASE, keeping each path', () => {
    const env = resolveEnvironment({ ALA_ENV: 'testing', ALA_API_BASE: 'http://127.0.0.1:8123/' });
    expect(env.apiBase).toBe('http://127.0.0.1:8123');
    expect(env.services.alerts.api).toBe('http://127.0.0.1:8123/alerts-test');
    expect(env.services.galah.api).toBe('http://127.0.0.1:8123');
    expect(env.services.occurrences.app).toBe('https://biocache-test.ala.org.au');
  });

  it('rejects an ALA_API_BASE that is not an origin', () => {
    expect(() => parseApiBase('not a url')).toThrow(/is not a URL/);
    expect(() => parseApiBase('ftp://example.org')).toThrow(/http or https/);
    expect(() => parseApiBase('https://api.ala.org.au/occurrences')).toThrow(/origin only/);
  });
});

describe('base-map tiles', () => {
  it("uses ALA's OpenStreetMap tiles, in every environment", () => {
    for (const name of ENVIRONMENT_NAMES) {
      expect(resolveEnvironment({ ALA_ENV: name }).tiles).toBe('https://spatial.ala.org.au/osm/{z}/{x}/{y}.png');
    }
  });

  it('takes ALA_TILE_URL instead, independently of ALA_API_BASE', () => {
    const env = resolveEnvironment({ ALA_TILE_URL: ' http://127.0.0.1:8123/osm/{z}/{x}/{y}.png ' });
    expect(env.tiles).toBe('http://127.0.0.1:8123/osm/{z}/{x}/{y}.png');
    expect(env.apiBase).toBe('https://api.ala.org.au');
    const both = resolveEnvironment({ ALA_API_BASE: 'http://127.0.0.1:9000', ALA_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png' });
    expect(both.tiles).toBe('https://tiles.example.org/{z}/{x}/{y}.png');
    expect(both.services.occurrences.api).toBe('http://127.0.0.1:9000/occurrences');
  });

  it('stops on an ALA_TILE_URL it cannot use, saying what to fix', () => {
    expect(() => parseTileUrl('tiles/{z}/{x}/{y}.png')).toThrow(ConfigError);
    expect(() => parseTileUrl('tiles/{z}/{x}/{y}.png')).toThrow(
      'ALA_TILE_URL="tiles/{z}/{x}/{y}.png" is not a URL. Give a tile template such as https://spatial.ala.org.au/osm/{z}/{x}/{y}.png.',
    );
    expect(() => parseTileUrl('http://tiles.example.org/{z}/{x}/{y}.png')).toThrow(
      'ALA_TILE_URL="http://tiles.example.org/{z}/{x}/{y}.png" must use https (http only on loopback: 127.0.0.1, [::1] or localhost).',
    );
    expect(() => parseTileUrl('https://tiles.example.org/{z}/{x}.png')).toThrow(
      'ALA_TILE_URL="https://tiles.example.org/{z}/{x}.png" must contain {z}, {x} and {y} (missing {y}), e.g. https://spatial.ala.org.au/osm/{z}/{x}/{y}.png.',
    );
    expect(() => parseTileUrl('https://{s}.tiles.example.org/{z}/{x}/{y}.png')).toThrow(/has \{s\}: only \{z\}, \{x\} and \{y\} are filled in/);
    expect(() => resolveEnvironment({ ALA_TILE_URL: 'ftp://127.0.0.1/{z}/{x}/{y}' })).toThrow(/ALA_TILE_URL=.*must use https/);
  });

  it('lets images come only from the site, the occurrences service and the tile server', () => {
    const env = resolveEnvironment({ ALA_API_BASE: 'http://127.0.0.1:9000', ALA_TILE_URL: 'https://tiles.example.org/osm/{z}/{x}/{y}.png' });
    expect(imageOrigins(env)).toEqual(['http://127.0.0.1:9000', 'https://tiles.example.org']);
    expect(cspDirectives(resolveEnvironment({}))).toContain("img-src 'self' data: blob: https://api.ala.org.au https://spatial.ala.org.au");
  });
});

describe('environment records', () => {
  it.each(ENVIRONMENT_NAMES)('%s has every service and only https URLs', (name) => {
    expect(environmentProblems(environments[name])).toEqual([]);
  });

  it('reports a broken record precisely', () => {
    const broken = {
      ...environments.production,
      apiBase: 'http://api.ala.org.au',
      tiles: 'https://spatial.ala.org.au/osm/{z}/{x}.png',
      oidc: { ...environments.production.oidc, token: 'oidcAccessToken' },
    };
    expect(environmentProblems(broken)).toEqual([
      'production.apiBase: "http://api.ala.org.au" must use https',
      'production.oidc.token: "oidcAccessToken" is not an absolute URL',
      'production.tiles: "https://spatial.ala.org.au/osm/{z}/{x}.png" must contain {z}, {x} and {y} (missing {y})',
    ]);
  });

  it('shows all 17 services in every environment, in registry order', () => {
    for (const name of ENVIRONMENT_NAMES) {
      expect(visibleServices(environments[name]).map((s) => s.id)).toEqual([...SERVICE_IDS]);
    }
  });

  it('hides a service an environment lists as hidden', () => {
    const env = { ...environments.testing, hiddenServices: ['events'] as const };
    expect(visibleServices(env).map((s) => s.id)).not.toContain('events');
    expect(visibleServices(env)).toHaveLength(16);
  });

  it('has one registry entry per service id', () => {
    expect(services.map((s) => s.id)).toEqual([...SERVICE_IDS]);
  });
});

describe('origins the pages may call', () => {
  it('are the gateway, the sign-in service and the hosts of services called directly', () => {
    expect(connectOrigins(resolveEnvironment({}))).toEqual(['https://api.ala.org.au', 'https://auth.ala.org.au', 'https://lists-ws.ala.org.au']);
    expect(connectOrigins(resolveEnvironment({ ALA_ENV: 'testing' }))).toContain('https://lists-ws.test.ala.org.au');
  });

  it('move every API host, a service\'s own included, when ALA_API_BASE moves the gateway', () => {
    expect(connectOrigins(resolveEnvironment({ ALA_API_BASE: 'http://127.0.0.1:9000' }))).toEqual(['http://127.0.0.1:9000', 'https://auth.ala.org.au']);
  });
});
