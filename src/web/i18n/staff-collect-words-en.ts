import { describeWorkbookProblem } from '../../collect/read/problem-en.ts';
import type { WorkbookProblem } from '../../collect/read/problem.ts';
import { formatFiscalYear } from '../../core/fiscal-year.ts';
import { enProblem, enTextProblem } from './staff-words-en.ts';

const REMAKE = 'Make a fresh workbook on the staff pages and fill that in.';

/**
 * The workbook reader's problems in English for the upload preview: the CLI's sentences, except where
 * those name a command or an option, or where the staff pages already word a figure or a text.
 */
export function enCollectProblem(problem: WorkbookProblem): string {
  switch (problem.code) {
    case 'not-collect-workbook':
      return 'This is not a collection workbook made by Shinchoku (its hidden identification sheet is missing); only the workbooks Shinchoku made can be read.';
    case 'form-changed':
      return `The form was changed, so its figures cannot be matched to KPIs safely; the workbook is refused. ${REMAKE}`;
    case 'kpi-not-in-plan':
      return `This row's KPI is no longer in the plan. ${REMAKE}`;
    case 'other-plan':
      return 'This workbook is for another plan; it is refused. Upload the workbooks of each plan separately.';
    case 'other-year':
      return `This workbook collects FY${problem.year} (${formatFiscalYear(problem.year)}), but FY${problem.expected} (${formatFiscalYear(problem.expected)}) is being read; it is refused. Upload the workbooks of each year separately.`;
    case 'figure':
      if (problem.problem.code === 'unknown-reason') return describeWorkbookProblem(problem);
      return enProblem({ kind: 'figure', refusal: problem.problem });
    case 'text':
      return enTextProblem(problem.problem);
    default:
      return describeWorkbookProblem(problem);
  }
}
