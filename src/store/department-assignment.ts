import { and, eq, inArray } from 'drizzle-orm';
import { ShinchokuError } from '../core/errors.ts';
import { auditRow, type AuditEntry } from './audit.ts';
import { batchesOf, insertInBatches } from './batches.ts';
import type { Db } from './connect.ts';
import { planIdOf } from './plan-repository.ts';
import * as t from './schema.ts';
import { inTransaction } from './transaction.ts';

export interface DepartmentAssignment {
  readonly plan: string;
  readonly kpis: readonly string[];
  /** The 担当課 to give them; null takes them back to the office. */
  readonly departmentId: number | null;
}

/**
 * Gives many KPIs one department, all or none: a key the plan does not have or a department that no
 * longer exists refuses the whole change. Each KPI whose department changes is audited on its own line,
 * worded as the KPI settings' single change words it. Returns how many changed.
 */
export async function assignDepartment(
  db: Db,
  assignment: DepartmentAssignment,
  actorId: number | null,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const planId = await planIdOf(tx, assignment.plan);
    const keys = [...new Set(assignment.kpis)];
    const departments = await tx
      .select({ id: t.departments.id, name: t.departments.name })
      .from(t.departments);
    const names = new Map(departments.map((d) => [d.id, d.name]));
    if (assignment.departmentId !== null && !names.has(assignment.departmentId)) {
      throw new ShinchokuError('not-found', `There is no department ${assignment.departmentId}.`, null, [], {
        reason: 'department',
      });
    }
    const rows = [];
    for (const slice of batchesOf(keys.map((key) => ({ key })))) {
      rows.push(
        ...(await tx
          .select({ id: t.kpis.id, key: t.kpis.key, departmentId: t.kpis.departmentId })
          .from(t.kpis)
          .where(
            and(
              eq(t.kpis.planId, planId),
              inArray(
                t.kpis.key,
                slice.map((s) => s.key),
              ),
            ),
          )
          .for('update')),
      );
    }
    if (rows.length !== keys.length) {
      const found = new Set(rows.map((r) => r.key));
      const missing = keys.find((k) => !found.has(k));
      throw new ShinchokuError('not-found', `The plan ${assignment.plan} has no KPI ${missing}.`, null, [], {
        reason: 'kpi',
      });
    }
    const changed = rows.filter((r) => r.departmentId !== assignment.departmentId);
    const nameOf = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
    const audit: AuditEntry[] = changed.map((r) => ({
      userId: actorId,
      planId,
      action: 'kpi.update',
      subject: r.key,
      field: 'department',
      oldValue: nameOf(r.departmentId),
      newValue: nameOf(assignment.departmentId),
    }));
    for (const slice of batchesOf(changed)) {
      await tx
        .update(t.kpis)
        .set({ departmentId: assignment.departmentId })
        .where(
          inArray(
            t.kpis.id,
            slice.map((r) => r.id),
          ),
        );
    }
    await insertInBatches(audit, (slice) => tx.insert(t.auditLog).values(slice.map(auditRow)));
    return changed.length;
  });
}
