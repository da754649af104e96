/**
 * `<copy-button>`: its button copies the element's `data-copy-text` and says so ("Copied").
 * Until this runs the button keeps its place but is not seen (theme.css, `:not(:defined)`): without JavaScript there is nothing to copy with.
 */
import { copyWithFeedback } from './clipboard.ts';

class CopyButton extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    if (!button) return;
    button.addEventListener('click', () => void copyWithFeedback(this.dataset['copyText'] ?? '', button));
  }
}

customElements.define('copy-button', CopyButton);
