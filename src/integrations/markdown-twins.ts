/**
 * After the build: the Markdown twin of every page (`/authentication/` → `/authentication.md`),
 * `/llms.txt` (the llmstxt.org index) and `/llms-full.txt` (everything, in reading order).
 * Operation and service pages are written from the reference model, like their HTML; guide
 * pages from their built HTML, which holds the MDX as rendered for this environment.
 */
import type { AstroIntegration } from 'astro';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { env } from '../config/index.ts';
import { sidebarPaths } from '../config/navigation.ts';
import { markdownPath, servicePath } from '../config/site.ts';
import { guideMarkdown, llmsFull, llmsIndex, type TwinEntry } from '../lib/markdown-twin/site-export.ts';

/** Built files that are not pages of the site. */
const NOT_PAGES = /^(404\.html|_astro\/|pagefind\/|bench-peers\/)/;

async function htmlPages(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((file) => !NOT_PAGES.test(file));
}

const pagePath = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

export function markdownTwins(): AstroIntegration {
  return {
    name: 'ala:markdown-twins',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        // The reference model, from the documents the build's OpenAPI check handed over.
        const { siteServices } = await import('../lib/openapi/site.ts');
        const { operationMarkdown, serviceMarkdown } = await import('../lib/markdown-twin/reference.ts');
        const services = await siteServices();
        const serviceByPath = new Map(services.map((s) => [servicePath(s.id), s]));
        const operationByPath = new Map(services.flatMap((s) => s.operations.map((op) => [op.href, { op, service: s }] as const)));

        const twins = new Map<string, TwinEntry>();
        for (const file of await htmlPages(root)) {
          const path = pagePath(file);
          const operation = operationByPath.get(path);
          const service = serviceByPath.get(path);
          const html = () => readFile(join(root, file), 'utf8');
          const entry: TwinEntry = operation
            ? { path, kind: 'operation', title: operation.op.title, summary: `${operation.op.method} ${operation.op.path}`, markdown: operationMarkdown(operation.op, operation.service) }
            : service
              ? { path, kind: 'service', title: service.title, summary: service.purpose, markdown: serviceMarkdown(service, guideMarkdown(await html(), '[data-service-prose]').body) }
              : { path, kind: 'guide', ...guideMarkdown(await html()) };
          twins.set(path, entry);
          const out = join(root, markdownPath(path));
          await mkdir(dirname(out), { recursive: true });
          await writeFile(out, entry.markdown);
        }

        const order = sidebarPaths();
        const context = { environment: env.label, isProduction: env.name === 'production', services };
        const index = llmsIndex(twins, order, context);
        const full = llmsFull(twins, order, context);
        await writeFile(join(root, 'llms.txt'), index);
        await writeFile(join(root, 'llms-full.txt'), full);
        const kb = (s: string) => `${Math.round(Buffer.byteLength(s) / 1024)} KB`;
        logger.info(`${twins.size} Markdown twins, llms.txt (${kb(index)}), llms-full.txt (${kb(full)}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
