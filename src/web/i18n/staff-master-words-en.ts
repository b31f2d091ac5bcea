import type { MasterPlace, MasterProblemDetail } from '../../collect/master/problem.ts';
import type { OtherValue } from '../../collect/read/cell-content.ts';
import { enCollectProblem } from './staff-collect-words-en.ts';
import { enPlanFileProblem } from './staff-plan-file-words-en.ts';

const q = (text: string) => `“${text}”`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function other(what: OtherValue): string {
  switch (what.kind) {
    case 'formula':
      return 'a formula with no saved result';
    case 'date':
      return 'a date';
    case 'boolean':
      return what.value ? 'TRUE' : 'FALSE';
    case 'error':
      return `the error value ${what.value}`;
    case 'unknown':
      return 'something that is not a value';
  }
}

/** Where a problem stands: sheet “KPI”, C12. */
export function enMasterPlace(place: MasterPlace | null): string {
  if (!place) return 'The file';
  return place.cell ? `Sheet ${q(place.sheet)}, ${place.cell}` : `Sheet ${q(place.sheet)}`;
}

/** Everything the plan master reader can say (collect/master/problem.ts), in English. */
export function enMasterProblem(detail: MasterProblemDetail): string {
  switch (detail.code) {
    case 'file':
      switch (detail.problem.code) {
        case 'not-xlsx':
        case 'not-excel':
          return 'This is not an Excel workbook (.xlsx). Save the plan master as an Excel workbook (*.xlsx) and import that.';
        case 'file-too-large':
          return `The file is ${mb(detail.problem.bytes)}; a plan master may be at most ${mb(detail.problem.limit)}.`;
        case 'too-many-rows':
          return `A sheet (${detail.problem.part}) has ${detail.problem.rows.toLocaleString('en')} rows; each sheet of a plan master may have at most ${detail.problem.limit.toLocaleString('en')}.`;
        default:
          return enCollectProblem(detail.problem);
      }
    case 'sheet-missing':
      return `The sheet ${q(detail.sheet)} is missing. A plan master needs the five sheets 計画, 目標, KPI, 実績 and 評価; download the template to compare.`;
    case 'header-missing':
      return `Row 1 has no header ${q(detail.header)}. Keep the template's header texts (columns may be reordered).`;
    case 'item-missing':
      return `Column A has no row ${q(detail.item)}.`;
    case 'required':
      return `${q(detail.header)} is empty. Fill it in.`;
    case 'cell-kind':
      return `The cell holds ${other(detail.what)}. Write the value itself${detail.what.kind === 'formula' ? ' (opening and saving the file in Excel saves the results)' : ''}.`;
    case 'choice':
      return `${q(detail.value)} cannot be chosen. Choose one of ${detail.allowed.map(q).join(', ')}.`;
    case 'not-whole-number':
      return `${q(detail.value)} is not a whole number. Write a number such as 1 or 2.`;
    case 'unknown-goal':
      return `The goal ID ${q(detail.id)} is not in the sheet 目標.`;
    case 'unknown-kpi':
      return `The KPI ID ${q(detail.id)} is not in the sheet KPI.`;
    case 'unknown-series':
      return `The KPI ${q(detail.id)} has no series ${q(detail.series)}.`;
    case 'series-needed':
      return `The KPI ${q(detail.id)} has several series. Name one in 系列 on every row.`;
    case 'kpi-rows-apart':
      return `The rows of the KPI ${q(detail.id)} are apart. Write its series rows one after another.`;
    case 'kpi-cell-differs':
      return `${q(detail.header)} differs from the first row of the KPI ${q(detail.id)}. Leave it empty or write the same.`;
    case 'shared-row-filled':
      return `The KPI ${q(detail.id)} is defined under another goal. A repeated listing (再掲) gives only the goal ID and KPI ID; leave ${q(detail.header)} empty.`;
    case 'year-twice':
      return `${q(detail.id)} has the year ${q(detail.year)} twice. Keep one row.`;
    case 'plan':
      return enPlanFileProblem(detail.detail);
  }
}
