import { LINE_SLACK_EM, textEm } from './measure.ts';

export interface ColumnText {
  /** Every line the column shows, its header included. */
  readonly lines: readonly string[];
  /** A column of long names, which wraps before any figure column is squeezed. */
  readonly wraps: boolean;
}

/**
 * Widths summing to at most `room` out of `natural` ones: each keeps its natural width if it is no
 * wider than an equal share of what the narrower ones leave, and the widest share the rest equally
 * (max-min fairness). A column holding one long text is thus squeezed, not every column beside it.
 * Sorted once and walked once, so the work is bounded by the number of columns.
 */
export function fairWidths(natural: readonly number[], room: number): number[] {
  const order = natural.map((w, i) => ({ w, i })).sort((a, b) => a.w - b.w);
  const widths = natural.map(() => 0);
  let left = Math.max(0, room);
  for (const [k, { w, i }] of order.entries()) {
    const share = left / (order.length - k);
    widths[i] = Math.min(w, share);
    left -= widths[i] ?? 0;
  }
  return widths;
}

/**
 * Column widths summing to `total` inches. Where every column fits on one line, each widens in
 * proportion to its longest line, as browsers lay out tables. Where not, the wrapping columns (KPI
 * names) share what the others leave, but never less than `minWrapping` each; should the others still
 * not fit, the widest of them are narrowed first, and their text wraps rather than overflows.
 */
export function columnWidths(
  columns: readonly ColumnText[],
  total: number,
  fontSize: number,
  padding: number,
  minWrapping: number,
): number[] {
  const natural = columns.map(
    (c) =>
      (c.lines.reduce((m, line) => Math.max(m, textEm(line)), 0) + LINE_SLACK_EM) * (fontSize / 72) + padding,
  );
  const sum = natural.reduce((a, b) => a + b, 0);
  if (sum <= total) return natural.map((w) => (w * total) / sum);
  const wrapping = columns.filter((c) => c.wraps).length;
  const fixedIndexes = natural.flatMap((_, i) => (columns[i]?.wraps ? [] : [i]));
  const fixed = fairWidths(
    fixedIndexes.map((i) => natural[i] ?? 0),
    total - wrapping * minWrapping,
  );
  const widths = [...natural];
  fixedIndexes.forEach((column, k) => (widths[column] = fixed[k] ?? 0));
  const room = total - fixed.reduce((a, b) => a + b, 0);
  const wrappingNatural = natural.reduce((a, w, i) => (columns[i]?.wraps ? a + w : a), 0);
  return widths.map((w, i) => (columns[i]?.wraps ? (room * w) / (wrappingNatural || 1) : w));
}
