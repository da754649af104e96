/**
 * Debian's nginx serving a folder through `deploy/nginx/serve.sh`, the way the portal is served in
 * production: the browser and HTTP tests of the hosting rules run against it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export interface RunningNginx {
  url: string;
  /** Whether serve.sh found nginx's Brotli module. */
  brotli: boolean;
  /** The temporary folder serve.sh keeps nginx's files in. */
  workDir: string;
  /** Everything serve.sh and nginx wrote so far. */
  output(): string;
  /** Sends SIGTERM and resolves with serve.sh's exit code once it has stopped. */
  stop(): Promise<number | null>;
}

const SERVE = resolve('deploy/nginx/serve.sh');
const STARTED = /nginx serves .* at (http:\/\/\S+?)\/? \(brotli (on|off); its files in (\S+)\)/;

export async function startNginx(root: string, port: number): Promise<RunningNginx> {
  const child: ChildProcess = spawn(SERVE, [root, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const deadline = Date.now() + 10_000;
  for (;;) {
    const started = STARTED.exec(output);
    if (hasExited) throw new Error(`serve.sh ${root} ${port} stopped:\n${output}`);
    if (started) {
      try {
        await fetch(`${started[1]}/`, { method: 'HEAD' });
        return {
          url: started[1]!,
          brotli: started[2] === 'on',
          workDir: started[3]!,
          output: () => output,
          stop: async () => {
            if (!hasExited) child.kill('SIGTERM');
            return exited;
          },
        };
      } catch {
        // nginx is not listening yet
      }
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`serve.sh ${root} ${port} did not answer within 10 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
