/**
 * Checks every OpenAPI document before Astro writes anything: an unusable document stops the
 * build with `openapi/<file>:<line>:<col> <message>` for each problem; schema violations are
 * printed as warnings in the same format and the build goes on. The checked documents are handed
 * to the pages, which do not parse them again.
 */
import type { AstroIntegration } from 'astro';
import { env, openapiDir } from '../config/index.ts';
import { loadDocuments } from '../lib/openapi/load.ts';
import { formatProblem } from '../lib/openapi/problems.ts';
import { handOverDocuments } from '../lib/openapi/handover.ts';

export function openApiCheck(): AstroIntegration {
  return {
    name: 'ala:openapi-check',
    hooks: {
      'astro:config:setup': async ({ logger }) => {
        const result = await loadDocuments(openapiDir, env);
        const errors = result.problems.filter((p) => p.severity === 'error');
        for (const warning of result.problems.filter((p) => p.severity === 'warning')) logger.warn(formatProblem(warning));
        if (errors.length) {
          // One line per problem and nothing else: Astro's own error report adds a stack trace
          // and hints that are about browser code, which would only distract here.
          for (const error of errors) logger.error(formatProblem(error));
          logger.error(`Build stopped: ${errors.length} OpenAPI problem${errors.length === 1 ? '' : 's'} to fix (nothing was written).`);
          process.exit(1);
        }
        handOverDocuments(result.documents);
        const operations = result.documents.reduce((n, d) => n + d.operations.length, 0);
        logger.info(`${result.documents.length} OpenAPI documents, ${operations} operations (${env.name})`);
      },
    },
  };
}
