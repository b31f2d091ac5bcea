import { asc, count } from 'drizzle-orm';
import { ShinchokuError } from '../core/errors.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './connect.ts';
import * as t from './schema.ts';
import { inTransaction } from './transaction.ts';

export interface Department {
  readonly id: number;
  readonly name: string;
  /** KPIs it reports, across all plans. */
  readonly kpis: number;
}

export async function listDepartments(db: Db): Promise<Department[]> {
  const kpiCounts = await db
    .select({ id: t.kpis.departmentId, n: count() })
    .from(t.kpis)
    .groupBy(t.kpis.departmentId);
  const counts = new Map(kpiCounts.map((r) => [r.id, r.n]));
  const rows = await db
    .select({ id: t.departments.id, name: t.departments.name })
    .from(t.departments)
    .orderBy(asc(t.departments.name));
  return rows.map((r) => ({ ...r, kpis: counts.get(r.id) ?? 0 }));
}

export async function createDepartment(db: Db, name: string, actorId: number | null): Promise<Department> {
  return inTransaction(db, async (tx) => {
    // The unique name decides, not a look beforehand: two people adding the same department at once
    // both look before either inserts.
    const [row] = await tx
      .insert(t.departments)
      .values({ name })
      .onConflictDoNothing({ target: [t.departments.municipalityId, t.departments.name] })
      .returning({ id: t.departments.id });
    if (!row)
      throw new ShinchokuError('conflict', `The department ${name} already exists.`, null, [], {
        current: name,
      });
    await recordAudit(tx, { userId: actorId, planId: null, action: 'department.create', subject: name });
    return { id: row.id, name, kpis: 0 };
  });
}
