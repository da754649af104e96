/**
 * `<credentials-builder>`: the client-credentials commands of the token helper page follow the
 * reader's client ID and scopes as they type (src/lib/samples/guide-samples.ts), in every tab.
 */
import { clientCredentialsCode } from '../lib/samples/guide-samples.ts';
import { LiveSampleTabs } from './live-code-block.ts';

class CredentialsBuilder extends HTMLElement {
  connectedCallback(): void {
    const tabs = new LiveSampleTabs(this.querySelector('[data-cc-samples]'));
    const clientId = this.querySelector<HTMLInputElement>('[name="ccClientId"]');
    const scope = this.querySelector<HTMLInputElement>('[name="ccScope"]');
    if (!clientId || !scope) return;
    const render = () => {
      tabs.show(clientCredentialsCode({ tokenUrl: this.dataset['tokenUrl'] ?? '', callUrl: this.dataset['callUrl'] ?? '', clientId: clientId.value, scope: scope.value }));
    };
    clientId.addEventListener('input', render);
    scope.addEventListener('input', render);
  }
}

customElements.define('credentials-builder', CredentialsBuilder);
