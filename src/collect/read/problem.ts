import type { FigureConfirm } from '../../core/figure-checks.ts';
import type { FigureNote, FigureProblem } from '../../core/figure-text.ts';
import type { DecimalString } from '../../core/decimal.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { TextProblem } from '../../core/text-field.ts';
import type { StoredFigure } from '../../store/apply-observations.ts';
import type { FigureState } from '../../core/evaluation.ts';
import type { OtherValue } from './cell-content.ts';
import type { ZipDamageDetail } from './zip-directory.ts';
import { describeWorkbookProblem } from './problem-en.ts';

/** What a cell held where the reader wanted something else. */
export type CellHeld =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'other'; readonly what: OtherValue };

/** Why the hidden identification sheet cannot be trusted. */
export type IdentityRefusal =
  { readonly kind: 'missing' | 'hash' | 'unreadable' } | { readonly kind: 'format'; readonly format: string };

/** A figure of a KPI and year, as the change and conflict problems name it. */
export interface FigurePlace {
  readonly kpi: string;
  /** The series's label, where the KPI has several. */
  readonly series: string | null;
  readonly year: FiscalYear;
  readonly unit: string | null;
}

/**
 * Everything the workbook reader can say, as a code and its parameters: the CLI words them in English
 * (problem-en.ts), the web in the reader's language (web/i18n/staff-collect-words-*.ts).
 */
export type WorkbookProblem =
  // The file, before it is opened (preflight.ts, part-checks.ts, load-workbook.ts)
  | { readonly code: 'file-too-large'; readonly bytes: number; readonly limit: number }
  | { readonly code: 'macros'; readonly part: string | null }
  | { readonly code: 'external-links'; readonly part: string | null }
  | { readonly code: 'legacy-or-protected' | 'not-xlsx' | 'zip-not-workbook' | 'encrypted' }
  | { readonly code: 'zip-damaged'; readonly damage: ZipDamageDetail }
  | { readonly code: 'duplicate-part' | 'xml-entities' | 'columns-beyond'; readonly part: string }
  | { readonly code: 'zip-bomb-part'; readonly part: string; readonly ratio: number; readonly bytes: number }
  | { readonly code: 'zip-bomb-total'; readonly limit: number }
  | { readonly code: 'too-many-rows'; readonly part: string; readonly rows: number; readonly limit: number }
  | { readonly code: 'not-a-range'; readonly part: string; readonly range: string }
  | {
      readonly code: 'range-too-large';
      readonly part: string;
      readonly range: string;
      readonly cells: number;
    }
  | { readonly code: 'not-excel'; readonly detail: string }
  // Who the workbook is for (open-workbook.ts, collect.ts)
  | { readonly code: 'not-collect-workbook' | 'identity-rows-out-of-order' }
  | { readonly code: 'identity-unreadable'; readonly reason: IdentityRefusal }
  | { readonly code: 'sheet-missing'; readonly sheet: string }
  | {
      readonly code: 'other-plan';
      readonly plan: string;
      readonly expected: string;
      readonly chosen: boolean;
    }
  | { readonly code: 'other-year'; readonly year: FiscalYear; readonly expected: FiscalYear }
  // The form's structure (structure.ts, read-forms.ts)
  | { readonly code: 'read-only-changed'; readonly actual: string; readonly expected: string }
  | { readonly code: 'outside-form'; readonly text: string }
  | { readonly code: 'more-cells-differ'; readonly count: number }
  | { readonly code: 'form-changed' }
  | { readonly code: 'kpi-not-in-plan'; readonly kpi: string; readonly series: number; readonly plan: string }
  | {
      readonly code: 'kpi-in-two-workbooks';
      readonly kpi: string;
      readonly file: string;
      readonly cell: string;
    }
  // A row's input cells (input-row.ts)
  | { readonly code: 'figure-and-reason'; readonly valueCell: string; readonly reasonCell: string }
  | { readonly code: 'state-without-figure'; readonly state: FigureState }
  | {
      readonly code: 'value-not-number' | 'reason-not-text' | 'assessment-not-text' | 'state-unknown';
      readonly held: CellHeld;
    }
  | { readonly code: 'too-many-digits'; readonly value: string; readonly max: number }
  | { readonly code: 'figure'; readonly problem: FigureProblem; readonly column: 'value' | 'reason' }
  | { readonly code: 'value-is-reason' | 'reason-is-figure'; readonly text: string }
  | {
      readonly code: 'read-as';
      readonly text: string;
      readonly value: DecimalString;
      readonly notes: readonly FigureNote[];
    }
  | { readonly code: 'status-without-text' }
  | { readonly code: 'text'; readonly problem: TextProblem }
  // Against the store (changes.ts)
  | { readonly code: 'figure-emptied'; readonly stored: StoredFigure | null; readonly unit: string | null }
  | {
      readonly code: 'changed-since-made';
      readonly place: FigurePlace;
      readonly before: StoredFigure | null;
      readonly current: StoredFigure | null;
      readonly workbook: StoredFigure;
    }
  | { readonly code: 'confirm'; readonly place: FigurePlace; readonly confirm: FigureConfirm }
  | { readonly code: 'assessment-emptied' }
  | { readonly code: 'assessment-changed-since-made'; readonly kpi: string; readonly year: FiscalYear };

/** One thing wrong with (or normalised in) a filled workbook, with the file, sheet and cell to look at. */
export interface CollectProblem {
  readonly severity: 'error' | 'warning';
  readonly file: string;
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly problem: WorkbookProblem;
  /** The problem in English, as the CLI prints it. */
  readonly message: string;
}

/** R5_環境課.xlsx: 入力!F7: error: 「12kg」 ends in 「kg」, … */
export function formatCollectProblem(problem: CollectProblem): string {
  const where = problem.sheet && problem.cell ? ` ${problem.sheet}!${problem.cell}:` : '';
  return `${problem.file}:${where} ${problem.severity}: ${problem.message}`;
}

export const hasErrors = (problems: readonly CollectProblem[]): boolean =>
  problems.some((p) => p.severity === 'error');

/** Collects the problems of one sheet of one file. */
export class ProblemList {
  readonly items: CollectProblem[] = [];

  constructor(
    readonly file: string,
    readonly sheet: string | null = null,
  ) {}

  error(cell: string | null, problem: WorkbookProblem): void {
    this.add('error', cell, problem);
  }

  warning(cell: string | null, problem: WorkbookProblem): void {
    this.add('warning', cell, problem);
  }

  private add(severity: CollectProblem['severity'], cell: string | null, problem: WorkbookProblem): void {
    this.items.push({
      severity,
      file: this.file,
      sheet: cell ? this.sheet : null,
      cell,
      problem,
      message: describeWorkbookProblem(problem),
    });
  }

  get failed(): boolean {
    return hasErrors(this.items);
  }
}
