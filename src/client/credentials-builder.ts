/**
 * `<credentials-builder>`: the client-credentials commands of the token helper page follow the
 * reader's client ID and scopes as they type (src/lib/samples/guide-samples.ts), in every tab.
 */
import { clientCredentialsCode } from '../lib/samples/guide-samples.ts';
import { sampleLanguages } from '../lib/samples/languages.ts';
import { LiveCodeBlock } from './live-code-block.ts';

class CredentialsBuilder extends HTMLElement {
  connectedCallback(): void {
    const blocks = [...this.querySelectorAll<HTMLElement>('[data-cc-samples] .expressive-code')].map((block) => new LiveCodeBlock(block));
    const clientId = this.querySelector<HTMLInputElement>('[name="ccClientId"]');
    const scope = this.querySelector<HTMLInputElement>('[name="ccScope"]');
    if (!clientId || !scope) return;
    const render = () => {
      const code = clientCredentialsCode({ tokenUrl: this.dataset['tokenUrl'] ?? '', callUrl: this.dataset['callUrl'] ?? '', clientId: clientId.value, scope: scope.value });
      // The blocks are in tab order, which is the order of sampleLanguages().
      for (const [i, language] of sampleLanguages(code).entries()) blocks[i]?.show(code[language.key] ?? '');
    };
    clientId.addEventListener('input', render);
    scope.addEventListener('input', render);
  }
}

customElements.define('credentials-builder', CredentialsBuilder);
