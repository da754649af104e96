/**
 * `npm run lint:openapi`: the strict check of our own OpenAPI documents.
 *  - every document loads with zero errors and zero warnings (the build's own loader);
 *  - every registered service has a document whose server is its production gateway URL;
 *  - Redocly's recommended rules (plus ours in redocly.yaml) report nothing, warnings included.
 * Documents of other APIs dropped into openapi/ must only be usable (no errors).
 * Prints `openapi/<file>:<line>:<col> <message>` per problem; exits 1 on any.
 */
import { getLineColLocation, lint, loadConfig } from '@redocly/openapi-core';
import { join } from 'node:path';
import { environments } from '../src/config/environments.ts';
import { isServiceId, SERVICE_IDS } from '../src/config/services.ts';
import { documentId, findDocuments, loadDocuments } from '../src/lib/openapi/load.ts';
import { countOperations } from '../src/lib/openapi/walk.ts';
import { formatProblem, type Problem } from '../src/lib/openapi/problems.ts';
import { parseSource } from '../src/lib/openapi/source.ts';
import { readFileSync } from 'node:fs';

const DIR = 'openapi';
const production = environments.production;
const problems: Problem[] = [];
const files = await findDocuments(DIR);
const ours = files.filter((f) => isServiceId(documentId(f)));

// 1. The build's loader: errors anywhere, warnings in our own documents.
const loaded = await loadDocuments(DIR, production);
problems.push(...loaded.problems.filter((p) => p.severity === 'error' || isServiceId(documentId(p.file.split('/').pop()!))));

// 2. The registry and the documents agree.
for (const id of SERVICE_IDS) {
  const file = ours.find((f) => documentId(f) === id);
  if (!file) {
    problems.push({ file: `${DIR}/${id}.yaml`, position: { line: 1, col: 1 }, message: `missing: service "${id}" is in src/config/services.ts but has no document`, severity: 'error' });
    continue;
  }
  const text = readFileSync(join(DIR, file), 'utf8');
  const source = parseSource(`${DIR}/${file}`, text).source;
  const servers = (source?.value as { servers?: { url?: string }[] } | undefined)?.servers;
  const expected = production.services[id].api;
  if (source && (servers?.length !== 1 || servers[0]?.url !== expected)) {
    problems.push({ file: `${DIR}/${file}`, position: source.locate('#/servers'), message: `servers must be exactly [${expected}] (the production gateway URL of "${id}")`, severity: 'error' });
  }
}

// 3. Redocly's linter, strict: any problem, warning or error, fails.
const config = await loadConfig({ configPath: 'redocly.yaml' });
for (const file of ours) {
  const found = await lint({ ref: join(DIR, file), config });
  for (const p of found) {
    if (p.ignored) continue;
    const where = p.location[0] ? getLineColLocation(p.location[0]).start : { line: 1, col: 1 };
    problems.push({ file: `${DIR}/${file}`, position: { line: where.line, col: where.col }, message: `${p.message} (${p.ruleId})`, severity: p.severity === 'error' ? 'error' : 'warning' });
  }
}

for (const p of problems) console.error(formatProblem(p));
const operations = loaded.documents.filter((d) => isServiceId(d.id)).reduce((n, d) => n + countOperations(d.document), 0);
if (problems.length) {
  console.error(`\nlint:openapi: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files.length} documents.`);
  process.exit(1);
}
console.log(`lint:openapi: ${ours.length} documents, ${operations} operations: no errors, no warnings.`);
