import { ratioOf, type Row, type Unit } from './row.ts';

const grouped = (n: number, digits: number): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatFigure(value: number | null, unit: Unit): string {
  if (value === null) return '—';
  switch (unit) {
    case 'ms':
      if (value >= 10_000) return `${grouped(value / 1000, 1)} s`;
      return `${grouped(value, value >= 100 ? 0 : value >= 10 ? 1 : 2)} ms`;
    case 'MiB':
      return `${grouped(value, 0)} MiB`;
    case 'req/s':
      return `${grouped(value, 0)} req/s`;
    case 'figures':
      return grouped(value, 0);
  }
}

/** Two decimals, but two significant digits below 0.1, so that 0.004× does not print as 0.00×. */
function formatRatio(ratio: number | null): string {
  if (ratio === null) return '—';
  return `${ratio >= 100 ? ratio.toFixed(0) : ratio >= 0.1 ? ratio.toFixed(2) : ratio.toPrecision(2)}×`;
}
const formatMet = (met: boolean | null | undefined): string =>
  met === undefined ? '' : met === null ? 'n/a' : met ? 'yes' : 'NO';

const HEADER = ['benchmark', 'Shinchoku', 'anchor', 'anchor figure', 'ratio', 'goal', 'met'] as const;

function tableCells(row: Row): string[] {
  return [
    row.name,
    formatFigure(row.value, row.unit),
    row.anchor?.name ?? '',
    row.anchor ? formatFigure(row.anchor.value, row.unit) : '',
    row.anchor ? formatRatio(ratioOf(row)) : '',
    row.goal?.text ?? '',
    formatMet(row.goal?.met),
  ];
}

/** A plain-text table for the terminal, with each row's note beneath it. */
export function formatTable(rows: readonly Row[]): string {
  const cells = [[...HEADER], ...rows.map(tableCells)];
  const widths = HEADER.map((_, c) => Math.max(...cells.map((line) => (line[c] ?? '').length)));
  const line = (values: readonly string[]) =>
    values
      .map((v, c) => v.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [line(cells[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  ')];
  rows.forEach((row, i) => {
    out.push(line(cells[i + 1] ?? []));
    if (row.note) out.push(`    ${row.note}`);
  });
  return out.join('\n');
}
