import { CST, Lexer } from 'yaml';
import type { Position } from './problem.ts';

/**
 * How deep a plan file may nest. A real one nests about ten levels (goals → KPI → series → actuals →
 * {value, state}); this leaves three times that, and stays far below what the YAML composer and
 * `toJS`, which recurse once per level, can take before the call stack runs out.
 */
export const MAX_NESTING = 32;

/** Tokens the lexer adds that stand for no text in the file. */
const MARKERS = new Set<string>([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/**
 * Where the text first nests deeper than MAX_NESTING, found by one pass of the YAML lexer (a loop, with
 * no recursion), so a hostile file is refused before anything recursive reads it; null when it does not.
 *
 * Depth counts flow collections ([ and {) and block nodes: each line's first node, and each node after
 * a `- ` or `? ` on the same line, is one level inside every less indented node still open above it.
 * That can count one level more than the YAML holds, never fewer, which is all a bound needs.
 */
export function tooDeep(text: string): Position | null {
  const blocks: number[] = [];
  let flow = 0;
  let offset = 0;
  let lineStart = 0;
  /** The next content token starts a block node: at the start of a line, or after `- ` or `? `. */
  let nodeStarts = true;
  for (const token of new Lexer().lex(text)) {
    if (MARKERS.has(token)) continue;
    const start = offset;
    offset += token.length;
    const type = CST.tokenType(token);
    if (type === 'newline') {
      lineStart = offset;
      nodeStarts = true;
      continue;
    }
    if (type === 'space' || type === 'comment') continue;
    if (flow === 0 && nodeStarts) {
      const column = start - lineStart;
      while (blocks.length > 0 && (blocks[blocks.length - 1] ?? 0) >= column) blocks.pop();
      blocks.push(column);
    }
    nodeStarts = type === 'seq-item-ind' || type === 'explicit-key-ind';
    if (type === 'flow-map-start' || type === 'flow-seq-start') flow++;
    else if (type === 'flow-map-end' || type === 'flow-seq-end') flow = Math.max(0, flow - 1);
    if (blocks.length + flow > MAX_NESTING) return positionOf(text, start);
    const lastBreak = token.lastIndexOf('\n');
    if (lastBreak >= 0) lineStart = start + lastBreak + 1;
  }
  return null;
}

function positionOf(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
