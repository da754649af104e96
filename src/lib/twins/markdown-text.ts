/** Small pieces of Markdown text that hold whatever they are given. */

/** Inline code that survives backticks in the value (CommonMark: a longer fence). */
export function inlineCode(value: string): string {
  const text = value.replace(/\n/g, ' ');
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any run of backticks inside it. */
export function codeBlock(code: string, lang = ''): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${code.replace(/\n+$/, '')}\n${fence}`;
}

/** A Markdown text on one line (for list items and table cells). */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** A table cell: one line, pipes escaped. */
export function tableCell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}
