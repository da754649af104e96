import { describe, expect, it } from 'vitest';
import { cellLabels, type TableNode } from '../../src/lib/markdown/table-labels.ts';

const el = (tagName: string, children: TableNode[]): TableNode => ({ type: 'element', tagName, children });
const text = (value: string): TableNode => ({ type: 'text', value });

describe('guide table labels', () => {
  it('labels each body cell with its column header, as the reader sees it', () => {
    const table = el('table', [
      el('thead', [el('tr', [el('th', [text('Parameter')]), el('th', [text(' Mandatory ')]), el('th', [el('code', [text('Default')])])])]),
      el('tbody', [el('tr', [el('td', [text('grant_type')]), el('td', [text('Yes')]), el('td', [text('—')])]), el('tr', [el('td', [text('scope')]), el('td', [text('No')])])]),
    ]);
    expect(cellLabels(table).map(({ cell, label }) => [label, (cell.children?.[0] as TableNode).value])).toEqual([
      ['Parameter', 'grant_type'],
      ['Mandatory', 'Yes'],
      ['Default', '—'],
      ['Parameter', 'scope'],
      ['Mandatory', 'No'],
    ]);
  });

  it('leaves a table without a header row, and the cells of a table nested in a cell, alone', () => {
    expect(cellLabels(el('table', [el('tbody', [el('tr', [el('td', [text('a')])])])]))).toEqual([]);
    const inner = el('table', [el('tbody', [el('tr', [el('td', [text('inner')])])])]);
    const outer = el('table', [el('thead', [el('tr', [el('th', [text('Outer')])])]), el('tbody', [el('tr', [el('td', [inner])])])]);
    expect(cellLabels(outer).map(({ label }) => label)).toEqual(['Outer']);
  });
});
