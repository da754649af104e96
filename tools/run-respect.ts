/**
 * Runs Redocly Respect (`redocly respect`, the Arazzo runner of Redocly CLI) on workflow files
 * and reads its JSON output (src/lib/workflows/respect-results.ts). The recipe tests and
 * `npm run verify:live` use it. Inputs go to Respect in its environment variable, as JSON, so a
 * secret is never on a command line and a value may hold commas.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { respectResults, type WorkflowResult } from '../src/lib/workflows/respect-results.ts';

const REDOCLY = resolve('node_modules/@redocly/cli/bin/cli.js');

export interface RespectOptions {
  files: string[];
  /** Server overrides by source description name (`--server`). */
  servers?: Record<string, string>;
  /** Workflow inputs; JSON values for arrays and objects. */
  inputs?: Record<string, unknown>;
  /** Where Respect writes its JSON output. */
  jsonOut: string;
  /** Milliseconds one request may take. */
  maxFetchTimeoutMs?: number;
  /** Milliseconds the whole run may take. */
  executionTimeoutMs?: number;
  /** Stops the run (the process is killed). */
  signal?: AbortSignal;
}

export interface RespectRun {
  /** Respect's exit code: 0 when every workflow passed. */
  code: number;
  /** What Respect printed. */
  output: string;
  results: WorkflowResult[];
}

export function runRespect(options: RespectOptions): Promise<RespectRun> {
  rmSync(options.jsonOut, { force: true });
  const args = [REDOCLY, 'respect', ...options.files, '--json-output', options.jsonOut];
  if (options.servers && Object.keys(options.servers).length) args.push('--server', JSON.stringify(options.servers));
  if (options.maxFetchTimeoutMs) args.push('--max-fetch-timeout', String(options.maxFetchTimeoutMs));
  if (options.executionTimeoutMs) args.push('--execution-timeout', String(options.executionTimeoutMs));
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  if (options.inputs && Object.keys(options.inputs).length) env['REDOCLY_CLI_RESPECT_INPUT'] = JSON.stringify(options.inputs);
  else delete env['REDOCLY_CLI_RESPECT_INPUT'];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'], ...(options.signal ? { signal: options.signal } : {}) });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.on('error', (error) => (error.name === 'AbortError' ? undefined : fail(error)));
    child.on('close', (code) => {
      const json: unknown = existsSync(options.jsonOut) ? JSON.parse(readFileSync(options.jsonOut, 'utf8')) : undefined;
      done({ code: code ?? 1, output, results: json ? respectResults(json) : [] });
    });
  });
}
