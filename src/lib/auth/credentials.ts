/**
 * The one store of what a reader has given this site: their access token, their API key, the
 * token helper's form and a sign-in in progress. It owns every storage key, keeps everything
 * in sessionStorage (so it ends with the tab: never localStorage, a URL or a log), has one
 * token shape, and announces every change itself.
 */

/** An access token as the token helper obtained it. The one shape a token has on this site. */
export interface Token {
  accessToken: string;
  tokenType: string;
  /** Epoch milliseconds; undefined when the provider did not say. */
  expiresAt?: number;
  scope?: string;
  idToken?: string;
  refreshToken?: string;
  /** The provider that minted it. */
  issuer: string;
  clientId: string;
  tokenEndpoint: string;
  /** The provider's whole token response, for the JSON download. */
  raw: Record<string, unknown>;
}

/** The token helper's form, remembered for the tab. */
export interface HelperInputs {
  clientId: string;
  scope: string;
  discoveryUrl: string;
}

export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Every storage key of the site (tests read them to check what is, and is not, kept). */
export const STORAGE_KEYS = {
  token: 'ala-portal:token',
  apiKey: 'ala-portal:api-key',
  helperInputs: 'ala-portal:token-helper-inputs',
  pendingSignIn: 'ala-portal:pending-sign-in',
} as const;
const KEYS = STORAGE_KEYS;

/** Fired on the store's event target after the token or the API key changed. */
export const CREDENTIALS_CHANGED = 'ala-portal:credentials-changed';

function isToken(value: unknown): value is Token {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['accessToken'] === 'string' && v['accessToken'] !== '' && typeof v['tokenType'] === 'string' &&
    (v['expiresAt'] === undefined || typeof v['expiresAt'] === 'number');
}

export class CredentialsStore {
  readonly #storage: KeyValueStore;
  readonly #events: EventTarget | undefined;

  constructor(storage: KeyValueStore, events?: EventTarget) {
    this.#storage = storage;
    this.#events = events;
  }

  #read(key: string): unknown {
    const raw = this.#storage.getItem(key);
    if (!raw) return undefined;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      this.#storage.removeItem(key);
      return undefined;
    }
  }

  #changed(): void {
    this.#events?.dispatchEvent(new Event(CREDENTIALS_CHANGED));
  }

  /** The stored token, expired or not (the token helper shows an expired one, to refresh it). */
  token(): Token | undefined {
    const value = this.#read(KEYS.token);
    return isToken(value) ? value : undefined;
  }

  /** The token try-it may send: the stored one while it has not expired. */
  activeToken(now = Date.now()): Token | undefined {
    const token = this.token();
    return token && (token.expiresAt === undefined || token.expiresAt > now) ? token : undefined;
  }

  setToken(token: Token): void {
    this.#storage.setItem(KEYS.token, JSON.stringify(token));
    this.#changed();
  }

  clearToken(): void {
    this.#storage.removeItem(KEYS.token);
    this.#changed();
  }

  apiKey(): string | undefined {
    return this.#storage.getItem(KEYS.apiKey)?.trim() || undefined;
  }

  /** An empty key removes it. */
  setApiKey(key: string): void {
    if (key.trim()) this.#storage.setItem(KEYS.apiKey, key.trim());
    else this.#storage.removeItem(KEYS.apiKey);
    this.#changed();
  }

  helperInputs(): Partial<HelperInputs> | undefined {
    const value = this.#read(KEYS.helperInputs);
    return typeof value === 'object' && value !== null ? (value as Partial<HelperInputs>) : undefined;
  }

  setHelperInputs(inputs: HelperInputs): void {
    this.#storage.setItem(KEYS.helperInputs, JSON.stringify(inputs));
  }

  /** Keeps a sign-in in progress (PKCE verifier, state, nonce…) until the provider sends the reader back. */
  savePendingSignIn(pending: object): void {
    this.#storage.setItem(KEYS.pendingSignIn, JSON.stringify(pending));
  }

  /** The sign-in in progress, removed as it is read: it is used once, or not at all. */
  takePendingSignIn(): unknown {
    const value = this.#read(KEYS.pendingSignIn);
    this.#storage.removeItem(KEYS.pendingSignIn);
    return value;
  }

  /** Calls `listener` after every change of the token or API key; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.#events?.addEventListener(CREDENTIALS_CHANGED, listener);
    return () => this.#events?.removeEventListener(CREDENTIALS_CHANGED, listener);
  }
}

/** Seconds until the token expires (0 when past), or undefined when unknown. */
export function secondsLeft(token: Pick<Token, 'expiresAt'>, now = Date.now()): number | undefined {
  return token.expiresAt === undefined ? undefined : Math.max(0, Math.round((token.expiresAt - now) / 1000));
}

let browserStore: CredentialsStore | undefined;

/** The store of this browser tab. */
export function tabCredentials(): CredentialsStore {
  browserStore ??= new CredentialsStore(sessionStorage, window);
  return browserStore;
}
