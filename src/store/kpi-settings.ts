import { eq } from 'drizzle-orm';
import { ShinchokuError } from '../core/errors.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './connect.ts';
import { kpiRow, planIdOf } from './plan-repository.ts';
import { reviseSeries, type RevisionEdit } from './revisions.ts';
import * as t from './schema.ts';
import { inTransaction } from './transaction.ts';

export interface KpiSettingsEdit {
  readonly plan: string;
  readonly kpi: string;
  readonly name: string;
  readonly unit: string | null;
  /** The 担当課 whose users may enter this KPI's figures; null for none. */
  readonly departmentId: number | null;
  /** Targets and baselines as typed, applying from a year with a note; null where the form has none. */
  readonly revision: RevisionEdit | null;
}

/**
 * Changes what the office owns about a KPI: its name, unit, department, and its targets and baselines
 * from a year on (revisions.ts). Each changed field is audited on its own line, in the same transaction.
 */
export async function updateKpiSettings(
  db: Db,
  edit: KpiSettingsEdit,
  actorId: number | null,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const planId = await planIdOf(tx, edit.plan);
    const kpi = await kpiRow(tx, planId, edit.kpi);
    const audit = (subject: string, field: string, oldValue: string | null, newValue: string | null) =>
      recordAudit(tx, { userId: actorId, planId, action: 'kpi.update', subject, field, oldValue, newValue });
    let changes = 0;
    if (edit.departmentId !== kpi.departmentId) {
      const names = await departmentNames(tx, [kpi.departmentId, edit.departmentId]);
      if (edit.departmentId !== null && !names.has(edit.departmentId)) {
        throw new ShinchokuError('not-found', `There is no department ${edit.departmentId}.`);
      }
      await audit(edit.kpi, 'department', nameOf(names, kpi.departmentId), nameOf(names, edit.departmentId));
      changes++;
    }
    if (edit.name !== kpi.name) {
      await audit(edit.kpi, 'name', kpi.name, edit.name);
      changes++;
    }
    if (edit.unit !== kpi.unit) {
      await audit(edit.kpi, 'unit', kpi.unit, edit.unit);
      changes++;
    }
    await tx
      .update(t.kpis)
      .set({ name: edit.name, unit: edit.unit, departmentId: edit.departmentId })
      .where(eq(t.kpis.id, kpi.id));
    if (edit.revision) {
      const [period] = await tx
        .select({ from: t.plans.periodFrom, to: t.plans.periodTo })
        .from(t.plans)
        .where(eq(t.plans.id, planId));
      changes += await reviseSeries(
        tx,
        { planId, kpiId: kpi.id, kpiKey: edit.kpi, period: period as { from: number; to: number } },
        edit.revision,
        actorId,
      );
    }
    return changes;
  });
}

async function departmentNames(db: Db, ids: readonly (number | null)[]): Promise<Map<number, string>> {
  const rows = await db.select({ id: t.departments.id, name: t.departments.name }).from(t.departments);
  const wanted = new Set(ids);
  return new Map(rows.filter((r) => wanted.has(r.id)).map((r) => [r.id, r.name]));
}

const nameOf = (names: Map<number, string>, id: number | null): string | null =>
  id === null ? null : (names.get(id) ?? null);
