/**
 * `npm run hosting:render`: writes the hosting files under deploy/ from deploy/hosting.ts
 * (nginx rules, CloudFormation template, the data deploy/aws/deploy.sh reads). Commit what it changes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { definitionProblems } from '../deploy/render/classes.ts';
import { renderDeployFiles } from '../deploy/render/deploy-files.ts';

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
