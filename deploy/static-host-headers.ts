/** After the build: `_headers` for static hosts that read one (deploy/render/headers-file.ts). */
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { renderHeadersFile } from './render/headers-file.ts';

export function hostingHeaders(): AstroIntegration {
  return {
    name: 'ala:hosting-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await writeFile(new URL('_headers', dir), renderHeadersFile());
        logger.info('_headers written for static hosts');
      },
    },
  };
}
