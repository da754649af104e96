/**
 * The guides' Markdown tables, labelled for a phone: each body cell gets its column's header as
 * `data-label`, so that a narrow screen can lay a table out as a list of rows, each value under
 * its label (src/styles/theme.css), instead of a table wider than the screen. A hast plugin of
 * the Markdown processor (Sätteri: astro.config.mjs); `cellLabels` is the pure part.
 */

/** The part of a hast node this needs. */
export interface TableNode {
  type: string;
  tagName?: string;
  value?: string;
  children?: TableNode[];
}

const isElement = (node: TableNode, tagName: string) => node.type === 'element' && node.tagName === tagName;

function textOf(node: TableNode): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');
}

function descendants(node: TableNode, tagName: string): TableNode[] {
  return (node.children ?? []).flatMap((child) => (isElement(child, tagName) ? [child] : isElement(child, 'table') ? [] : descendants(child, tagName)));
}

/** Each body cell of `table` with the header of its column; none when the table has no header row. */
export function cellLabels(table: TableNode): { cell: TableNode; label: string }[] {
  const head = descendants(table, 'thead')[0];
  const headers = head ? descendants(head, 'th').map((th) => textOf(th).trim()) : [];
  if (headers.length === 0) return [];
  return descendants(table, 'tbody')
    .flatMap((body) => descendants(body, 'tr'))
    .flatMap((row) => (row.children ?? []).filter((cell) => isElement(cell, 'td')).map((cell, i) => ({ cell, label: headers[i] ?? '' })))
    .filter(({ label }) => label !== '');
}

interface PluginContext {
  setProperty(node: unknown, key: string, value: unknown): void;
}

/** The hast plugin: labels the cells of every table of a page. */
export const tableLabels = {
  name: 'ala-table-labels',
  element: {
    filter: ['table'],
    visit(table: TableNode, ctx: PluginContext): void {
      const labels = cellLabels(table);
      if (labels.length === 0) return;
      ctx.setProperty(table, 'dataLabelled', '');
      for (const { cell, label } of labels) ctx.setProperty(cell, 'dataLabel', label);
    },
  },
};
