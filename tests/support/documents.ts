/** The services and operations a page should show, from the build's own loader and model (Node side of the tests). */
import { resolveEnvironment, type BuildVariables } from '../../src/config/resolve-environment.ts';
import { loadDocuments } from '../../src/lib/openapi/load.ts';
import { serviceModels, type ServiceModel } from '../../src/lib/reference-model/service-model.ts';

export async function documentsIn(dir: string, vars: BuildVariables = {}): Promise<Map<string, ServiceModel>> {
  const env = resolveEnvironment(vars);
  const result = await loadDocuments(dir, env, process.cwd(), { schemaWarnings: false });
  return new Map(serviceModels(result.documents, env).map((s) => [s.id, s]));
}
