import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { resolveEnvironment } from '../../src/config/resolve-environment.ts';
import {
  authorizationCodeSamples,
  bearerSamples,
  clientCredentialsCode,
  clientCredentialsSamples,
  discoverySamples,
  implicitSamples,
  openAccessSamples,
} from '../../src/lib/samples/guide-samples.ts';
import { SAMPLE_LANGUAGES, type SampleSet } from '../../src/lib/samples/languages.ts';

const builders = {
  bearerSamples,
  discoverySamples,
  clientCredentialsSamples,
  authorizationCodeSamples,
  implicitSamples,
  openAccessSamples,
};
const production = resolveEnvironment({});
const testing = resolveEnvironment({ ALA_ENV: 'testing' });

function hasPython(): boolean {
  try {
    execFileSync('python3', ['--version']);
    return true;
  } catch {
    return false;
  }
}

describe.each(Object.entries(builders))('%s', (_name, build) => {
  const samples: SampleSet = build(production);

  it('offers every language', () => {
    for (const { key } of SAMPLE_LANGUAGES) expect(samples[key].trim()).not.toBe('');
  });

  it('shell sample is valid bash', () => {
    execFileSync('bash', ['-n'], { input: samples.shell });
  });

  it.runIf(hasPython())('python sample is valid Python', () => {
    execFileSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], { input: samples.python });
  });

  it('takes its URLs from the environment', () => {
    const inTesting = build(testing);
    for (const { key } of SAMPLE_LANGUAGES) {
      expect(inTesting[key]).not.toContain('api.ala.org.au');
      expect(inTesting[key]).not.toContain('auth.ala.org.au');
    }
  });
});

describe('client credentials', () => {
  it('posts to the environment token endpoint with HTTP Basic auth', () => {
    const s = clientCredentialsSamples(production);
    expect(s.shell).toContain('curl -s -X POST "https://auth.ala.org.au/cas/oidc/oidcAccessToken"');
    expect(s.shell).toContain('-u "$CLIENT_ID:$ALA_CLIENT_SECRET"');
    expect(s.python).toContain('auth=("your-client-id", os.environ["ALA_CLIENT_SECRET"])');
    expect(s.python).toContain('"grant_type": "client_credentials"');
  });
});

describe('client credentials commands built from a reader\'s inputs', () => {
  const built = clientCredentialsCode({ tokenUrl: 'https://auth.example.org/token', callUrl: 'https://api.example.org/x', clientId: "o'brien-app", scope: '  users/read   ala/internal ' });

  it('quote the inputs safely and read the secret from the environment only', () => {
    expect(built.shell).toContain(`CLIENT_ID='o'\\''brien-app'`);
    expect(built.shell).toContain(`SCOPE='users/read ala/internal'`);
    expect(built.python).toContain(`auth=("o'brien-app", os.environ["ALA_CLIENT_SECRET"])`);
    for (const code of Object.values(built)) expect(code).not.toMatch(/secret\s*[:=]\s*["'][^"'$]/i);
  });

  it('are valid shell and Python', () => {
    execFileSync('bash', ['-n'], { input: built.shell });
    if (hasPython()) execFileSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], { input: built.python });
  });

  it('the shell sample sets the client ID exactly as typed', () => {
    const out = execFileSync('bash', ['-c', `${built.shell.split('\n')[0]}\nprintf %s "$CLIENT_ID"`], { encoding: 'utf8' });
    expect(out).toBe("o'brien-app");
  });
});

describe('authorization code', () => {
  it('uses S256 and sends the verifier at the exchange', () => {
    const s = authorizationCodeSamples(production);
    for (const lang of ['shell', 'python'] as const) {
      expect(s[lang]).toContain('S256');
      expect(s[lang]).toContain('code_verifier');
    }
    expect(s.r).toContain('pkce = TRUE');
  });

  it('the shell verifier and challenge commands produce RFC 7636 values', () => {
    const script = `${authorizationCodeSamples(production).shell.split('# 2.')[0]}\nprintf '%s %s' "$CODE_VERIFIER" "$CODE_CHALLENGE"`;
    const [verifier, challenge] = execFileSync('bash', ['-c', script], { encoding: 'utf8' }).split(' ');
    expect(verifier).toMatch(/^[A-Za-z0-9]{43,128}$/);
    expect(challenge).toBe(createHash('sha256').update(verifier!).digest('base64url'));
  });
});
