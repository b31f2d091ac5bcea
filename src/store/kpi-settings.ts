import { and, eq } from 'drizzle-orm';
import type { DecimalString } from '../core/decimal.ts';
import { impliedDirection } from '../core/direction.ts';
import { ShinchokuError } from '../core/errors.ts';
import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './connect.ts';
import { inTransaction } from './transaction.ts';
import { kpiRow, planIdOf } from './plan-repository.ts';
import * as t from './schema.ts';

export interface KpiSettingsEdit {
  readonly plan: string;
  readonly kpi: string;
  readonly name: string;
  readonly unit: string | null;
  /** The 担当課 whose users may enter this KPI's figures; null for none. */
  readonly departmentId: number | null;
  readonly targets: readonly {
    readonly position: number;
    readonly value: DecimalString;
    readonly year: FiscalYear;
  }[];
}

/**
 * Changes what the office owns about a KPI: its name, unit, department and targets. Each changed field
 * is audited on its own line, in the same transaction as the change.
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
    for (const target of edit.targets) {
      const [series] = await tx
        .select()
        .from(t.series)
        .where(and(eq(t.series.kpiId, kpi.id), eq(t.series.position, target.position)));
      if (!series) throw new ShinchokuError('not-found', `KPI ${edit.kpi} has no series ${target.position}.`);
      if (series.targetValue === target.value && series.targetYear === target.year) continue;
      const implied = series.baselineValue
        ? impliedDirection(series.baselineValue as DecimalString, target.value)
        : null;
      if (implied && implied !== series.direction) {
        throw new ShinchokuError(
          'invalid',
          `A target of ${target.value} lies on the other side of the baseline ${series.baselineValue}: it would turn the KPI from ${series.direction} to ${implied}.`,
          'Check the target; a change of direction is made in the plan file.',
          [],
          { position: target.position },
        );
      }
      await tx
        .update(t.series)
        .set({ targetValue: target.value, targetYear: target.year })
        .where(eq(t.series.id, series.id));
      await audit(
        `${edit.kpi}${series.label ? `:${series.label}` : ''}`,
        'target',
        `${series.targetValue} (${formatFiscalYear(series.targetYear)})`,
        `${target.value} (${formatFiscalYear(target.year)})`,
      );
      changes++;
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
