import { formatFiscalYear, formatFiscalYearLong } from '../../core/fiscal-year.ts';
import type { Assessment } from '../../core/plan.ts';
import { INPUT_SHEET } from '../layout.ts';
import { figureText } from './changes.ts';
import type { CollectReport } from './collect.ts';

const SHOWN = 60;

function assessmentText(assessment: Assessment | null): string {
  if (!assessment) return '(none)';
  const text = assessment.text.replace(/\s+/g, ' ');
  const short = text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text;
  return assessment.status ? `［${assessment.status}］「${short}」` : `「${short}」`;
}

/** The dry run's diff: per workbook, each cell that would change the store, from what to what. */
export function diffText(report: CollectReport): string {
  if (report.plan === null || report.year === null) return '';
  const { figures, assessments, unchanged } = report.changes;
  const year = formatFiscalYear(report.year);
  const total = figures.length + assessments.length;
  const lines = [
    `${report.plan} ${year} (${formatFiscalYearLong(report.year)}): ${total} ${total === 1 ? 'change' : 'changes'} from ${report.files.length} ${report.files.length === 1 ? 'workbook' : 'workbooks'}` +
      (unchanged > 0
        ? `; ${unchanged} filled-in ${unchanged === 1 ? 'entry matches' : 'entries match'} the store already`
        : ''),
  ];
  for (const file of report.files) {
    const entries = [
      ...figures
        .filter((d) => d.file === file)
        .map((d) => {
          const series = d.kpi.series[d.series];
          const unit = series?.unit ?? d.kpi.unit;
          const name = `${d.kpi.name}${series?.label ? `（${series.label}）` : ''}`;
          return {
            cell: d.cell,
            text: `${name} ${year}: ${figureText(d.from, unit)} → ${figureText(d.to, unit)}`,
          };
        }),
      ...assessments
        .filter((d) => d.file === file)
        .map((d) => ({
          cell: d.cell,
          text: `${d.kpi.name} ${year} assessment: ${assessmentText(d.from)} → ${assessmentText(d.to)}`,
        })),
    ].sort((a, b) => rowOf(a.cell) - rowOf(b.cell) || a.cell.localeCompare(b.cell));
    if (entries.length === 0) continue;
    lines.push('', file, ...entries.map((e) => `  ${`${INPUT_SHEET}!${e.cell}`.padEnd(8)}  ${e.text}`));
  }
  return lines.join('\n') + '\n';
}

const rowOf = (cell: string) => Number(/\d+$/.exec(cell)?.[0] ?? 0);
