/**
 * Builds a variant of the site for the browser tests and the benchmark: `astro build` into
 * `outDir`, with only the given build variables set. Astro's warnings and errors show unless
 * `quiet` (the benchmark prints its own lines).
 */
import { execFileSync } from 'node:child_process';

const BUILD_VARIABLES = ['ALA_ENV', 'ALA_API_BASE', 'ALA_TILE_URL', 'ALA_OPENAPI_DIR', 'ALA_CHANGELOG_DIR', 'ALA_CSP_CONNECT'];

export function buildSite(outDir: string, vars: Record<string, string> = {}, { quiet = false } = {}): void {
  const cleared = Object.fromEntries(BUILD_VARIABLES.map((name) => [name, '']));
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    env: { ...process.env, ...cleared, ...vars },
    stdio: ['ignore', 'ignore', quiet ? 'ignore' : 'inherit'],
  });
}
