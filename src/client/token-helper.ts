/**
 * `<token-helper>`: the token helper page's sign-in form, error box and token panel
 * (src/components/mdx/TokenHelper.astro). The protocol is in src/lib/auth/pkce-flow.ts, what is
 * shown about a token in src/lib/auth/token-view.ts, and where the token and the form are kept in
 * src/lib/auth/credentials.ts: a signed-in token is the one try-it sends.
 */
import { tabCredentials, type CredentialsStore, type HelperInputs, type Token } from '../lib/auth/credentials.ts';
import { OAuthStepError, explainError, type OAuthStep } from '../lib/auth/oauth-errors.ts';
import { authorizationRequest, discoverAuthorizationServer, authorizationCodeGrant, isAuthorizationResponse, offeredScopes, refreshTokenGrant, withoutAuthorizationResponse } from '../lib/auth/pkce-flow.ts';
import { describeToken, formatRemaining } from '../lib/auth/token-view.ts';
import { copyWithFeedback } from './clipboard.ts';

function q<T extends Element>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`token helper: missing ${selector}`);
  return el;
}

const masked = (token: string) => `${token.slice(0, 6)}${'•'.repeat(Math.min(24, Math.max(0, token.length - 10)))}${token.slice(-4)}`;

function fillTable(table: HTMLTableElement, rows: { label: string; value: string }[]): void {
  table.tBodies[0]!.replaceChildren(
    ...rows.map(({ label, value }) => {
      const tr = document.createElement('tr');
      tr.append(Object.assign(document.createElement('th'), { scope: 'row', textContent: label }), Object.assign(document.createElement('td'), { textContent: value }));
      return tr;
    }),
  );
}

function downloadJson(token: Token): void {
  const body = { ...token.raw, issuer: token.issuer, client_id: token.clientId, obtained_for: location.origin, expires_at: token.expiresAt ? new Date(token.expiresAt).toISOString() : undefined };
  const link = Object.assign(document.createElement('a'), {
    href: URL.createObjectURL(new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' })),
    download: 'ala-token.json',
  });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** The sign-in form: its values, remembered for the tab. */
function signInForm(root: HTMLElement, store: CredentialsStore) {
  const form = q<HTMLFormElement>(root, '[data-signin-form]');
  const clientId = q<HTMLInputElement>(form, '[name="clientId"]');
  const scope = q<HTMLInputElement>(form, '[name="scope"]');
  const discovery = q<HTMLInputElement>(form, '[name="discoveryUrl"]');
  const defaultDiscovery = root.dataset['defaultDiscovery'] ?? '';
  discovery.placeholder = defaultDiscovery;

  const values = (): HelperInputs => ({ clientId: clientId.value.trim(), scope: scope.value.trim().replace(/\s+/g, ' '), discoveryUrl: discovery.value.trim() || defaultDiscovery });
  const save = () => store.setHelperInputs({ ...values(), discoveryUrl: discovery.value.trim() });
  const saved = store.helperInputs();
  if (saved) {
    clientId.value = saved.clientId ?? '';
    scope.value = saved.scope || 'openid';
    discovery.value = saved.discoveryUrl ?? '';
    if (discovery.value) q<HTMLDetailsElement>(root, 'details.th-advanced').open = true;
  }
  for (const input of [clientId, scope, discovery]) input.addEventListener('change', save);

  /** Scopes the provider offers, as checkboxes that edit the scope field. */
  const showScopes = (names: string[]) => {
    const chosen = new Set(scope.value.split(/\s+/).filter(Boolean));
    q<HTMLElement>(root, '[data-scope-list]').replaceChildren(
      ...names.map((name) => {
        const label = document.createElement('label');
        const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: name, checked: chosen.has(name) });
        box.addEventListener('change', () => {
          const now = new Set(scope.value.split(/\s+/).filter(Boolean));
          if (box.checked) now.add(name);
          else now.delete(name);
          scope.value = [...now].join(' ');
          save();
        });
        label.append(box, ` ${name}`);
        return label;
      }),
    );
    q<HTMLElement>(root, '[data-scope-options]').hidden = false;
  };

  return { form, clientId, values, save, showScopes };
}

/** The error box: a title that says what went wrong and a detail that says what to do. */
function errorBox(root: HTMLElement) {
  const box = q<HTMLElement>(root, '[data-error]');
  return {
    show(error: unknown, step: OAuthStep) {
      const explained = error instanceof OAuthStepError ? error : explainError(error, { step, origin: location.origin });
      q<HTMLElement>(box, '[data-error-title]').textContent = explained.title;
      q<HTMLElement>(box, '[data-error-detail]').textContent = explained.detail;
      box.hidden = false;
      box.scrollIntoView({ block: 'nearest' });
    },
    hide() {
      box.hidden = true;
    },
  };
}

/** The result panel: the token (masked until revealed), its expiry and what it says. */
function resultPanel(root: HTMLElement) {
  const panel = q<HTMLElement>(root, '[data-result]');
  const value = q<HTMLElement>(root, '[data-token-value]');
  const reveal = q<HTMLButtonElement>(root, '[data-reveal]');
  const countdown = q<HTMLElement>(root, '[data-countdown]');
  const refreshButton = q<HTMLButtonElement>(root, '[data-refresh]');
  let shown: Token | undefined;
  let timer: number | undefined;

  const setRevealed = (visible: boolean) => {
    if (!shown) return;
    value.textContent = visible ? shown.accessToken : masked(shown.accessToken);
    value.dataset['masked'] = String(!visible);
    reveal.setAttribute('aria-pressed', String(visible));
    reveal.textContent = visible ? 'Hide token' : 'Show token';
  };
  const tick = () => {
    if (!shown) return;
    if (shown.expiresAt === undefined) {
      countdown.textContent = 'The provider did not say when this token expires.';
      return;
    }
    const left = Math.round((shown.expiresAt - Date.now()) / 1000);
    const at = new Date(shown.expiresAt).toLocaleTimeString();
    countdown.textContent = left > 0 ? `Expires in ${formatRemaining(left)} (at ${at}).` : `Expired at ${at}. ${shown.refreshToken ? 'Refresh it, or sign in again.' : 'Sign in again for a new one.'}`;
    countdown.dataset['expired'] = String(left <= 0);
  };
  reveal.addEventListener('click', () => setRevealed(reveal.getAttribute('aria-pressed') !== 'true'));

  return {
    token: () => shown,
    show(token: Token) {
      shown = token;
      setRevealed(false);
      const access = describeToken(token.accessToken);
      fillTable(q(root, '[data-access-claims]'), [...access.summary, { label: 'Token type', value: token.tokenType }, ...(token.scope ? [{ label: 'Granted scopes', value: token.scope }] : [])]);
      const id = token.idToken ? describeToken(token.idToken) : undefined;
      q<HTMLElement>(root, '[data-id-token-section]').hidden = !id;
      if (id) fillTable(q(root, '[data-id-claims]'), id.summary);
      q<HTMLElement>(root, '[data-raw-claims]').textContent = JSON.stringify(
        { access_token: access.isJwt ? { header: access.header, claims: access.claims } : 'opaque', id_token: id ? { header: id.header, claims: id.claims } : undefined },
        null,
        2,
      );
      refreshButton.hidden = !token.refreshToken;
      panel.hidden = false;
      tick();
      window.clearInterval(timer);
      timer = window.setInterval(tick, 1000);
    },
    hide() {
      shown = undefined;
      window.clearInterval(timer);
      panel.hidden = true;
    },
  };
}

function startTokenHelper(root: HTMLElement): void {
  const store = tabCredentials();
  const redirectUri = `${location.origin}${location.pathname}`;
  const form = signInForm(root, store);
  const errors = errorBox(root);
  const result = resultPanel(root);
  q<HTMLElement>(root, '[data-redirect-uri]').textContent = redirectUri;

  // The panel shows the tab's token, whoever changes it (this page, or Clear in the header).
  const showStored = () => {
    const token = store.token();
    if (token) result.show(token);
    else result.hide();
  };
  store.onChange(showStored);
  const signedIn = (token: Token) => {
    errors.hide();
    store.setToken(token);
  };

  q<HTMLButtonElement>(root, '[data-copy-redirect]').addEventListener('click', (e) => void copyWithFeedback(redirectUri, e.currentTarget as HTMLButtonElement));
  q<HTMLButtonElement>(root, '[data-copy-token]').addEventListener('click', (e) => {
    const token = result.token();
    if (token) void copyWithFeedback(token.accessToken, e.currentTarget as HTMLButtonElement);
  });
  q<HTMLButtonElement>(root, '[data-download]').addEventListener('click', () => {
    const token = result.token();
    if (token) downloadJson(token);
  });
  q<HTMLButtonElement>(root, '[data-discard]').addEventListener('click', () => store.clearToken());
  q<HTMLButtonElement>(root, '[data-refresh]').addEventListener('click', async (event) => {
    const button = event.currentTarget as HTMLButtonElement;
    const token = result.token();
    if (!token) return;
    button.disabled = true;
    try {
      signedIn(await refreshTokenGrant(token, location.origin));
    } catch (error) {
      errors.show(error, 'refresh');
    } finally {
      button.disabled = false;
    }
  });
  q<HTMLButtonElement>(root, '[data-load-scopes]').addEventListener('click', async (event) => {
    const button = event.currentTarget as HTMLButtonElement;
    button.disabled = true;
    errors.hide();
    try {
      form.showScopes(offeredScopes(await discoverAuthorizationServer(form.values().discoveryUrl, location.origin)));
    } catch (error) {
      errors.show(error, 'discovery');
    } finally {
      button.disabled = false;
    }
  });
  form.form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.hide();
    form.clientId.removeAttribute('aria-invalid');
    form.save();
    if (!form.clientId.value.trim()) {
      form.clientId.setAttribute('aria-invalid', 'true');
      form.clientId.focus();
    }
    const submit = q<HTMLButtonElement>(form.form, '[data-signin]');
    submit.disabled = true;
    try {
      location.assign((await authorizationRequest({ ...form.values(), redirectUri }, store, location.origin)).href);
    } catch (error) {
      errors.show(error, 'discovery');
      submit.disabled = false;
    }
  });

  // Back from the provider: the code and state leave the address bar (and history) before
  // anything else happens, then the sign-in completes. Otherwise, show the tab's token.
  const here = new URL(location.href);
  if (isAuthorizationResponse(here)) {
    history.replaceState(history.state, '', withoutAuthorizationResponse(here));
    void authorizationCodeGrant(here, store, location.origin).then(signedIn, (error: unknown) => errors.show(error, 'authorization'));
    return;
  }
  showStored();
}

class TokenHelper extends HTMLElement {
  connectedCallback(): void {
    startTokenHelper(this);
  }
}

customElements.define('token-helper', TokenHelper);
