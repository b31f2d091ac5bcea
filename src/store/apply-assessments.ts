import { and, eq, sql } from 'drizzle-orm';
import { ShinchokuError } from '../core/errors.ts';
import type { AuditEntry } from './audit.ts';
import { batchesOf } from './batches.ts';
import { executeRows, insertColumns } from './column-insert.ts';
import { batchConflict, type AssessmentChange, type BatchContext } from './change-batch.ts';
import type { Db } from './connect.ts';
import { assessmentAudit } from './edit-audit.ts';
import * as t from './schema.ts';

/** A KPI's assessment for the year as the batch stands: stored, or written by an earlier change of it. */
interface Held {
  readonly rowId: number | null;
  readonly status: string | null;
  readonly text: string;
  readonly version: number;
  readonly change: AssessmentChange | null;
}

/**
 * Writes a batch's assessments for one year as applyFigureChanges writes figures: one locked read of the
 * plan's year, each change checked in order, then one statement for the new rows and one per slice for changed rows.
 */
export async function applyAssessmentChanges(
  tx: Db,
  context: BatchContext,
  changes: readonly AssessmentChange[],
  audit: AuditEntry[],
): Promise<number> {
  if (changes.length === 0) return 0;
  const kpis = await tx
    .select({ id: t.kpis.id, key: t.kpis.key })
    .from(t.kpis)
    .where(eq(t.kpis.planId, context.planId));
  const idOf = new Map(kpis.map((k) => [k.key, k.id]));
  const stored = await tx
    .select({ assessment: t.assessments })
    .from(t.assessments)
    .innerJoin(t.kpis, eq(t.assessments.kpiId, t.kpis.id))
    .where(and(eq(t.kpis.planId, context.planId), eq(t.assessments.fiscalYear, context.year)))
    .for('update', { of: t.assessments });
  const held = new Map<number, Held>(
    stored.map(({ assessment: a }) => [a.kpiId, { rowId: a.id, ...a, change: null }]),
  );

  let changed = 0;
  for (const change of changes) {
    const kpiId = idOf.get(change.kpi);
    if (kpiId === undefined) throw new ShinchokuError('not-found', `The plan has no KPI ${change.kpi}.`);
    const current = held.get(kpiId) ?? null;
    const expected = change.expected;
    const same = current
      ? expected !== null && current.status === expected.status && current.text === expected.text
      : expected === null;
    if (!same) throw batchConflict(change.origin, context.year, change.kpi);
    if (current && current.text === change.text && current.status === change.status) continue;
    audit.push(
      assessmentAudit(
        { planId: context.planId, kpi: change.kpi, year: context.year },
        current?.text ?? null,
        change.text,
        context.actorId,
      ),
    );
    held.set(kpiId, {
      rowId: current?.rowId ?? null,
      status: change.status,
      text: change.text,
      version: (current?.version ?? 0) + 1,
      change,
    });
    changed++;
  }

  const written = [...held].filter(([, h]) => h.change !== null);
  const fresh = written.filter(([, h]) => h.rowId === null);
  const a = t.assessments;
  const inserted =
    fresh.length === 0
      ? []
      : await executeRows<{ kpi_id: number }>(
          tx,
          insertColumns(
            a,
            [
              { column: a.kpiId, type: 'integer', values: fresh.map(([kpiId]) => kpiId) },
              { column: a.fiscalYear, type: 'integer', values: fresh.map(() => context.year) },
              { column: a.status, type: 'text', values: fresh.map(([, h]) => h.status) },
              { column: a.text, type: 'text', values: fresh.map(([, h]) => h.text) },
              { column: a.updatedBy, type: 'integer', values: fresh.map(() => context.actorId) },
              {
                column: a.updatedAt,
                type: 'timestamptz',
                values: fresh.map(() => context.now.toISOString()),
              },
            ],
            sql` on conflict (${sql.identifier(a.kpiId.name)}, ${sql.identifier(a.fiscalYear.name)}) do nothing returning ${sql.identifier(a.kpiId.name)}`,
          ),
        );
  if (inserted.length !== fresh.length) {
    const done = new Set(inserted.map((r) => r.kpi_id));
    const lost = fresh.find(([kpiId]) => !done.has(kpiId))?.[1].change;
    if (lost) throw batchConflict(lost.origin, context.year, lost.kpi);
  }
  const updates = written
    .filter(([, h]) => h.rowId !== null)
    .map(([, h]) => ({ id: h.rowId as number, status: h.status, text: h.text, version: h.version }));
  for (const slice of batchesOf(updates)) {
    const list = sql.join(
      slice.map((v) => sql`(${v.id}::integer, ${v.status}::text, ${v.text}::text, ${v.version}::integer)`),
      sql`, `,
    );
    await tx.execute(sql`
      update ${t.assessments} as a
      set status = v.status, text = v.text, version = v.version,
          updated_by = ${context.actorId}::integer, updated_at = ${context.now.toISOString()}::timestamptz
      from (values ${list}) as v(id, status, text, version)
      where a.id = v.id`);
  }
  return changed;
}
