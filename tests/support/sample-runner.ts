/**
 * Runs code samples as a reader would: every Shell sample in one bash, every Python sample in one
 * Python process (with Debian's `requests`), every R sample in one R session (with httr2). Each
 * sample runs in its own scope, with test credentials in ACCESS_TOKEN and ALA_API_KEY; a sample
 * that fails (an error, a non-zero exit) is reported with its message, and the others still run.
 * The processes run asynchronously: a server in this same process (a test's loopback API) keeps
 * answering them.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_LANGUAGES, type SampleLanguage } from '../../src/lib/samples/languages.ts';

export interface SampleRun {
  ok: boolean;
  /** What went wrong, for a sample that failed. */
  error?: string;
}

export const CREDENTIALS = { ACCESS_TOKEN: 'sample-test-token', ALA_API_KEY: 'sample-test-key' };

/** Debian's python3 has `requests` (python3-requests); a pyenv python on PATH may not. */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** Runs a command to its end; its exit status and output. */
function run(command: string, args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // In a folder of its own: a sample may write a file (the map's `-o occurrences.png`).
    const child = spawn(command, args, { cwd, env: { ...process.env, ...CREDENTIALS }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const PYTHON_RUNNER = String.raw`
import contextlib, io, json, sys
samples = json.load(open(sys.argv[1]))
results = []
for code in samples:
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(code, "<sample>", "exec"), {"__name__": "__sample__"})
        results.append({"ok": True})
    except BaseException as error:
        results.append({"ok": False, "error": f"{type(error).__name__}: {error}"})
print(json.dumps(results))
`;

const R_RUNNER = String.raw`
args <- commandArgs(trailingOnly = TRUE)
samples <- jsonlite::fromJSON(args[1], simplifyVector = FALSE)
results <- lapply(samples, function(code) {
  tryCatch({
    utils::capture.output(eval(parse(text = code), envir = new.env(parent = globalenv())))
    list(ok = TRUE)
  }, error = function(e) list(ok = FALSE, error = conditionMessage(e)))
})
cat(jsonlite::toJSON(results, auto_unbox = TRUE))
`;

/** Runs the samples of one language, in order; one result per sample. */
export async function runSamples(language: SampleLanguage, samples: readonly string[]): Promise<SampleRun[]> {
  const dir = mkdtempSync(join(tmpdir(), `samples-${language}-`));
  try {
    if (language === 'shell') {
      // Each sample as a command group (no subshell to fork); whether it worked goes to the results
      // file, and the next one runs whatever happened.
      const results = join(dir, 'results');
      const script = join(dir, 'samples.sh');
      writeFileSync(
        script,
        samples.map((code, i) => `{ ${code}\n} >/dev/null 2>"${dir}/err${i}" && echo "${i} ok" >>"${results}" || echo "${i} failed" >>"${results}"`).join('\n') + '\n',
      );
      const done = await run('bash', [script], dir);
      if (!existsSync(results)) throw new Error(`bash: ${done.stderr}`);
      const lines = readFileSync(results, 'utf8').trim().split('\n');
      return samples.map((_, i) => (lines.includes(`${i} ok`) ? { ok: true } : { ok: false, error: readFileSync(join(dir, `err${i}`), 'utf8').trim() || 'failed' }));
    }
    const data = join(dir, 'samples.json');
    writeFileSync(data, JSON.stringify(samples));
    const runner = join(dir, language === 'python' ? 'run.py' : 'run.R');
    writeFileSync(runner, language === 'python' ? PYTHON_RUNNER : R_RUNNER);
    const [command, args] = language === 'python' ? [PYTHON, [runner, data]] : ['Rscript', ['--vanilla', runner, data]];
    const done = await run(command, args, dir);
    if (done.status !== 0) throw new Error(`${command} failed (exit ${done.status}): ${done.stderr}`);
    return JSON.parse(done.stdout.slice(done.stdout.indexOf('['))) as SampleRun[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The samples of an operation's Markdown twin, by language (the page shows the same code), each under its label in bold. */
export function twinSamples(markdown: string): Record<SampleLanguage, string> {
  const block = (label: string) => new RegExp(String.raw`\*\*${label}\*\*\n\n(\`{3,})\w*\n([\s\S]*?)\n\1\n`).exec(markdown)?.[2] ?? '';
  return Object.fromEntries(SAMPLE_LANGUAGES.map((l) => [l.key, block(l.label)])) as Record<SampleLanguage, string>;
}
