/**
 * The command line of `npm run verify:live`: which API to check (an environment by name, or any
 * gateway origin), which services, the inputs recipes need, where the report goes, and how long
 * one request may take. Pure: it reads an argument list and says what is wrong with it.
 */
import { ENVIRONMENT_NAMES, type EnvironmentName } from '../../config/environments.ts';

export interface VerifyOptions {
  env: EnvironmentName;
  /** A gateway origin that replaces the environment's (`--base`). */
  base?: string;
  /** Only these services (`--only`, repeatable or comma-separated); empty: every service. */
  only: string[];
  /** Recipe inputs (`--input name=value`). */
  inputs: Record<string, string>;
  /** Folder of the report (`--out`). */
  out: string;
  /** Seconds one request may take (`--timeout`). */
  timeoutSeconds: number;
  help: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `npm run verify:live -- [--env <name> | --base <gateway URL>] [--only <service>]… [--input <name>=<value>]… [--out <folder>] [--timeout <seconds>]

Checks the documentation against a live API: runs every recipe (workflows/*.arazzo.yaml) and the
documented example request of every public GET operation, and checks each answer's status and
body against the OpenAPI documents. Writes <folder>/verify-live.json and verify-live.md (default
folder: verify-live-report). Exits 0 when everything matches, 1 on any mismatch, 2 when the API
cannot be reached or the command line is wrong. At most 2 requests at a time and 5 a second.

  --env <name>        ${ENVIRONMENT_NAMES.join(', ')} (default production)
  --base <URL>        another gateway origin, e.g. http://127.0.0.1:8080 (its services' paths as on ALA's gateway)
  --only <service>    only this service's operations, and the recipes that call only such services
  --input name=value  an input of the recipes (email=…, clientId=…, clientSecret=…); a step that needs an
                      input you do not give is skipped, with the steps after it
  --out <folder>      where the report goes
  --timeout <s>       seconds one request may take (default 30)`;

export function parseVerifyArgs(argv: readonly string[]): VerifyOptions {
  const options: VerifyOptions = { env: 'production', only: [], inputs: {}, out: 'verify-live-report', timeoutSeconds: 30, help: false };
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const take = () => inline ?? value(i++, flag);
    switch (flag) {
      case '--env': {
        const name = take();
        if (!(ENVIRONMENT_NAMES as readonly string[]).includes(name)) throw new UsageError(`unknown environment "${name}": use ${ENVIRONMENT_NAMES.join(', ')}`);
        options.env = name as EnvironmentName;
        break;
      }
      case '--base':
        options.base = take();
        break;
      case '--only':
        options.only.push(...take().split(',').map((s) => s.trim()).filter(Boolean));
        break;
      case '--input': {
        const pair = take();
        const eq = pair.indexOf('=');
        if (eq <= 0) throw new UsageError(`--input takes name=value, not "${pair}"`);
        options.inputs[pair.slice(0, eq)] = pair.slice(eq + 1);
        break;
      }
      case '--out':
        options.out = take();
        break;
      case '--timeout': {
        const seconds = Number(take());
        if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 300) throw new UsageError('--timeout takes a number of seconds from 1 to 300');
        options.timeoutSeconds = seconds;
        break;
      }
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new UsageError(`unknown argument "${arg}"`);
    }
  }
  return options;
}
