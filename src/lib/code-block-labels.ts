/**
 * An Expressive Code plugin that names every code block's <pre> after its title (or language),
 * and makes it a keyboard-scrollable region from the start. Expressive Code's own script does
 * that for blocks wider than their box, but only once the browser is idle — until then (and
 * without JavaScript) a wide block could not be scrolled from the keyboard (axe:
 * scrollable-region-focusable); its script then takes the role back from blocks that fit.
 * Unnamed regions would be indistinguishable to screen readers (axe: landmark-unique).
 */
interface HastElement {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastElement[];
}

function findPre(node: HastElement): HastElement | undefined {
  if (node.type === 'element' && node.tagName === 'pre') return node;
  for (const child of node.children ?? []) {
    const found = findPre(child);
    if (found) return found;
  }
  return undefined;
}

export function codeBlockLabel(title: string | undefined, language: string): string {
  return title?.trim() ? `Code: ${title.trim()}` : `Code (${language})`;
}

export const codeBlockLabels = {
  name: 'ala-code-block-labels',
  hooks: {
    postprocessRenderedBlock: (context: { codeBlock: { language: string; props: { title?: string | undefined } }; renderData: { blockAst: HastElement } }) => {
      const pre = findPre(context.renderData.blockAst);
      if (pre) pre.properties = { ...pre.properties, tabindex: '0', role: 'region', 'aria-label': codeBlockLabel(context.codeBlock.props.title, context.codeBlock.language) };
    },
  },
};
