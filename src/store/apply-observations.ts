import { formatFiscalYear } from '../core/fiscal-year.ts';
import { auditRow, type AuditEntry } from './audit.ts';
import { applyAssessmentChanges } from './apply-assessments.ts';
import { applyFigureChanges } from './apply-figures.ts';
import { insertColumns } from './column-insert.ts';
import type { Db } from './connect.ts';
import type { Applied, ChangeBatch } from './change-batch.ts';
import { planIdOf } from './plan-repository.ts';
import * as t from './schema.ts';
import { inTransaction } from './transaction.ts';

export type { Applied, AssessmentChange, ChangeBatch, FigureChange, StoredFigure } from './change-batch.ts';

/**
 * Applies many edits in one transaction: all of them or none. The rows they touch are read and locked
 * with one query per table, checked against what the workbooks were read against, and written back with
 * one statement per kind of write (new rows and every audit row by column arrays, column-insert.ts;
 * changed rows in slices of at most batches.ts's parameter limit), with the same audit
 * entries a form's single save writes; the batch itself is audited once more, naming its source.
 */
export async function applyChanges(db: Db, batch: ChangeBatch, actorId: number | null): Promise<Applied> {
  return inTransaction(db, async (tx) => {
    const planId = await planIdOf(tx, batch.plan);
    const context = { planId, year: batch.year, actorId, now: new Date() };
    const audit: AuditEntry[] = [];
    const figures = await applyFigureChanges(tx, context, batch.figures, audit);
    const assessments = await applyAssessmentChanges(tx, context, batch.assessments, audit);
    // The batch's own line last, in the same statement as its edits' lines: one insert for all of them.
    audit.push({
      userId: actorId,
      planId,
      action: 'collect.apply',
      subject: formatFiscalYear(batch.year),
      field: null,
      newValue: `${figures} figures and ${assessments} assessments from ${batch.source}`,
    });
    const rows = audit.map(auditRow);
    const a = t.auditLog;
    await tx.execute(
      insertColumns(a, [
        { column: a.userId, type: 'integer', values: rows.map((r) => r.userId) },
        { column: a.planId, type: 'integer', values: rows.map((r) => r.planId) },
        { column: a.municipalityId, type: 'integer', values: rows.map((r) => r.municipalityId) },
        { column: a.action, type: 'text', values: rows.map((r) => r.action) },
        { column: a.subject, type: 'text', values: rows.map((r) => r.subject) },
        { column: a.field, type: 'text', values: rows.map((r) => r.field) },
        { column: a.oldValue, type: 'text', values: rows.map((r) => r.oldValue) },
        { column: a.newValue, type: 'text', values: rows.map((r) => r.newValue) },
      ]),
    );
    return { figures, assessments };
  });
}
