import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import type { PathSegment, Position } from './problem.ts';

/** What the reader keeps of the text a plan came from: where each value stands, and how numbers were written. */
export interface PlanSource {
  /** The place of the value at `path`, or of the key itself when `key` is set (for an unknown key). */
  locate(path: readonly PathSegment[], key?: string): Position | null;
  /** A YAML number exactly as written ("19.00"), so the figure keeps its printed decimals. */
  numberText(path: readonly PathSegment[]): string | null;
}

/** For a plan that came as a JavaScript value, with no text behind it. */
export const NO_SOURCE: PlanSource = { locate: () => null, numberText: () => null };

export function yamlSource(doc: Document, lineCounter: LineCounter): PlanSource {
  const nodeAt = (path: readonly PathSegment[]): Node | null => {
    let node: unknown = doc.contents;
    for (const segment of path) {
      if (isMap(node)) {
        node = node.items.find(
          (pair) => isScalar(pair.key) && String(pair.key.value) === String(segment),
        )?.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
      } else {
        return null;
      }
    }
    return (node as Node | null | undefined) ?? null;
  };
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    locate(path, key) {
      for (let depth = path.length; depth >= 0; depth--) {
        const node = nodeAt(path.slice(0, depth));
        if (!node?.range) continue;
        if (key !== undefined && depth === path.length && isMap(node)) {
          const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
          if (pair && isScalar(pair.key) && pair.key.range) return position(pair.key.range[0]);
        }
        return position(node.range[0]);
      }
      return null;
    },
    numberText(path) {
      const node = nodeAt(path);
      return isScalar(node) && typeof node.value === 'number' && typeof node.source === 'string'
        ? node.source
        : null;
    },
  };
}
