/**
 * After the build: every HTML page gets its Content-Security-Policy meta tag (src/lib/page-csp.ts),
 * with the environment's connect origins (src/config/csp-policy.ts).
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cspDirectives } from '../config/csp-policy.ts';
import { env, extraConnectOrigins } from '../config/index.ts';
import { withCspMeta } from '../lib/page-csp.ts';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

export function cspMeta(): AstroIntegration {
  return {
    name: 'ala:csp-meta',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const directives = cspDirectives(env, extraConnectOrigins);
        const files = await htmlFiles(fileURLToPath(dir));
        await Promise.all(files.map(async (file) => writeFile(file, withCspMeta(await readFile(file, 'utf8'), directives))));
        logger.info(`Content-Security-Policy written into ${files.length} pages`);
      },
    },
  };
}
