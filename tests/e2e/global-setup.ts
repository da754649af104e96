/**
 * Builds the extra site variants the browser tests need (the production build in `dist/` comes
 * from `npm run build`, which `npm test` runs first).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export default function globalSetup(): void {
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does this).');
  }
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', 'dist-testing'], {
    env: { ...process.env, ALA_ENV: 'testing', ALA_API_BASE: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
