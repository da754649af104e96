import YAML from 'yaml'; import fs from 'fs';
const [file, ...ids] = process.argv.slice(2);
const d = YAML.parse(fs.readFileSync(file,'utf8'));
for (const [p,pi] of Object.entries(d.paths)) for (const [m,op] of Object.entries(pi)) if (op && ids.includes(op.operationId)) console.log(`--- ${op.operationId} ${m.toUpperCase()} ${p}\n${op.description}\n`);
