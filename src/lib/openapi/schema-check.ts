/**
 * Checks a document against the OpenAPI schema (Redocly's `struct` rule). Real, machine-made
 * documents often break it in ways readers can live with, so these are warnings, not errors.
 */
import { createConfig, lintFromString, type Config } from '@redocly/openapi-core';
import type { Problem } from './problems.ts';
import type { ParsedSource } from './source.ts';

let config: Promise<Config> | undefined;

export async function checkSchema(source: ParsedSource, text: string): Promise<Problem[]> {
  config ??= createConfig({ rules: { struct: 'warn' } });
  const found = await lintFromString({ source: text, absoluteRef: source.file, config: await config });
  return found.map((p) => {
    const at = p.location[0];
    return {
      file: source.file,
      position: at ? source.locate(at.pointer ?? '#') : { line: 1, col: 1 },
      message: `does not follow the OpenAPI schema: ${p.message}`,
      severity: 'warning' as const,
    };
  });
}
