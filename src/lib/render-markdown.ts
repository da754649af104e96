/**
 * Markdown from OpenAPI documents, rendered for the static pages. Documents can come from
 * anywhere, so raw HTML is escaped (never passed through) and only safe link protocols survive:
 * no script runs, no event handler attribute is written, no `javascript:` link is made.
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

export function renderMarkdown(text: string): string {
  return micromark(text, {
    allowDangerousHtml: false,
    allowDangerousProtocol: false,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
}

/** The first sentence or line of a Markdown text, as plain text (for summaries and meta tags). */
export function firstSentence(text: string, max = 200): string {
  const plain = text
    .replace(/<[^>]*>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]/g, '')
    .split(/\n\s*\n/)[0]!
    .replace(/\s+/g, ' ')
    .trim();
  const sentence = /^(.+?[.!?])(\s|$)/.exec(plain)?.[1] ?? plain;
  return sentence.length > max ? `${sentence.slice(0, max - 1)}…` : sentence;
}
