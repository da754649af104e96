/**
 * What the token helper shows about a token: whether it is a JWT, its decoded header and claims
 * (decoded with jose — not verified; the provider's signature is checked by the APIs), and a
 * readable summary with local times.
 */
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { secondsLeft, type Token } from './credentials.ts';

export interface TokenView {
  isJwt: boolean;
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
  /** Label and value pairs for the summary table. */
  summary: { label: string; value: string }[];
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}

export function localTime(epochSeconds: number, locale?: string): string {
  return new Date(epochSeconds * 1000).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' });
}

export function describeToken(token: string, locale?: string): TokenView {
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token) as Record<string, unknown>;
    claims = decodeJwt(token) as Record<string, unknown>;
  } catch {
    return { isJwt: false, summary: [{ label: 'Format', value: 'Opaque token (not a JWT): only the API can read it' }] };
  }
  const summary: { label: string; value: string }[] = [];
  const add = (label: string, value: unknown) => {
    if (value !== undefined && value !== null && value !== '') summary.push({ label, value: String(value) });
  };
  add('Subject', claims['sub']);
  add('Issuer', claims['iss']);
  add('Audience', asList(claims['aud']).join(', '));
  add('Client', claims['client_id'] ?? claims['azp']);
  const scopes = asList(claims['scope'] ?? claims['scp']);
  if (scopes.length) add('Scopes', scopes.join(' '));
  const roles = [...asList(claims['role']), ...asList(claims['roles']), ...asList(claims['cognito:groups'])];
  if (roles.length) add('Roles', roles.join(', '));
  if (typeof claims['iat'] === 'number') add('Issued', localTime(claims['iat'], locale));
  if (typeof claims['exp'] === 'number') add('Expires', localTime(claims['exp'], locale));
  add('Signed with', header['alg']);
  return { isJwt: true, header, claims, summary };
}

/** "4 min 05 s", "1 h 02 min", or "expired". */
export function formatRemaining(seconds: number): string {
  if (seconds <= 0) return 'expired';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`;
  return `${s} s`;
}

/** What the header's token indicator says: "Token in use · 12 min left", and its tooltip. */
export function indicatorText(token: Pick<Token, 'expiresAt'>, now = Date.now(), locale?: string): { text: string; title: string } {
  const left = secondsLeft(token, now);
  return {
    text: left === undefined ? 'Token in use' : `Token in use · ${Math.ceil(left / 60)} min left`,
    title: token.expiresAt ? `Try it sends your token until ${new Date(token.expiresAt).toLocaleTimeString(locale)}` : 'Try it sends your token',
  };
}
