/**
 * `<token-indicator>`: in the header, says that "Try it" has a token to send and for how long
 * (src/lib/auth/token-view.ts), with a button that clears it. Hidden while there is none.
 * Starlight renders the header's icons twice (desktop header, mobile menu): each is an element.
 */
import { tabCredentials } from '../lib/auth/credentials.ts';
import { indicatorText } from '../lib/auth/token-view.ts';

class TokenIndicator extends HTMLElement {
  #timer: ReturnType<typeof setInterval> | undefined;
  #unsubscribe: (() => void) | undefined;

  connectedCallback(): void {
    const store = tabCredentials();
    this.querySelector('[data-token-clear]')?.addEventListener('click', () => store.clearToken());
    this.#unsubscribe = store.onChange(() => this.#update());
    this.#timer = setInterval(() => this.#update(), 30_000);
    this.#update();
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
    clearInterval(this.#timer);
  }

  #update(): void {
    const token = tabCredentials().activeToken();
    this.hidden = !token;
    const text = this.querySelector<HTMLElement>('[data-token-indicator-text]');
    if (!token || !text) return;
    const view = indicatorText(token);
    text.textContent = view.text;
    text.title = view.title;
  }
}

customElements.define('token-indicator', TokenIndicator);
