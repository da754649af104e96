/**
 * `<api-key-form>`: where a reader gives "Try it" their API key (galah Common APIs), kept for
 * this tab by the credentials store. The form is shown only once this runs: a submit before it
 * would put the key in the address bar.
 */
import { tabCredentials } from '../lib/auth/credentials.ts';

class ApiKeyForm extends HTMLElement {
  #unsubscribe: (() => void) | undefined;

  connectedCallback(): void {
    const form = this.querySelector('form');
    const input = this.querySelector('input');
    const status = this.querySelector<HTMLElement>('[data-api-key-status]');
    if (!form || !input || !status) return;
    const store = tabCredentials();
    const show = () => {
      const key = store.apiKey();
      status.textContent = key ? 'Try it sends this key, in this tab only.' : 'No key yet: Try it sends requests without one.';
      input.value = key ?? '';
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      store.setApiKey(input.value);
    });
    this.querySelector('[data-api-key-clear]')?.addEventListener('click', () => store.setApiKey(''));
    this.#unsubscribe = store.onChange(show);
    show();
    form.hidden = false;
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
  }
}

customElements.define('api-key-form', ApiKeyForm);
