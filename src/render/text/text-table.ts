import { displayWidth } from '../display-width.ts';

export type Align = 'left' | 'right';

/** Pads by display width, so that 全角 text lines up with ASCII in a terminal (measured once per grapheme). */
function pad(text: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** A plain-text table whose cells may hold several lines (one per series). */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly (readonly string[])[])[],
  align: readonly Align[],
): string {
  const all = [header.map((h) => [h]), ...rows];
  const widths = header.map((_, c) =>
    Math.max(...all.map((row) => Math.max(0, ...(row[c] ?? []).map((l) => displayWidth(l))))),
  );
  const renderRow = (row: readonly (readonly string[])[]): string[] => {
    const height = Math.max(1, ...row.map((cell) => cell.length));
    return Array.from({ length: height }, (_, line) =>
      row
        .map((cell, c) => pad(cell[line] ?? '', widths[c] ?? 0, align[c] ?? 'left'))
        .join('  ')
        .trimEnd(),
    );
  };
  const rule = widths.map((w) => '─'.repeat(w)).join('──');
  return [...renderRow(header.map((h) => [h])), rule, ...rows.flatMap(renderRow)].join('\n');
}
