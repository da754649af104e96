/**
 * The API changelog's two commands (logic in src/lib/changelog/recording.ts):
 *
 *   npm run changelog:check                         exits 1, writing nothing, when a document of
 *                                                   openapi/ differs from its baseline without a
 *                                                   recorded entry (naming the service and its first changes)
 *   npm run changelog:record -- --note "<what>"     appends one entry per changed service to
 *                                                   changelog/<service>.json and refreshes the baselines
 *
 * Options: `--root <folder>` works on another copy of the project; `--date <ISO date-time>` records
 * an entry at another time (a reviewed backfill only).
 */
import { parseArgs } from 'node:util';
import { checkMessage, inspectProject, needsRecording, recordProject } from '../src/lib/changelog/recording.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { note: { type: 'string' }, root: { type: 'string', default: '.' }, date: { type: 'string' } },
});
const [command] = positionals;
const root = values.root;

async function check(): Promise<number> {
  const started = performance.now();
  const reports = await inspectProject(root);
  const pending = reports.filter(needsRecording);
  for (const report of reports.filter((r) => r.state.kind === 'reformatted')) {
    console.log(`changelog: ${report.files.id}: ${report.files.names.document} differs from its baseline in form only (the next recording refreshes it).`);
  }
  const took = `${Math.round(performance.now() - started)} ms`;
  if (pending.length === 0) {
    console.log(`changelog: all ${reports.length} services are recorded (${took}).`);
    return 0;
  }
  console.error(`changelog: ${pending.length} service${pending.length === 1 ? ' has' : 's have'} changes that no entry records:\n`);
  console.error(pending.map((report) => checkMessage(report).join('\n')).join('\n'));
  console.error('\nRecord them (the note says what changed, for readers of the changelog):\n  npm run changelog:record -- --note "<what changed>"');
  return 1;
}

async function record(): Promise<number> {
  const note = values.note?.trim();
  if (!note) {
    console.error('changelog:record needs a note: npm run changelog:record -- --note "<what changed>"');
    return 2;
  }
  const date = values.date ? new Date(values.date) : new Date();
  if (Number.isNaN(date.getTime())) {
    console.error(`changelog:record: --date ${values.date} is not a date`);
    return 2;
  }
  const done = await recordProject(root, note, date);
  console.log(done.length ? done.map((line) => `changelog: ${line}`).join('\n') : 'changelog: nothing to record: every document is as last recorded.');
  return 0;
}

try {
  process.exitCode = command === 'check' ? await check() : command === 'record' ? await record() : (console.error('usage: node tools/changelog.ts check | record --note "<what changed>"'), 2);
} catch (error) {
  console.error(`changelog: ${(error as Error).message}`);
  process.exitCode = 1;
}
