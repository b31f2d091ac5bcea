import { and, asc, count, eq } from 'drizzle-orm';
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

/** A municipality's departments, by name. */
export async function listDepartments(db: Db, municipalityId: number): Promise<Department[]> {
  const kpiCounts = await db
    .select({ id: t.kpis.departmentId, n: count() })
    .from(t.kpis)
    .innerJoin(t.departments, eq(t.kpis.departmentId, t.departments.id))
    .where(eq(t.departments.municipalityId, municipalityId))
    .groupBy(t.kpis.departmentId);
  const counts = new Map(kpiCounts.map((r) => [r.id, r.n]));
  const rows = await db
    .select({ id: t.departments.id, name: t.departments.name })
    .from(t.departments)
    .where(eq(t.departments.municipalityId, municipalityId))
    .orderBy(asc(t.departments.name));
  return rows.map((r) => ({ ...r, kpis: counts.get(r.id) ?? 0 }));
}

/** Whether a department is the municipality's: an id from a form is checked before it is used. */
export async function departmentOf(db: Db, municipalityId: number, id: number): Promise<boolean> {
  const [row] = await db
    .select({ id: t.departments.id })
    .from(t.departments)
    .where(and(eq(t.departments.id, id), eq(t.departments.municipalityId, municipalityId)));
  return row !== undefined;
}

export async function createDepartment(
  db: Db,
  name: string,
  actorId: number | null,
  municipalityId: number = t.HOME_MUNICIPALITY_ID,
): Promise<Department> {
  return inTransaction(db, async (tx) => {
    // The unique name decides, not a look beforehand: two people adding the same department at once
    // both look before either inserts.
    const [row] = await tx
      .insert(t.departments)
      .values({ municipalityId, name })
      .onConflictDoNothing({ target: [t.departments.municipalityId, t.departments.name] })
      .returning({ id: t.departments.id });
    if (!row)
      throw new ShinchokuError('conflict', `The department ${name} already exists.`, null, [], {
        current: name,
      });
    await recordAudit(tx, {
      userId: actorId,
      planId: null,
      municipalityId,
      action: 'department.create',
      subject: name,
    });
    return { id: row.id, name, kpis: 0 };
  });
}
