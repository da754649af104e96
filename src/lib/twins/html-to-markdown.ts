/**
 * The Markdown of a built guide page: the content of its HTML (which holds the MDX rendered
 * with the environment's URLs and every tab of every sample) turned back into Markdown with
 * unified (rehype-remark, GFM). Starlight's parts get their Markdown form first: code blocks
 * become fenced code, each tab is labelled, asides become quotes, link cards become links,
 * interactive widgets (`data-twin-text`) become the sentence they give, and links to the site's
 * pages lead to their twins.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { selectAll, select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { markdownPath } from '../../config/routes.ts';

const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string): Text => ({ type: 'text', value });
const classes = (node: Element): string[] => (Array.isArray(node.properties['className']) ? node.properties['className'].map(String) : []);

/** An Expressive Code block as plain `<pre><code class="language-…">`, its lines joined. */
function codeOf(block: Element): Element {
  const pre = select('pre', block);
  const lang = pre?.properties['dataLanguage'];
  const lines = selectAll('.ec-line', block).map((line) => toText(line, { whitespace: 'pre' }).replace(/\n$/, ''));
  const code = el('code', lang ? { className: [`language-${String(lang)}`] } : {}, [text(lines.join('\n'))]);
  return el('pre', {}, [code]);
}

function paragraph(children: ElementContent[]): Element {
  return el('p', {}, children);
}

/** Replaces `node` (a child of `parent`) with `replacement` nodes. */
function replace(parent: Element | Root, node: Element, replacement: ElementContent[]): void {
  const index = parent.children.indexOf(node);
  if (index >= 0) parent.children.splice(index, 1, ...replacement);
}

/** A link to one of the site's pages leads to its twin (`/services/` → `/services.md`). */
function twinHref(href: string): string {
  return /^\/(?:[^/?#.]+\/)*(#.*)?$/.test(href) ? markdownPath(href) : href;
}

function walk(parent: Element | Root): void {
  for (const child of [...parent.children]) {
    if (child.type !== 'element') continue;
    const node = child;
    const cls = classes(node);
    if (node.tagName === 'a' && typeof node.properties['href'] === 'string') node.properties['href'] = twinHref(node.properties['href']);
    if (cls.includes('sl-link-card')) {
      const anchor = select('a', node);
      const description = select('.description', node);
      if (anchor) {
        const title = select('.title', anchor) ?? anchor;
        const href = twinHref(String(anchor.properties['href'] ?? ''));
        replace(parent, node, [paragraph([el('a', { href }, [text(toText(title).trim())]), ...(description ? [text(`: ${toText(description).trim()}`)] : [])])]);
        continue;
      }
    }
    if (['script', 'style', 'link', 'template', 'starlight-tabs-restore', 'button', 'form'].includes(node.tagName) && node.properties['dataTwinText'] === undefined) {
      replace(parent, node, []);
    } else if (node.properties['dataTwinText'] !== undefined) {
      replace(parent, node, [paragraph([el('em', {}, [text(String(node.properties['dataTwinText']))])])]);
    } else if (cls.includes('expressive-code')) {
      const title = select('figcaption .title', node);
      const inTab = parent.type === 'element' && parent.properties['role'] === 'tabpanel';
      replace(parent, node, [...(title && !inTab ? [paragraph([el('em', {}, [text(toText(title))])])] : []), codeOf(node)]);
    } else if (node.tagName === 'starlight-tabs') {
      const labels = selectAll('[role="tab"]', node).map((tab) => toText(tab).trim());
      const panels = node.children.filter((c): c is Element => c.type === 'element' && c.properties['role'] === 'tabpanel');
      const out: ElementContent[] = [];
      panels.forEach((panel, i) => {
        walk(panel);
        out.push(paragraph([el('strong', {}, [text(labels[i] ?? `Tab ${i + 1}`)])]), ...panel.children);
      });
      replace(parent, node, out);
    } else if (node.tagName === 'aside' && cls.some((c) => c.startsWith('starlight-aside'))) {
      const kind = cls.find((c) => c.startsWith('starlight-aside--'))?.slice('starlight-aside--'.length) ?? 'note';
      const titleNode = select('.starlight-aside__title', node);
      const content = select('.starlight-aside__content', node);
      if (content) walk(content);
      const label = `${kind[0]!.toUpperCase()}${kind.slice(1)}:`;
      const title = titleNode ? toText(titleNode).trim() : '';
      replace(parent, node, [el('blockquote', {}, [paragraph([el('strong', {}, [text(label)]), text(title ? ` ${title}` : '')]), ...(content?.children ?? [])])]);
    } else if (cls.includes('sl-anchor-link')) {
      replace(parent, node, []);
    } else {
      walk(node);
    }
  }
}

/** The Markdown of the content of a built page (its `.sl-markdown-content`, or `selector`). */
export function htmlToMarkdown(html: string, selector = '.sl-markdown-content'): string {
  const tree = unified().use(rehypeParse).parse(html);
  const content = select(selector, tree);
  if (!content) return '';
  walk(content);
  const root: Root = { type: 'root', children: content.children };
  const mdast = unified().use(rehypeRemark).runSync(root);
  return String(unified().use(remarkGfm).use(remarkStringify, { bullet: '-', fences: true, rule: '-' }).stringify(mdast as never)).trim();
}
