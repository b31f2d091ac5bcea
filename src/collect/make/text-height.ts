/** A wrapped line's height in points, at the default 11-point font. */
export const LINE_HEIGHT = 15;

/** Width in half-width characters, as Excel measures column widths: a kanji counts two. */
export const displayWidth = (text: string): number =>
  [...text].reduce((width, ch) => width + (ch.charCodeAt(0) < 0x80 ? 1 : 2), 0);

/**
 * The height a row needs for its wrapped texts. Excel and Calc do not fit a row to text written by a
 * program (nor a merged cell ever), so the workbook states it.
 */
export function rowHeight(cells: readonly { text: string; width: number }[], maxLines = 10): number {
  const lines = cells.map(({ text, width }) =>
    text
      .split('\n')
      .reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / Math.max(1, width - 1))), 0),
  );
  return Math.min(maxLines, Math.max(1, ...lines)) * LINE_HEIGHT;
}
