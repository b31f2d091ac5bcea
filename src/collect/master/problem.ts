import { displayableText } from '../../core/text-field.ts';
import type { PlanProblemDetail } from '../../plan-file/problem-detail.ts';
import type { WorkbookProblem } from '../read/problem.ts';
import type { OtherValue } from '../read/cell-content.ts';

/**
 * Everything the plan master reader can say, as a code and its parameters: the CLI words them in English
 * (problem-en.ts), the web in the reader's language (web/i18n/staff-master-words-*.ts). Texts quoted
 * from cells are clipped where they are taken, so no wording can grow huge.
 */
export type MasterProblemDetail =
  /** The file refused before or while it was opened (collect/read's preflight and loader). */
  | { readonly code: 'file'; readonly problem: WorkbookProblem }
  | { readonly code: 'sheet-missing'; readonly sheet: string }
  | { readonly code: 'header-missing'; readonly header: string }
  | { readonly code: 'item-missing'; readonly item: string }
  /** A cell the plan needs left empty; `header` is its column's header (or the 計画 sheet's item). */
  | { readonly code: 'required'; readonly header: string }
  /** A formula without a cached result, a date, TRUE/FALSE or an error value where text or a figure goes. */
  | { readonly code: 'cell-kind'; readonly what: OtherValue }
  | { readonly code: 'choice'; readonly value: string; readonly allowed: readonly string[] }
  | { readonly code: 'not-whole-number'; readonly value: string }
  | { readonly code: 'unknown-goal'; readonly id: string }
  | { readonly code: 'unknown-kpi'; readonly id: string }
  | { readonly code: 'unknown-series'; readonly id: string; readonly series: string }
  /** A 系列 named where the KPI has one plain row, or left blank where it has several. */
  | { readonly code: 'series-needed'; readonly id: string }
  | { readonly code: 'kpi-rows-apart'; readonly id: string }
  | { readonly code: 'kpi-cell-differs'; readonly id: string; readonly header: string }
  | { readonly code: 'shared-row-filled'; readonly id: string; readonly header: string }
  | { readonly code: 'year-twice'; readonly id: string; readonly year: string }
  /** What the plan file's reader said of the value this cell became (normalize.ts, schema.ts). */
  | { readonly code: 'plan'; readonly detail: PlanProblemDetail };

/** Where a problem stands: a sheet, and a cell (C12) where one can be named. */
export interface MasterPlace {
  readonly sheet: string;
  readonly cell: string | null;
}

export interface MasterProblem {
  readonly severity: 'error' | 'warning';
  readonly place: MasterPlace | null;
  readonly detail: MasterProblemDetail;
}

/** Gathers problems as the reader walks the sheets. */
export class MasterProblems {
  readonly list: MasterProblem[] = [];

  error(place: MasterPlace | null, detail: MasterProblemDetail): void {
    this.list.push({ severity: 'error', place, detail });
  }

  warning(place: MasterPlace | null, detail: MasterProblemDetail): void {
    this.list.push({ severity: 'warning', place, detail });
  }

  get hasErrors(): boolean {
    return this.list.some((p) => p.severity === 'error');
  }
}

/** A text quoted in a message, so a huge one (or one holding a NUL) cannot bloat or break it. */
export function clipped(text: string): string {
  const chars = [...displayableText(text.slice(0, 200))];
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : chars.join('');
}
