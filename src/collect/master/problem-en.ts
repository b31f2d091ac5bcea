import { describePlanProblem } from '../../plan-file/problem-en.ts';
import { otherValueText } from '../read/cell-content.ts';
import { megabytes } from '../read/limits.ts';
import { describeWorkbookProblem } from '../read/problem-en.ts';
import type { MasterPlace, MasterProblem, MasterProblemDetail } from './problem.ts';

const q = (text: string) => `「${text}」`;

/** The English of every master problem, as the command line prints it. */
export function describeMasterProblem(detail: MasterProblemDetail): string {
  switch (detail.code) {
    case 'file':
      switch (detail.problem.code) {
        case 'not-xlsx':
        case 'not-excel':
          return 'The file is not an Excel workbook (.xlsx); save the plan master as 「Excel ブック (*.xlsx)」.';
        case 'file-too-large':
          return `The file is ${megabytes(detail.problem.bytes)}; a plan master may be at most ${megabytes(detail.problem.limit)}.`;
        case 'too-many-rows':
          return `A sheet (${detail.problem.part}) has ${detail.problem.rows} rows; a sheet of the plan master may have at most ${detail.problem.limit}.`;
        default:
          return describeWorkbookProblem(detail.problem);
      }
    case 'sheet-missing':
      return `The sheet ${q(detail.sheet)} is missing; a plan master has the sheets 計画, 目標, KPI, 実績 and 評価 (see docs/excel-master.md).`;
    case 'header-missing':
      return `Row 1 has no header ${q(detail.header)}; keep the template's headers (columns may be moved).`;
    case 'item-missing':
      return `No row is labelled ${q(detail.item)} in column A.`;
    case 'required':
      return `${q(detail.header)} is empty; it must be filled in.`;
    case 'cell-kind':
      return `The cell holds ${otherValueText(detail.what)}; write the value itself${detail.what.kind === 'formula' ? ' (the formula has no saved result: open and save the file in Excel)' : ''}.`;
    case 'choice':
      return `${q(detail.value)} is not one of ${detail.allowed.map(q).join(', ')}.`;
    case 'not-whole-number':
      return `${q(detail.value)} is not a whole number.`;
    case 'unknown-goal':
      return `No goal has the id ${q(detail.id)} in the sheet 目標.`;
    case 'unknown-kpi':
      return `No KPI has the id ${q(detail.id)} in the sheet KPI.`;
    case 'unknown-series':
      return `The KPI ${q(detail.id)} has no series ${q(detail.series)}.`;
    case 'series-needed':
      return `The KPI ${q(detail.id)} has several series: each of its rows names one in 系列.`;
    case 'kpi-rows-apart':
      return `The rows of the KPI ${q(detail.id)} are apart; write a KPI's series rows one after another.`;
    case 'kpi-cell-differs':
      return `${q(detail.header)} differs from the first row of the KPI ${q(detail.id)}; leave it empty or write the same.`;
    case 'shared-row-filled':
      return `The KPI ${q(detail.id)} is defined under another goal; a listing again (再掲) gives only 目標ID and KPI ID, so leave ${q(detail.header)} empty.`;
    case 'year-twice':
      return `${q(detail.id)} has the year ${q(detail.year)} twice.`;
    case 'plan':
      return describePlanProblem(detail.detail).message;
  }
}

export const formatPlace = (place: MasterPlace | null): string =>
  place === null ? '' : place.cell ? `sheet ${place.sheet}, ${place.cell}` : `sheet ${place.sheet}`;

/** FILE: sheet KPI, C12: error: message — one line per problem, as the CLI prints them. */
export function formatMasterProblem(file: string, problem: MasterProblem): string {
  const at = formatPlace(problem.place);
  return `${file}${at ? `: ${at}` : ''}: ${problem.severity}: ${describeMasterProblem(problem.detail)}`;
}
