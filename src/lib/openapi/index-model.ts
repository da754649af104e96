/**
 * What a service page's static operation index shows: operations grouped by tag, tags in the
 * document's order (then in order of first use), with counts.
 */
import type { OperationSummary } from './operations.ts';

export interface TagGroup {
  name: string;
  /** Markdown from the document's `tags` entry, when it has one. */
  description: string;
  anchor: string;
  operations: OperationSummary[];
}

export interface OperationIndexModel {
  groups: TagGroup[];
  total: number;
  protected: number;
  keyOnly: number;
}

/** Lower-case words joined by hyphens: how tags appear in anchors (ours and the console's). */
export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

export function tagAnchor(name: string): string {
  return `tag-${slug(name) || 'other'}`;
}

export function buildIndex(document: Record<string, unknown>, operations: OperationSummary[]): OperationIndexModel {
  const declared = Array.isArray(document['tags']) ? document['tags'] : [];
  const descriptions = new Map<string, string>();
  const order: string[] = [];
  for (const tag of declared) {
    if (typeof tag === 'object' && tag !== null && typeof (tag as { name?: unknown }).name === 'string') {
      const { name, description } = tag as { name: string; description?: unknown };
      order.push(name);
      descriptions.set(name, typeof description === 'string' ? description : '');
    }
  }
  for (const op of operations) if (!order.includes(op.tag)) order.push(op.tag);
  const used = new Set<string>();
  const groups = order
    .map((name) => {
      let anchor = tagAnchor(name);
      for (let n = 2; used.has(anchor); n++) anchor = `${tagAnchor(name)}-${n}`;
      used.add(anchor);
      return { name, description: descriptions.get(name) ?? '', anchor, operations: operations.filter((op) => op.tag === name) };
    })
    .filter((g) => g.operations.length > 0);
  return {
    groups,
    total: operations.length,
    protected: operations.filter((op) => op.access === 'token').length,
    keyOnly: operations.filter((op) => op.access === 'apiKey').length,
  };
}
