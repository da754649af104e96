/**
 * Finds Debian's Chromium for Playwright (which cannot download its own browsers here):
 * `PLAYWRIGHT_CHROMIUM_EXECUTABLE` when set, otherwise `chromium` on PATH.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function findChromium(): string {
  const named = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (named) return named;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  throw new Error(
    'No Chromium found: install Debian\'s chromium (apt-get install -y chromium) or set PLAYWRIGHT_CHROMIUM_EXECUTABLE.',
  );
}
