import { ShinchokuError } from '../../core/errors.ts';
import type { KpiResult } from '../../core/evaluation.ts';
import type { FiscalYear } from '../../core/fiscal-year.ts';
import type { Db } from '../../store/connect.ts';
import { collectionYear } from '../../store/collection-year.ts';
import { commentCounts } from '../../store/comments.ts';
import { kpiSheets, missingOf, type KpiSheet } from '../../store/department-kpis.ts';
import type { PlanSummary } from '../../store/plan-repository.ts';
import type { User } from '../../store/users.ts';
import { mayEditKpi } from './access.ts';
import { currentEvaluation, resultOf } from './current-results.ts';
import { planSummary } from './sheets.ts';

export interface ProgressRow {
  readonly sheet: KpiSheet;
  readonly missing: { readonly figures: number; readonly assessment: boolean };
  readonly comments: number;
  readonly editable: boolean;
  /** What the saved figures give for the year: progress and status, as the report would show them. */
  readonly result: KpiResult | null;
}

export interface Progress {
  readonly plan: PlanSummary;
  readonly year: FiscalYear;
  readonly years: readonly FiscalYear[];
  /** Not yet submitted, or returned: what the department still has to do. */
  readonly open: readonly ProgressRow[];
  /** Submitted or approved: with the office. */
  readonly closed: readonly ProgressRow[];
  /** KPIs submitted and waiting for the office. */
  readonly waiting: number;
}

/**
 * A year's progress as a user may see it: a department sees its own KPIs only (filtered in the query),
 * the office and the committee see all. Without a year, the one being collected.
 */
export async function progressOf(
  db: Db,
  user: User,
  plan: string,
  year: FiscalYear | null,
): Promise<Progress> {
  const summary = await planSummary(db, plan);
  const shown = year ?? (await collectionYear(db, plan));
  if (shown < summary.periodFrom || shown > summary.periodTo) {
    throw new ShinchokuError('not-found', `${shown} is outside the period of ${plan}.`);
  }
  const sheets =
    user.role !== 'department'
      ? await kpiSheets(db, plan, shown)
      : user.departmentId === null
        ? []
        : await kpiSheets(db, plan, shown, { departmentId: user.departmentId });
  const comments = await commentCounts(db, plan, shown);
  const evaluation = sheets.length > 0 ? await currentEvaluation(db, plan, shown) : null;
  const rows = sheets.map((sheet) => ({
    sheet,
    missing: missingOf(sheet),
    comments: comments.get(sheet.key) ?? 0,
    editable: mayEditKpi(user, sheet),
    result: evaluation ? resultOf(evaluation, sheet.key) : null,
  }));
  const isOpen = (row: ProgressRow) => row.sheet.review === null || row.sheet.review.state === 'returned';
  const years = Array.from(
    { length: summary.periodTo - summary.periodFrom + 1 },
    (_, i) => summary.periodFrom + i,
  );
  return {
    plan: summary,
    year: shown,
    years,
    open: rows.filter(isOpen),
    closed: rows.filter((row) => !isOpen(row)),
    waiting: rows.filter((row) => row.sheet.review?.state === 'submitted').length,
  };
}
