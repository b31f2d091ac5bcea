import { and, eq, inArray } from 'drizzle-orm';
import { insertInBatches } from './batches.ts';
import { auditRow, type AuditEntry } from './audit.ts';
import { applyAssessmentChanges } from './apply-assessments.ts';
import { applyFigureChanges } from './apply-figures.ts';
import type { Applied, AssessmentChange, FigureChange } from './change-batch.ts';
import type { Db } from './connect.ts';
import type { FiscalYear } from '../core/fiscal-year.ts';
import { planIdOf } from './plan-repository.ts';
import type { ReviewState } from './reviews.ts';
import * as t from './schema.ts';
import { inTransaction } from './transaction.ts';

/** Many KPIs' figures and assessments for one year, typed on one page (the grid entry). */
export interface EntryBatch {
  readonly plan: string;
  readonly year: FiscalYear;
  readonly figures: readonly FigureChange[];
  readonly assessments: readonly AssessmentChange[];
}

/**
 * Saves a batch of form edits in one transaction, all or none, with the workbooks' batched writes
 * (apply-figures.ts, apply-assessments.ts): each edit is audited on its own line, worded as the single
 * form's save words it, and no batch line is added, since nothing was imported. The review rows of the
 * KPIs touched are locked and handed to `guard` first, so a submission or approval cannot slip in between
 * the check and the write (the single save's lockedReviewState, for many KPIs at once).
 */
export async function applyEntries(
  db: Db,
  batch: EntryBatch,
  actorId: number | null,
  guard: (states: ReadonlyMap<string, ReviewState>) => void,
): Promise<Applied> {
  return inTransaction(db, async (tx) => {
    const planId = await planIdOf(tx, batch.plan);
    const kpis = [...new Set([...batch.figures, ...batch.assessments].map((c) => c.kpi))];
    const rows = kpis.length
      ? await tx
          .select({ kpi: t.reviews.kpiKey, state: t.reviews.state })
          .from(t.reviews)
          .where(
            and(
              eq(t.reviews.planId, planId),
              eq(t.reviews.fiscalYear, batch.year),
              inArray(t.reviews.kpiKey, kpis),
            ),
          )
          .for('update')
      : [];
    guard(new Map(rows.map((r) => [r.kpi, r.state as ReviewState])));
    const context = { planId, year: batch.year, actorId, now: new Date() };
    const audit: AuditEntry[] = [];
    const figures = await applyFigureChanges(tx, context, batch.figures, audit);
    const assessments = await applyAssessmentChanges(tx, context, batch.assessments, audit);
    await insertInBatches(audit, (slice) => tx.insert(t.auditLog).values(slice.map(auditRow)));
    return { figures, assessments };
  });
}
