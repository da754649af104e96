/**
 * An Expressive Code block whose code changes after the page is built ("Reproduce it" of the
 * occurrence map): lines that match a line of the built code keep its highlighting, others are
 * shown plain, and the block's copy button copies the code shown.
 */
import { sampleLanguages, type SampleSet } from '../lib/samples/languages.ts';

/** The text of one rendered line (Expressive Code writes an empty line as a newline). */
const lineText = (row: Element) => (row.textContent === '\n' ? '' : (row.textContent ?? ''));

function plainLine(text: string): Element {
  const row = document.createElement('div');
  row.className = 'ec-line';
  const code = row.appendChild(document.createElement('div'));
  code.className = 'code';
  code.textContent = text || '\n';
  return row;
}

class LiveCodeBlock {
  /** The highlighted lines of the built code, by their text (kept at the first change, copied when reused). */
  #highlighted: Map<string, Element> | undefined;
  readonly #code: HTMLElement;
  readonly #copy: HTMLButtonElement | null;

  /** `block`: the `.expressive-code` element. */
  constructor(block: HTMLElement) {
    this.#code = block.querySelector<HTMLElement>('pre > code')!;
    this.#copy = block.querySelector<HTMLButtonElement>('button[data-code]');
  }

  /** Shows `text`, replacing only the lines that changed. */
  show(text: string): void {
    this.#highlighted ??= new Map([...this.#code.children].map((line) => [lineText(line), line]));
    const lines = text.split('\n');
    const rows = [...this.#code.children];
    for (const [i, line] of lines.entries()) {
      const row = rows[i];
      if (row && lineText(row) === line) continue;
      const next = (this.#highlighted.get(line)?.cloneNode(true) as Element | undefined) ?? plainLine(line);
      if (row) row.replaceWith(next);
      else this.#code.append(next);
    }
    for (const extra of rows.slice(lines.length)) extra.remove();
    // Expressive Code's copy button reads the code from here, with U+007F for line breaks.
    this.#copy?.setAttribute('data-code', text.replace(/\n/g, '\u007f'));
  }
}

/** The code blocks of one group of language tabs, shown together: each language's code in its tab. */
export class LiveSampleTabs {
  readonly #blocks: LiveCodeBlock[];

  /** `group`: the element holding the tabs' `.expressive-code` blocks, which are in the order of sampleLanguages(). */
  constructor(group: ParentNode | null) {
    this.#blocks = [...(group?.querySelectorAll<HTMLElement>('.expressive-code') ?? [])].map((block) => new LiveCodeBlock(block));
  }

  show(samples: SampleSet): void {
    for (const [i, language] of sampleLanguages(samples).entries()) this.#blocks[i]?.show(samples[language.key] ?? '');
  }
}
