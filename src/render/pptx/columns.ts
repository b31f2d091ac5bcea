import { LINE_SLACK_EM, textEm } from './measure.ts';

export interface ColumnText {
  /** Every line the column shows, its header included. */
  readonly lines: readonly string[];
  /** A column of long names, which wraps before any figure column is squeezed. */
  readonly wraps: boolean;
}

/**
 * Column widths summing to `total` inches. Where every column fits on one line, each widens in
 * proportion to its longest line, as browsers lay out tables. Where not, the wrapping columns (KPI
 * names) share what the others leave, but never less than `minWrapping` each; should the others still
 * not fit, they shrink alike, and their text wraps rather than overflows.
 */
export function columnWidths(
  columns: readonly ColumnText[],
  total: number,
  fontSize: number,
  padding: number,
  minWrapping: number,
): number[] {
  const natural = columns.map(
    (c) => (Math.max(0, ...c.lines.map(textEm)) + LINE_SLACK_EM) * (fontSize / 72) + padding,
  );
  const sum = natural.reduce((a, b) => a + b, 0);
  if (sum <= total) return natural.map((w) => (w * total) / sum);
  const wrapping = columns.filter((c) => c.wraps).length;
  const fixed = natural.reduce((a, w, i) => (columns[i]?.wraps ? a : a + w), 0);
  const room = total - Math.min(fixed, total - wrapping * minWrapping);
  const shrink = Math.min(1, (total - wrapping * minWrapping) / (fixed || 1));
  const wrappingNatural = natural.reduce((a, w, i) => (columns[i]?.wraps ? a + w : a), 0);
  return natural.map((w, i) => (columns[i]?.wraps ? (room * w) / (wrappingNatural || 1) : w * shrink));
}
