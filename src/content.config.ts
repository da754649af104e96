import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { changelogDir, env, openapiDir } from './config/index.ts';
import { serviceChangelogSchema } from './lib/changelog/records.ts';
import { openapiLoader } from './lib/openapi/collection-loader.ts';
import type { WorkflowSpec } from './lib/workflows/arazzo.ts';
import { workflowsLoader } from './lib/workflows/workflow-loader.ts';

export const collections = {
  /** Starlight's interface strings we word differently (content/i18n/en.json); the rest are its English defaults. */
  i18n: defineCollection({ loader: glob({ base: './content/i18n', pattern: '*.json' }), schema: i18nSchema() }),
  /** Guide pages: every MDX file of `content/` except the per-service prose. */
  docs: defineCollection({
    loader: glob({ base: './content', pattern: ['**/*.{md,mdx}', '!services/**'] }),
    schema: docsSchema({
      extend: z.object({
        /**
         * How much the page's title weighs in search (Pagefind; 7 by default, as for any <h1>).
         * Operation pages set theirs lower, so a guide outranks the operations that mention its topic.
         */
        searchWeight: z.number().min(0).max(10).optional(),
      }),
    }),
  }),
  /** Optional prose of one service, shown on `/services/<id>/` above its operations. */
  services: defineCollection({
    loader: glob({ base: './content/services', pattern: '*.{md,mdx}' }),
    schema: z.object({
      /** Overrides the registry's one-line purpose in the page description. */
      description: z.string().optional(),
    }),
  }),
  /** The OpenAPI documents of `openapi/` (or ALA_OPENAPI_DIR), checked and published for the environment. */
  openapi: defineCollection({
    loader: openapiLoader({ dir: openapiDir, env }),
    schema: z.object({ file: z.string(), document: z.record(z.string(), z.unknown()) }),
  }),
  /** The recorded API changes, one record per service: `changelog/<service>.json` (or ALA_CHANGELOG_DIR). */
  changelog: defineCollection({
    loader: glob({ base: changelogDir, pattern: '*.json' }),
    schema: serviceChangelogSchema,
  }),
  /** The recipes of `workflows/`: each Arazzo workflow, checked, with its galah code. */
  workflows: defineCollection({
    loader: workflowsLoader({ dir: 'workflows' }),
    schema: z.object({ file: z.string(), workflow: z.custom<WorkflowSpec>((value) => typeof value === 'object' && value !== null), galah: z.object({ r: z.string(), python: z.string() }) }),
  }),
};
