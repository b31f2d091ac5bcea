import { ShinchokuError } from '../../core/errors.ts';
import type { Evaluation, KpiResult } from '../../core/evaluation.ts';
import { listComments, type Comment } from '../../store/comments.ts';
import type { Db } from '../../store/connect.ts';
import type { KpiSheet } from '../../store/department-kpis.ts';
import { listEditions } from '../../store/editions.ts';
import type { PlanSummary } from '../../store/plan-repository.ts';
import type { User } from '../../store/users.ts';
import { lockedForUser, mayEditKpi } from './access.ts';
import { currentEvaluation, resultOf } from './current-results.ts';
import type { KpiYear } from './review.ts';
import { assertYearInPlan, loadSheet } from './sheets.ts';

/** Everything a KPI's staff page shows for a year, and what this user may do there. */
export interface KpiView {
  readonly plan: PlanSummary;
  readonly sheet: KpiSheet;
  readonly comments: readonly Comment[];
  /** The year evaluated from the saved figures, and this KPI's result in it: what the entry produces. */
  readonly evaluation: Evaluation;
  readonly result: KpiResult | null;
  /** The year already has a published edition: edits reach the public only through a new one. */
  readonly published: boolean;
  readonly mayEdit: boolean;
  readonly maySubmit: boolean;
  readonly mayReview: boolean;
  readonly mayComment: boolean;
}

/**
 * A department reads only its own KPIs (their figures are unpublished); the office and the committee
 * read every KPI.
 */
export async function kpiView(db: Db, user: User, at: KpiYear): Promise<KpiView> {
  const plan = await assertYearInPlan(db, at.plan, at.year);
  const sheet = await loadSheet(db, at.plan, at.kpi, at.year);
  const owns = mayEditKpi(user, sheet);
  if (user.role === 'department' && !owns) {
    throw new ShinchokuError('forbidden', `${user.login} may not read ${at.kpi}.`, null, [], {
      reason: 'other-department',
    });
  }
  const state = sheet.review?.state ?? null;
  const open = state === null || state === 'returned';
  const evaluation = await currentEvaluation(db, at.plan, at.year);
  return {
    plan,
    sheet,
    comments: await listComments(db, at.plan, at.kpi, at.year),
    evaluation,
    result: resultOf(evaluation, at.kpi),
    published: (await listEditions(db, at.plan)).some(
      (e) => e.fiscalYear === at.year && e.withdrawn === null,
    ),
    mayEdit: owns && !lockedForUser(user, state),
    maySubmit: owns && open,
    mayReview: user.role === 'admin',
    mayComment: user.role === 'admin' || user.role === 'committee',
  };
}
