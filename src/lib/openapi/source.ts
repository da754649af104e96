/**
 * Parses an OpenAPI document (YAML or JSON) keeping where every node came from, so that any
 * JSON pointer into the document can be turned into a line and column.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, Parser, parseDocument, type Node } from 'yaml';
import { pointerSegments } from './pointer.ts';
import type { Position, Problem } from './problems.ts';

export interface ParsedSource {
  file: string;
  value: unknown;
  /** Where the node at `pointer` (e.g. `#/paths/~1a/get`) starts; the closest ancestor if it does not exist. */
  locate(pointer: string): Position;
}

/**
 * An unclosed quote or bracket is reported by the parser where the file ends; readers need the
 * line where it was opened. Returns the offset of the last unclosed quoted scalar (or flow
 * collection) that starts before `errorOffset`.
 */
export function unclosedOpening(text: string, errorOffset: number, kind: 'quote' | 'flow'): number | undefined {
  let best: number | undefined;
  const visit = (token: unknown): void => {
    if (typeof token !== 'object' || token === null) return;
    const t = token as Record<string, unknown>;
    const offset = typeof t['offset'] === 'number' ? t['offset'] : undefined;
    if (offset !== undefined && offset < errorOffset) {
      const source = typeof t['source'] === 'string' ? t['source'] : '';
      const unclosedQuote =
        (t['type'] === 'double-quoted-scalar' && (source.length < 2 || !source.endsWith('"'))) ||
        (t['type'] === 'single-quoted-scalar' && (source.length < 2 || !source.endsWith("'")));
      const unclosedFlow =
        t['type'] === 'flow-collection' &&
        !(Array.isArray(t['end']) && t['end'].some((e: { type?: string }) => e.type === 'flow-map-end' || e.type === 'flow-seq-end'));
      if ((kind === 'quote' ? unclosedQuote : unclosedFlow) && (best === undefined || offset > best)) best = offset;
    }
    for (const value of Object.values(t)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (typeof value === 'object') visit(value);
    }
  };
  for (const token of new Parser().parse(text)) visit(token);
  return best;
}

export function parseSource(file: string, text: string): { source?: ParsedSource; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true, strict: true });
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const e of doc.errors) {
    const reason = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const kind = /quote/i.test(reason) ? 'quote' : /^Flow /.test(reason) ? 'flow' : undefined;
    const opened = kind ? unclosedOpening(text, e.pos[0], kind) : undefined;
    const at = lineCounter.linePos(opened ?? e.pos[0]);
    const message = opened !== undefined ? `syntax error: ${reason.replace(/ must be sufficiently indented and/, ' must')} (opened here, never closed)` : `syntax error: ${reason}`;
    const key = `${at.line}:${at.col}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ file, position: at, message, severity: 'error' });
  }
  if (problems.length) return { problems };

  const positionOf = (offset: number): Position => lineCounter.linePos(offset);

  const locate = (pointer: string): Position => {
    let node: unknown = doc.contents;
    let last: Position = { line: 1, col: 1 };
    for (const segment of pointerSegments(pointer)) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
        if (!pair) return last;
        const keyNode = pair.key as Node;
        if (keyNode.range) last = positionOf(keyNode.range[0]);
        node = pair.value;
        const valueNode = node as Node | null;
        if (valueNode?.range && !isMap(valueNode) && !isSeq(valueNode)) last = positionOf(valueNode.range[0]);
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)] as Node | undefined;
        if (!item) return last;
        if (item.range) last = positionOf(item.range[0]);
        node = item;
      } else {
        return last;
      }
    }
    return last;
  };

  return { source: { file, value: doc.toJS({ maxAliasCount: 1000 }), locate }, problems: [] };
}
