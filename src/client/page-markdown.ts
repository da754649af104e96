/**
 * `<page-markdown>`: beside a page's title, "Copy page" copies the page's Markdown twin
 * (`data-twin`). The text is fetched inside the clipboard write, so the click's permission holds.
 */
async function copyTwin(url: string): Promise<void> {
  const text = fetch(url).then(async (r) => {
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return new Blob([await r.text()], { type: 'text/plain' });
  });
  await navigator.clipboard.write([new ClipboardItem({ 'text/plain': text })]);
}

class PageMarkdown extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-copy-page]');
    const status = this.querySelector<HTMLElement>('[data-copy-page-status]');
    if (!button || !status) return;
    button.addEventListener('click', () => {
      status.textContent = '';
      copyTwin(this.dataset['twin'] ?? '').then(
        () => (status.textContent = 'Copied the page as Markdown.'),
        () => (status.textContent = 'Could not copy: use “View as Markdown” and copy from there.'),
      );
    });
  }
}

customElements.define('page-markdown', PageMarkdown);
