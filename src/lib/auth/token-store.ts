/**
 * The credentials a reader has handed to this site for the try-it consoles: an access token
 * (from the token helper) and a galah API key. Kept in sessionStorage only — never
 * localStorage, a URL or a log — so they end with the browser tab.
 */
export const TOKEN_KEY = 'ala-portal:token';
export const API_KEY_KEY = 'ala-portal:api-key';
/** Fired on `window` whenever the stored credentials change in this tab. */
export const CREDENTIALS_EVENT = 'ala:credentials-changed';

export interface StoredToken {
  accessToken: string;
  tokenType: string;
  /** Epoch milliseconds; undefined when the provider did not say. */
  expiresAt?: number;
  scope?: string;
  /** The issuer that minted it, for the indicator and for matching the environment. */
  issuer?: string;
  idToken?: string;
  refreshToken?: string;
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function isStoredToken(value: unknown): value is StoredToken {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['accessToken'] === 'string' && v['accessToken'] !== '' && typeof v['tokenType'] === 'string' &&
    (v['expiresAt'] === undefined || typeof v['expiresAt'] === 'number');
}

/** The stored token, or undefined when there is none, it is unreadable, or it has expired. */
export function readToken(store: KeyValueStore, now = Date.now()): StoredToken | undefined {
  const raw = store.getItem(TOKEN_KEY);
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!isStoredToken(parsed)) return undefined;
    if (parsed.expiresAt !== undefined && parsed.expiresAt <= now) return undefined;
    return parsed;
  } catch {
    return undefined;
  }
}

export function writeToken(store: KeyValueStore, token: StoredToken): void {
  store.setItem(TOKEN_KEY, JSON.stringify(token));
}

export function clearToken(store: KeyValueStore): void {
  store.removeItem(TOKEN_KEY);
}

export function readApiKey(store: KeyValueStore): string | undefined {
  return store.getItem(API_KEY_KEY)?.trim() || undefined;
}

export function writeApiKey(store: KeyValueStore, key: string): void {
  if (key.trim()) store.setItem(API_KEY_KEY, key.trim());
  else store.removeItem(API_KEY_KEY);
}

/** Seconds until the token expires (0 when past), or undefined when unknown. */
export function secondsLeft(token: StoredToken, now = Date.now()): number | undefined {
  return token.expiresAt === undefined ? undefined : Math.max(0, Math.round((token.expiresAt - now) / 1000));
}
