/** The operations a page should list, read with the build's own loader (Node side of the tests). */
import { resolveEnvironment } from '../../src/config/current.ts';
import { loadDocuments, type LoadedDocument } from '../../src/lib/openapi/load.ts';

export async function documentsIn(dir: string): Promise<Map<string, LoadedDocument>> {
  const result = await loadDocuments(dir, resolveEnvironment({}));
  return new Map(result.documents.map((d) => [d.id, d]));
}
