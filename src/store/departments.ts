import { asc, count, eq } from 'drizzle-orm';
import { ShinchokuError } from '../core/errors.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './connect.ts';
import * as t from './schema.ts';

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
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    const [existing] = await tx
      .select({ id: t.departments.id })
      .from(t.departments)
      .where(eq(t.departments.name, name));
    if (existing)
      throw new ShinchokuError('conflict', `The department ${name} already exists.`, null, [], {
        current: name,
      });
    const [row] = await tx.insert(t.departments).values({ name }).returning({ id: t.departments.id });
    await recordAudit(tx, { userId: actorId, planId: null, action: 'department.create', subject: name });
    return { id: (row as { id: number }).id, name, kpis: 0 };
  });
}
