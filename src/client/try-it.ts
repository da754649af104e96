/**
 * "Try it": opens Scalar's API client on one operation, with the reader's credentials decided
 * for that operation (src/lib/auth/try-it-auth.ts). The client's code (about 1 MB gzipped) is
 * fetched on the first click — or just before, when the button is hovered or focused — never
 * with the page. Without JavaScript the buttons stay hidden; the page itself is the reference.
 * The client gets the operation's own document (`/openapi/<service>/<operation>.json`, cut at
 * build time by src/lib/openapi/operation-document.ts), not the service's: it opens faster, and
 * holds no other operation the reader's credentials could reach.
 */
import clientStyle from '@scalar/api-client/style.css?url';
import { tabCredentials } from '../lib/auth/credentials.ts';
import { clientAuthentication, type TryItTarget } from '../lib/auth/try-it-auth.ts';
import type { Json } from '../lib/openapi/json.ts';
import clientTheme from '../styles/try-it-theme.css?url';
import type { ApiClientModal, WorkspaceStore } from './api-client.ts';

interface Client {
  modal: ApiClientModal;
  store: WorkspaceStore;
}

/**
 * Each step runs once and is remembered — the client's code and store, its dialog, each
 * operation's document, each operation added to the store — except a step that fails: it is
 * forgotten, so the next click starts that step again and keeps what already worked.
 */
const steps = new Map<string, Promise<unknown>>();
function once<T>(key: string, run: () => Promise<T>): Promise<T> {
  let step = steps.get(key) as Promise<T> | undefined;
  if (!step) {
    step = run();
    steps.set(key, step);
    step.catch(() => steps.delete(key));
  }
  return step;
}

function fetchDocument(url: string): Promise<Json> {
  return once(`document ${url}`, async () => {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return (await r.json()) as Json;
  });
}

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

/** The client's code and styles, and the one workspace store every operation's document goes into. */
function loadClientCode() {
  return once('code', async () => {
    const [code] = await Promise.all([
      import('./api-client.ts'),
      loadStylesheet(clientStyle),
      loadStylesheet(clientTheme),
    ]);
    return { code, store: code.createWorkspaceStore() };
  });
}

/**
 * The client's dialog, created once the first document is in the store: mounted with a document
 * to show, it renders once instead of rendering empty and then again for the document.
 */
function clientModal(): Promise<Client> {
  return once('modal', async () => {
    const { code, store } = await loadClientCode();
    followTheme();
    const el = Object.assign(document.createElement('div'), { className: 'ala-try-it' });
    document.body.append(el);
    const eventBus = code.createWorkspaceEventBus();
    const modal = code.createApiClientModal({ el, eventBus, workspaceStore: store, options: { hideClientButton: true } });
    // Where the request and the response are stacked (a phone, a narrow window), Send brings the
    // response, status first, into view: otherwise it arrives a screen or two below the button.
    eventBus.on('hooks:on:request:sent', () => requestAnimationFrame(() => showResponse(el)));
    eventBus.on('hooks:on:request:complete', () => requestAnimationFrame(() => showResponse(el)));
    // While the dialog is open, the page behind it is inert: out of reach of the keyboard, of
    // screen readers' virtual cursors, and of its landmarks (the client has its own <main>).
    // Synchronous, so the page is live again before the client gives focus back to the button.
    code.watch(
      () => modal.modalState.open,
      (open) => {
        for (const child of document.body.children) if (child !== el && child instanceof HTMLElement) child.inert = open;
      },
      { flush: 'sync' },
    );
    return { modal, store };
  });
}

/** Scrolls the client's response panel to the top of its scroll area, unless it is already there or beside the request. */
function showResponse(client: HTMLElement): void {
  const response = client.querySelector('.response-section-content')?.closest('section');
  const scroller = response?.parentElement;
  if (!response || !scroller) return;
  const top = response.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  if (Math.abs(top) > 1 && response.getBoundingClientRect().left < scroller.getBoundingClientRect().left + 1) {
    scroller.scrollTo({ top: scroller.scrollTop + top, behavior: 'instant' });
  }
}

/**
 * The operation's own document in the client's store: started when the button is hovered or
 * focused, awaited on click.
 */
function prepare(target: TryItTarget): Promise<void> {
  return once(`operation ${target.documentName}`, async () => {
    const [{ store }, document] = await Promise.all([loadClientCode(), fetchDocument(target.documentUrl)]);
    await store.addDocument({ name: target.documentName, document });
  });
}

async function open(target: TryItTarget): Promise<void> {
  await prepare(target);
  const { modal, store } = await clientModal();
  const credentials = tabCredentials();
  const auth = clientAuthentication(target, { token: credentials.activeToken()?.accessToken, apiKey: credentials.apiKey() });
  const method = target.method.toLowerCase();
  store.auth.setAuthSelectedSchemas({ type: 'operation', documentName: target.documentName, path: target.path, method }, auth.selection);
  modal.updateOptions({ authentication: { securitySchemes: auth.securitySchemes } });
  modal.open({ path: target.path, method: method as 'get', documentSlug: target.documentName });
}

/**
 * `<try-it>`: its button opens the client on the operation it names (`data-try-it` on the button:
 * a TryItTarget), and says beside it when the client could not open. Hidden without JavaScript.
 */
class TryIt extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('button[data-try-it]');
    const status = this.querySelector<HTMLElement>('[data-try-it-status]');
    if (!button) return;
    const target = JSON.parse(button.dataset['tryIt'] ?? '{}') as TryItTarget;
    // Hovering or focusing prepares everything a click needs; a failure here is reported by the
    // click that awaits the same steps.
    const prefetch = () => void prepare(target).then(clientModal).catch(() => undefined);
    button.addEventListener('pointerenter', prefetch, { once: true });
    button.addEventListener('focus', prefetch, { once: true });
    button.addEventListener('click', () => {
      button.setAttribute('aria-busy', 'true');
      if (status) status.textContent = '';
      open(target)
        .catch((error: unknown) => {
          if (status) status.textContent = `The API client could not open (${error instanceof Error ? error.message : String(error)}). Check your connection and try again.`;
        })
        .finally(() => button.removeAttribute('aria-busy'));
    });
  }
}

customElements.define('try-it', TryIt);
