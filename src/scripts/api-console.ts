/**
 * Client side of the try-it console (service pages only). Scalar's code and CSS are fetched the
 * first time the reader comes within a screen of the console, or follows "Try it" from the
 * operation index — never before first paint, never on guide pages.
 */
import { consoleAuthentication, type SchemeSummary } from '../lib/auth/console-credentials.ts';
import { CREDENTIALS_EVENT, readApiKey, readToken } from '../lib/auth/token-store.ts';

type Instance = { updateConfiguration(config: Record<string, unknown>): void };

function isDark(): boolean {
  return document.documentElement.dataset['theme'] !== 'light';
}

function credentials() {
  return { accessToken: readToken(sessionStorage)?.accessToken, apiKey: readApiKey(sessionStorage) };
}

/** The console's own section of an operation: its id ends with `/tag/<tag>/<METHOD><path>`. */
function findOperation(host: HTMLElement, tag: string, method: string, path: string): HTMLElement | undefined {
  const wanted = `/tag/${tag}/${method.toUpperCase()}${path}`;
  for (const el of host.querySelectorAll<HTMLElement>('section[id], div[id]')) if (el.id.endsWith(wanted)) return el;
  return undefined;
}

/**
 * Shows an operation in the console. The console opens collapsed tags and scrolls when its own
 * hash route changes (`#tag/<tag>/<METHOD><path>`), so that is how we ask for it.
 */
async function revealOperation(host: HTMLElement, tag: string, method: string, path: string): Promise<HTMLElement | undefined> {
  const route = `#tag/${tag}/${method.toUpperCase()}${path}`;
  if (location.hash !== route) location.hash = route;
  for (let attempt = 0; attempt < 60; attempt++) {
    const found = findOperation(host, tag, method, path);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

function loadStylesheet(href: string): Promise<void> {
  return new Promise((resolve) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.append(link);
  });
}

export function startConsole(): void {
  const host = document.querySelector<HTMLElement>('[data-api-console]');
  if (!host) return;
  host.dataset['enhanced'] = '';
  const specUrl = host.dataset['specUrl']!;
  const schemes = JSON.parse(host.dataset['schemes'] ?? '{}') as Record<string, SchemeSummary>;
  let instance: Promise<Instance> | undefined;
  let app: Instance | undefined;
  let customCss = '';
  const config = (): Record<string, unknown> => ({
    url: specUrl,
    theme: 'none',
    layout: 'modern',
    forceDarkModeState: isDark() ? 'dark' : 'light',
    hideDarkModeToggle: true,
    withDefaultFonts: false,
    telemetry: false,
    showSidebar: false,
    hideSearch: true,
    showDeveloperTools: 'never',
    documentDownloadType: 'none',
    defaultOpenFirstTag: false,
    operationTitleSource: 'summary',
    mcp: { disabled: true },
    agent: { disabled: true },
    hideClientButton: true,
    defaultHttpClient: { targetKey: 'shell', clientKey: 'curl' },
    featuredClients: ['shell/curl', 'python/requests', 'js/fetch', 'r/httr2'],
    authentication: consoleAuthentication(schemes, credentials()),
    customCss,
  });

  const mount = (): Promise<Instance> => {
    instance ??= (async () => {
      host.dataset['state'] = 'loading';
      // The console's validation library probes for eval() unless told not to, which a strict
      // Content-Security-Policy reports as a violation: tell it first.
      const { config: validationConfig } = await import('zod');
      validationConfig({ jitless: true });
      // The console's CSS is fetched here, with its code: as a plain import it would become a
      // render-blocking stylesheet of every service page.
      const [{ createApiReference }, theme, style] = await Promise.all([
        import('@scalar/api-reference'),
        import('../styles/scalar-theme.css?raw'),
        import('@scalar/api-reference/style.css?url'),
      ]);
      await loadStylesheet(style.default);
      customCss = theme.default;
      const target = document.createElement('div');
      host.append(target);
      await new Promise<void>((resolve) => {
        app = createApiReference(target, {
          ...config(),
          onLoaded: () => resolve(),
        } as Parameters<typeof createApiReference>[1]) as unknown as Instance;
      });
      host.dataset['state'] = 'mounted';
      return app!;
    })();
    return instance;
  };

  // Mount when the reader approaches the console.
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        void mount();
      }
    },
    { rootMargin: '100% 0px' },
  );
  observer.observe(host);

  // "Try it" in the index: mount, then show that operation in the console.
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-console-operation]');
    if (!link) return;
    event.preventDefault();
    const { consoleMethod = '', consolePath = '', consoleTag = '' } = link.dataset;
    void mount().then(async () => {
      const section = await revealOperation(host, consoleTag, consoleMethod, consolePath);
      (section ?? host).scrollIntoView({ block: 'start' });
      section?.querySelector<HTMLElement>('button, a, [tabindex]')?.focus({ preventScroll: true });
    });
  });

  // Follow the site's light/dark choice. The console reads its mode once, then keeps it as a
  // class on <body>: set that class too, so a switch applies at once.
  new MutationObserver(() => {
    if (!app) return;
    document.body.classList.toggle('dark-mode', isDark());
    document.body.classList.toggle('light-mode', !isDark());
    app.updateConfiguration(config());
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  // New or cleared credentials reach a mounted console.
  const refreshCredentials = () => {
    app?.updateConfiguration(config());
  };
  window.addEventListener(CREDENTIALS_EVENT, refreshCredentials);
  window.addEventListener('storage', refreshCredentials);
}
