/**
 * "Try it": opens Scalar's API client on one operation, with the reader's credentials decided
 * for that operation (src/lib/auth/try-it-auth.ts). The client's code (about 1 MB gzipped) is
 * fetched on the first click — or just before, when the button is hovered or focused — never
 * with the page. Without JavaScript the buttons stay hidden; the page itself is the reference.
 */
import type { ApiClientModal } from '@scalar/api-client/modal';
import type { WorkspaceStore } from '@scalar/workspace-store/client';
import { tabCredentials } from '../lib/auth/credentials.ts';
import { clientAuthentication, type TryItTarget } from '../lib/auth/try-it-auth.ts';

interface Client {
  modal: ApiClientModal;
  store: WorkspaceStore;
  documents: Map<string, Promise<boolean>>;
}

let client: Promise<Client> | undefined;

function loadStylesheet(href: string): Promise<void> {
  return new Promise((resolve) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.append(link);
  });
}

/** The client follows the site's light/dark choice: it reads it from a class on <body>. */
function followTheme(): void {
  const apply = () => {
    const dark = document.documentElement.dataset['theme'] !== 'light';
    document.body.classList.toggle('dark-mode', dark);
    document.body.classList.toggle('light-mode', !dark);
  };
  apply();
  new MutationObserver(apply).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
}

function loadClient(): Promise<Client> {
  client ??= (async () => {
    // The client's validation library probes for eval() unless told not to, which the strict
    // Content-Security-Policy would report: tell it first.
    const { config } = await import('zod');
    config({ jitless: true });
    const [{ createApiClientModal }, { createWorkspaceStore }, style, theme] = await Promise.all([
      import('@scalar/api-client/modal'),
      import('@scalar/workspace-store/client'),
      import('@scalar/api-client/style.css?url'),
      import('../styles/try-it-theme.css?url'),
    ]);
    await Promise.all([loadStylesheet(style.default), loadStylesheet(theme.default)]);
    followTheme();
    const store = createWorkspaceStore();
    const el = Object.assign(document.createElement('div'), { className: 'ala-try-it' });
    document.body.append(el);
    const modal = createApiClientModal({ el, workspaceStore: store, options: { hideClientButton: true } });
    return { modal, store, documents: new Map() };
  })();
  return client;
}

async function open(target: TryItTarget): Promise<void> {
  const { modal, store, documents } = await loadClient();
  let added = documents.get(target.documentName);
  if (!added) {
    added = store.addDocument({ name: target.documentName, url: target.documentUrl });
    documents.set(target.documentName, added);
  }
  await added;
  const credentials = tabCredentials();
  const auth = clientAuthentication(target, { token: credentials.activeToken()?.accessToken, apiKey: credentials.apiKey() });
  const method = target.method.toLowerCase();
  store.auth.setAuthSelectedSchemas({ type: 'operation', documentName: target.documentName, path: target.path, method }, auth.selection);
  modal.updateOptions({ authentication: { securitySchemes: auth.securitySchemes } });
  modal.open({ path: target.path, method: method as 'get', documentSlug: target.documentName });
}

export function startTryIt(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-try-it]')) {
    const target = JSON.parse(button.dataset['tryIt'] ?? '{}') as TryItTarget;
    button.hidden = false;
    const prefetch = () => void loadClient();
    button.addEventListener('pointerenter', prefetch, { once: true });
    button.addEventListener('focus', prefetch, { once: true });
    button.addEventListener('click', () => {
      button.setAttribute('aria-busy', 'true');
      open(target)
        .catch((error: unknown) => {
          console.error(error);
          button.dataset['tryItError'] = 'The API client could not open. Reload the page and try again.';
        })
        .finally(() => button.removeAttribute('aria-busy'));
    });
  }
}
