import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from './connect.ts';
import * as t from './schema.ts';

/**
 * A running job that has not moved for this long is taken for one whose process stopped (a restart, a
 * crash): it no longer blocks the municipality's next job, and its page says it was interrupted. The
 * runner writes its progress at least every few seconds while it works, so a live job is never this old.
 */
export const STALE_JOB_MS = 10 * 60 * 1000;

export type BulkJobState = 'running' | 'done' | 'failed';

export interface BulkJob {
  readonly id: number;
  readonly municipalityId: number;
  readonly fileName: string;
  readonly state: BulkJobState;
  readonly total: number;
  readonly done: number;
  /** The report as the runner stored it (collect/bundle/report.ts); null until done. */
  readonly report: unknown;
  readonly createdAt: Date;
}

const stale = () => sql`now() - make_interval(secs => ${STALE_JOB_MS / 1000})`;

/**
 * Starts a job for a municipality, or answers null when one is running there already. The partial
 * unique index decides, so two uploads at once (in two processes, even) get one job; a stale job is
 * marked failed first so that it does not block for ever.
 */
export async function startBulkJob(
  db: Db,
  input: { municipalityId: number; userId: number | null; fileName: string; total: number },
): Promise<number | null> {
  await db
    .update(t.bulkImportJobs)
    .set({ state: 'failed', updatedAt: new Date() })
    .where(
      and(
        eq(t.bulkImportJobs.municipalityId, input.municipalityId),
        eq(t.bulkImportJobs.state, 'running'),
        lt(t.bulkImportJobs.updatedAt, stale()),
      ),
    );
  const [row] = await db
    .insert(t.bulkImportJobs)
    .values(input)
    .onConflictDoNothing()
    .returning({ id: t.bulkImportJobs.id });
  return row?.id ?? null;
}

export async function recordBulkProgress(db: Db, id: number, done: number): Promise<void> {
  await db
    .update(t.bulkImportJobs)
    .set({ done, updatedAt: new Date() })
    .where(and(eq(t.bulkImportJobs.id, id), eq(t.bulkImportJobs.state, 'running')));
}

export async function finishBulkJob(
  db: Db,
  id: number,
  outcome: { state: 'done' | 'failed'; done?: number; report: unknown },
): Promise<void> {
  await db
    .update(t.bulkImportJobs)
    .set({ ...outcome, updatedAt: new Date() })
    .where(eq(t.bulkImportJobs.id, id));
}

const columns = {
  id: t.bulkImportJobs.id,
  municipalityId: t.bulkImportJobs.municipalityId,
  fileName: t.bulkImportJobs.fileName,
  state: t.bulkImportJobs.state,
  total: t.bulkImportJobs.total,
  done: t.bulkImportJobs.done,
  report: t.bulkImportJobs.report,
  createdAt: t.bulkImportJobs.createdAt,
  stale: sql<boolean>`${t.bulkImportJobs.updatedAt} < ${stale()}`,
};

function jobOf(row: {
  id: number;
  municipalityId: number;
  fileName: string;
  state: string;
  total: number;
  done: number;
  report: unknown;
  createdAt: Date;
  stale: boolean;
}): BulkJob {
  const { stale: old, ...rest } = row;
  const state = row.state === 'running' && old ? 'failed' : (row.state as BulkJobState);
  return { ...rest, state };
}

/** One job of a municipality: another municipality's is not found, as if it were not there. */
export async function bulkJobById(db: Db, id: number, municipalityId: number): Promise<BulkJob | null> {
  const [row] = await db
    .select(columns)
    .from(t.bulkImportJobs)
    .where(and(eq(t.bulkImportJobs.id, id), eq(t.bulkImportJobs.municipalityId, municipalityId)));
  return row ? jobOf(row) : null;
}

/** The municipality's job that runs now, if any (a stale one is not running). */
export async function runningBulkJob(db: Db, municipalityId: number): Promise<BulkJob | null> {
  const [row] = await db
    .select(columns)
    .from(t.bulkImportJobs)
    .where(and(eq(t.bulkImportJobs.municipalityId, municipalityId), eq(t.bulkImportJobs.state, 'running')))
    .orderBy(desc(t.bulkImportJobs.id))
    .limit(1);
  const job = row ? jobOf(row) : null;
  return job?.state === 'running' ? job : null;
}
