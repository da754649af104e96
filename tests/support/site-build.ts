/**
 * Builds a variant of the site for the browser tests and the benchmark: `astro build` into
 * `outDir`, with only the given build variables set. Astro's warnings and errors show unless
 * `quiet` (the benchmark prints its own lines).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const BUILD_VARIABLES = ['ALA_ENV', 'ALA_API_BASE', 'ALA_TILE_URL', 'ALA_OPENAPI_DIR', 'ALA_CHANGELOG_DIR', 'ALA_CSP_CONNECT'];

/**
 * Whether a test may keep the build of an earlier run in `dir`: `ALA_TEST_REUSE_BUILDS=1` keeps
 * the variants (quick iterations on one spec); `npm test` always rebuilds them.
 */
export const reusableBuild = (dir: string) => process.env.ALA_TEST_REUSE_BUILDS === '1' && existsSync(join(dir, 'index.html'));

export function buildSite(outDir: string, vars: Record<string, string> = {}, { quiet = false } = {}): void {
  const cleared = Object.fromEntries(BUILD_VARIABLES.map((name) => [name, '']));
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    env: { ...process.env, ...cleared, ...vars },
    stdio: ['ignore', 'ignore', quiet ? 'ignore' : 'inherit'],
  });
}
