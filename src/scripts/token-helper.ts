/**
 * DOM wiring of the token helper page. The protocol is in src/lib/auth/pkce-flow.ts; what is
 * shown about a token in src/lib/auth/token-view.ts; the hand-off to the consoles in
 * src/lib/auth/token-store.ts.
 */
import { AuthHelperError, explainError } from '../lib/auth/errors.ts';
import { beginSignIn, discover, finishSignIn, isAuthorizationResponse, offeredScopes, refresh, withoutAuthorizationResponse, type TokenResult } from '../lib/auth/pkce-flow.ts';
import { CREDENTIALS_EVENT, TOKEN_KEY, writeToken } from '../lib/auth/token-store.ts';
import { describeToken, formatRemaining } from '../lib/auth/token-view.ts';
import { copyWithFeedback } from './clipboard.ts';

const INPUTS_KEY = 'ala-portal:token-helper-inputs';
const RESULT_KEY = 'ala-portal:token-helper-result';

interface Inputs {
  clientId: string;
  scope: string;
  discoveryUrl: string;
}

function q<T extends Element>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`token helper: missing ${selector}`);
  return el;
}

export function startTokenHelper(): void {
  const root = document.querySelector<HTMLElement>('[data-token-helper]');
  if (!root) return;
  const form = q<HTMLFormElement>(root, '[data-signin-form]');
  const clientId = q<HTMLInputElement>(form, '[name="clientId"]');
  const scope = q<HTMLInputElement>(form, '[name="scope"]');
  const discovery = q<HTMLInputElement>(form, '[name="discoveryUrl"]');
  const errorBox = q<HTMLElement>(root, '[data-error]');
  const resultBox = q<HTMLElement>(root, '[data-result]');
  const tokenValue = q<HTMLElement>(root, '[data-token-value]');
  const reveal = q<HTMLButtonElement>(root, '[data-reveal]');
  const countdown = q<HTMLElement>(root, '[data-countdown]');
  const useStatus = q<HTMLElement>(root, '[data-use-status]');
  const refreshButton = q<HTMLButtonElement>(root, '[data-refresh]');
  const defaultDiscovery = root.dataset['defaultDiscovery'] ?? '';
  const redirectUri = `${location.origin}${location.pathname}`;
  let result: TokenResult | undefined;
  let timer: number | undefined;

  q<HTMLElement>(root, '[data-redirect-uri]').textContent = redirectUri;
  discovery.placeholder = defaultDiscovery;

  const inputs = (): Inputs => ({ clientId: clientId.value.trim(), scope: scope.value.trim().replace(/\s+/g, ' '), discoveryUrl: discovery.value.trim() || defaultDiscovery });
  const saveInputs = () => sessionStorage.setItem(INPUTS_KEY, JSON.stringify({ ...inputs(), discoveryUrl: discovery.value.trim() }));
  const restoreInputs = () => {
    try {
      const saved = JSON.parse(sessionStorage.getItem(INPUTS_KEY) ?? 'null') as Partial<Inputs> | null;
      if (!saved) return;
      clientId.value = saved.clientId ?? '';
      scope.value = saved.scope || 'openid';
      discovery.value = saved.discoveryUrl ?? '';
      if (discovery.value) q<HTMLDetailsElement>(root, 'details.th-advanced').open = true;
    } catch {
      sessionStorage.removeItem(INPUTS_KEY);
    }
  };

  const showError = (error: unknown, step: 'discovery' | 'authorization' | 'token' | 'refresh' = 'authorization') => {
    const explained = error instanceof AuthHelperError ? error : explainError(error, { step, origin: location.origin });
    q<HTMLElement>(errorBox, '[data-error-title]').textContent = explained.title;
    q<HTMLElement>(errorBox, '[data-error-detail]').textContent = explained.detail;
    errorBox.hidden = false;
    errorBox.scrollIntoView({ block: 'nearest' });
  };
  const clearError = () => {
    errorBox.hidden = true;
    clientId.removeAttribute('aria-invalid');
  };

  const fillTable = (table: HTMLTableElement, rows: { label: string; value: string }[]) => {
    const body = table.tBodies[0]!;
    body.replaceChildren(
      ...rows.map(({ label, value }) => {
        const tr = document.createElement('tr');
        const th = Object.assign(document.createElement('th'), { scope: 'row', textContent: label });
        const td = Object.assign(document.createElement('td'), { textContent: value });
        tr.append(th, td);
        return tr;
      }),
    );
  };

  const tick = () => {
    if (!result) return;
    if (result.expiresAt === undefined) {
      countdown.textContent = 'The provider did not say when this token expires.';
      return;
    }
    const left = Math.round((result.expiresAt - Date.now()) / 1000);
    const at = new Date(result.expiresAt).toLocaleTimeString();
    countdown.textContent = left > 0 ? `Expires in ${formatRemaining(left)} (at ${at}).` : `Expired at ${at}. ${result.refreshToken ? 'Refresh it, or sign in again.' : 'Sign in again for a new one.'}`;
    countdown.dataset['expired'] = String(left <= 0);
  };

  const masked = (token: string) => `${token.slice(0, 6)}${'•'.repeat(Math.min(24, Math.max(0, token.length - 10)))}${token.slice(-4)}`;
  const showToken = (visible: boolean) => {
    if (!result) return;
    tokenValue.textContent = visible ? result.accessToken : masked(result.accessToken);
    tokenValue.dataset['masked'] = String(!visible);
    reveal.setAttribute('aria-pressed', String(visible));
    reveal.textContent = visible ? 'Hide token' : 'Show token';
  };

  const showResult = (next: TokenResult) => {
    result = next;
    sessionStorage.setItem(RESULT_KEY, JSON.stringify(next));
    clearError();
    showToken(false);
    const access = describeToken(next.accessToken);
    fillTable(q(root, '[data-access-claims]'), [...access.summary, { label: 'Token type', value: next.tokenType }, ...(next.scope ? [{ label: 'Granted scopes', value: next.scope }] : [])]);
    const idSection = q<HTMLElement>(root, '[data-id-token-section]');
    const id = next.idToken ? describeToken(next.idToken) : undefined;
    idSection.hidden = !id;
    if (id) fillTable(q(root, '[data-id-claims]'), id.summary);
    q<HTMLElement>(root, '[data-raw-claims]').textContent = JSON.stringify(
      { access_token: access.isJwt ? { header: access.header, claims: access.claims } : 'opaque', id_token: id ? { header: id.header, claims: id.claims } : undefined },
      null,
      2,
    );
    refreshButton.hidden = !next.refreshToken;
    useStatus.textContent = '';
    resultBox.hidden = false;
    tick();
    window.clearInterval(timer);
    timer = window.setInterval(tick, 1000);
  };

  const discard = () => {
    result = undefined;
    sessionStorage.removeItem(RESULT_KEY);
    window.clearInterval(timer);
    resultBox.hidden = true;
  };

  q<HTMLButtonElement>(root, '[data-copy-redirect]').addEventListener('click', (e) => void copyWithFeedback(redirectUri, e.currentTarget as HTMLButtonElement));
  q<HTMLButtonElement>(root, '[data-copy-token]').addEventListener('click', (e) => result && void copyWithFeedback(result.accessToken, e.currentTarget as HTMLButtonElement));
  reveal.addEventListener('click', () => showToken(reveal.getAttribute('aria-pressed') !== 'true'));
  q<HTMLButtonElement>(root, '[data-discard]').addEventListener('click', discard);
  q<HTMLButtonElement>(root, '[data-download]').addEventListener('click', () => {
    if (!result) return;
    const body = { ...result.raw, issuer: result.issuer, client_id: result.clientId, obtained_for: location.origin, expires_at: result.expiresAt ? new Date(result.expiresAt).toISOString() : undefined };
    const link = Object.assign(document.createElement('a'), {
      href: URL.createObjectURL(new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' })),
      download: 'ala-token.json',
    });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
  q<HTMLButtonElement>(root, '[data-use]').addEventListener('click', () => {
    if (!result) return;
    writeToken(sessionStorage, {
      accessToken: result.accessToken,
      tokenType: result.tokenType,
      issuer: result.issuer,
      ...(result.expiresAt !== undefined ? { expiresAt: result.expiresAt } : {}),
      ...(result.scope !== undefined ? { scope: result.scope } : {}),
    });
    window.dispatchEvent(new CustomEvent(CREDENTIALS_EVENT, { detail: { key: TOKEN_KEY } }));
    useStatus.textContent = 'The API consoles of every service page will send this token (in this browser tab only).';
  });
  refreshButton.addEventListener('click', async () => {
    if (!result) return;
    refreshButton.disabled = true;
    try {
      showResult(await refresh(result, location.origin));
    } catch (error) {
      showError(error, 'refresh');
    } finally {
      refreshButton.disabled = false;
    }
  });

  // Scope picker: the provider's scopes_supported as checkboxes that edit the scope field.
  q<HTMLButtonElement>(root, '[data-load-scopes]').addEventListener('click', async (event) => {
    const button = event.currentTarget as HTMLButtonElement;
    button.disabled = true;
    clearError();
    try {
      const server = await discover(inputs().discoveryUrl, location.origin);
      const list = q<HTMLElement>(root, '[data-scope-list]');
      const chosen = new Set(scope.value.split(/\s+/).filter(Boolean));
      list.replaceChildren(
        ...offeredScopes(server).map((name) => {
          const label = document.createElement('label');
          const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: name, checked: chosen.has(name) });
          box.addEventListener('change', () => {
            const now = new Set(scope.value.split(/\s+/).filter(Boolean));
            if (box.checked) now.add(name);
            else now.delete(name);
            scope.value = [...now].join(' ');
            saveInputs();
          });
          label.append(box, ` ${name}`);
          return label;
        }),
      );
      q<HTMLElement>(root, '[data-scope-options]').hidden = false;
    } catch (error) {
      showError(error, 'discovery');
    } finally {
      button.disabled = false;
    }
  });

  for (const input of [clientId, scope, discovery]) input.addEventListener('change', saveInputs);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearError();
    saveInputs();
    if (!clientId.value.trim()) {
      clientId.setAttribute('aria-invalid', 'true');
      clientId.focus();
    }
    const submit = q<HTMLButtonElement>(form, '[data-signin]');
    submit.disabled = true;
    try {
      const target = await beginSignIn({ ...inputs(), redirectUri }, sessionStorage, location.origin);
      location.assign(target.href);
    } catch (error) {
      showError(error, 'discovery');
      submit.disabled = false;
    }
  });

  // On load: restore the form; complete a sign-in the provider sent us back from; or show the
  // token of this tab's last sign-in.
  restoreInputs();
  const here = new URL(location.href);
  if (isAuthorizationResponse(here)) {
    // The code and state leave the address bar (and history) before anything else happens.
    history.replaceState(history.state, '', withoutAuthorizationResponse(here));
    discard();
    void finishSignIn(here, sessionStorage, location.origin).then(showResult, (error) => showError(error));
    return;
  }
  try {
    const saved = JSON.parse(sessionStorage.getItem(RESULT_KEY) ?? 'null') as TokenResult | null;
    if (saved?.accessToken) showResult(saved);
  } catch {
    sessionStorage.removeItem(RESULT_KEY);
  }
}
