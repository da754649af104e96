/**
 * `npm run hosting:render`: writes the hosting files under deploy/ from src/config/hosting.ts
 * (nginx rules, CloudFormation template, deploy script). Commit what it changes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { definitionProblems } from '../src/lib/hosting/classes.ts';
import { renderDeployFiles } from '../src/lib/hosting/deploy-files.ts';

const problems = definitionProblems();
if (problems.length) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
for (const [path, text] of Object.entries(renderDeployFiles('.'))) {
  let old = '';
  try {
    old = readFileSync(path, 'utf8');
  } catch {
    // a new file
  }
  if (old === text) continue;
  writeFileSync(path, text, { mode: path.endsWith('.sh') ? 0o755 : 0o644 });
  console.log(`hosting:render: wrote ${path}`);
}
