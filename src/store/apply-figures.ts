import { and, eq, sql } from 'drizzle-orm';
import { ShinchokuError } from '../core/errors.ts';
import type { AuditEntry } from './audit.ts';
import { batchConflict, type BatchContext, type FigureChange, type StoredFigure } from './change-batch.ts';
import { batchesOf } from './batches.ts';
import { executeRows, insertColumns } from './column-insert.ts';
import type { Db } from './connect.ts';
import { figureAudit, figureSubject } from './edit-audit.ts';
import type { FigureState } from '../core/evaluation.ts';
import { entryColumns, entryOf } from './plan-repository.ts';
import * as t from './schema.ts';

interface Columns {
  readonly kind: string;
  readonly value: string | null;
  readonly reason: string | null;
  /** A bound actual's bound and printed label (「75%以上」): replaced with the entry, never left behind. */
  readonly bound: string | null;
  readonly label: string | null;
  readonly state: string;
}

/** A series's figure for the year as the batch stands: stored, or written by an earlier change of it. */
interface Held {
  /** The stored row, or null while the year has no row yet. */
  readonly rowId: number | null;
  readonly columns: Columns;
  readonly version: number;
  readonly change: FigureChange | null;
}

const seriesKey = (kpi: string, position: number) => `${kpi}\u0000${position}`;

/**
 * Writes a batch's figures for one year: one query reads and locks every stored figure of the plan's year,
 * each change is checked against it in order (so two changes of one cell meet as two saves would), and the
 * new rows written with one statement, changed rows with one per slice. Returns how many changed.
 */
export async function applyFigureChanges(
  tx: Db,
  context: BatchContext,
  changes: readonly FigureChange[],
  audit: AuditEntry[],
): Promise<number> {
  if (changes.length === 0) return 0;
  const series = await tx
    .select({
      id: t.series.id,
      kpi: t.kpis.key,
      position: t.series.position,
      label: t.series.label,
      unit: t.series.unit,
      kpiUnit: t.kpis.unit,
    })
    .from(t.series)
    .innerJoin(t.kpis, eq(t.series.kpiId, t.kpis.id))
    .where(eq(t.kpis.planId, context.planId));
  const byKey = new Map(series.map((s) => [seriesKey(s.kpi, s.position), s]));
  const kpis = new Set(series.map((s) => s.kpi));
  const stored = await tx
    .select({ observation: t.observations })
    .from(t.observations)
    .innerJoin(t.series, eq(t.observations.seriesId, t.series.id))
    .innerJoin(t.kpis, eq(t.series.kpiId, t.kpis.id))
    .where(and(eq(t.kpis.planId, context.planId), eq(t.observations.fiscalYear, context.year)))
    .for('update', { of: t.observations });
  const held = new Map<number, Held>(
    stored.map(({ observation: o }) => [
      o.seriesId,
      { rowId: o.id, columns: o, version: o.version, change: null },
    ]),
  );

  let changed = 0;
  for (const change of changes) {
    const target = byKey.get(seriesKey(change.kpi, change.series));
    if (!target) {
      throw new ShinchokuError(
        'not-found',
        kpis.has(change.kpi)
          ? `KPI ${change.kpi} has no series ${change.series}.`
          : `The plan has no KPI ${change.kpi}.`,
      );
    }
    const current = held.get(target.id) ?? null;
    if (!sameStored(current, change.expected)) throw batchConflict(change.origin, context.year, change.kpi);
    const columns: Columns = { ...entryColumns(change.entry), state: change.state };
    if (current && sameColumns(current.columns, columns)) continue;
    const unit = target.unit ?? target.kpiUnit;
    const subject = figureSubject(change.kpi, target.label, context.year);
    audit.push(
      figureAudit(
        { planId: context.planId, subject, unit },
        current && storedOf(current),
        change,
        context.actorId,
      ),
    );
    held.set(target.id, {
      rowId: current?.rowId ?? null,
      columns,
      version: (current?.version ?? 0) + 1,
      change,
    });
    changed++;
  }

  const written = [...held].filter(([, h]) => h.change !== null);
  await insertNew(
    tx,
    context,
    written.filter(([, h]) => h.rowId === null),
  );
  await updateChanged(
    tx,
    context,
    written.filter(([, h]) => h.rowId !== null),
  );
  return changed;
}

/** New rows; one that meets a row another save inserted meanwhile refuses the batch, like any stale edit. */
async function insertNew(tx: Db, context: BatchContext, rows: readonly [number, Held][]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map(([seriesId, h]) => ({
    seriesId,
    fiscalYear: context.year,
    ...h.columns,
    updatedBy: context.actorId,
    updatedAt: context.now.toISOString(),
  }));
  const o = t.observations;
  const inserted = await executeRows<{ series_id: number }>(
    tx,
    insertColumns(
      o,
      [
        { column: o.seriesId, type: 'integer', values: values.map((v) => v.seriesId) },
        { column: o.fiscalYear, type: 'integer', values: values.map((v) => v.fiscalYear) },
        { column: o.kind, type: 'text', values: values.map((v) => v.kind) },
        { column: o.value, type: 'numeric', values: values.map((v) => v.value) },
        { column: o.reason, type: 'text', values: values.map((v) => v.reason) },
        { column: o.bound, type: 'text', values: values.map((v) => v.bound) },
        { column: o.label, type: 'text', values: values.map((v) => v.label) },
        { column: o.state, type: 'text', values: values.map((v) => v.state) },
        { column: o.updatedBy, type: 'integer', values: values.map((v) => v.updatedBy) },
        { column: o.updatedAt, type: 'timestamptz', values: values.map((v) => v.updatedAt) },
      ],
      sql` on conflict (${sql.identifier(o.seriesId.name)}, ${sql.identifier(o.fiscalYear.name)}) do nothing returning ${sql.identifier(o.seriesId.name)}`,
    ),
  );
  if (inserted.length === rows.length) return;
  const done = new Set(inserted.map((r) => r.series_id));
  const lost = rows.find(([seriesId]) => !done.has(seriesId))?.[1].change;
  if (lost) throw batchConflict(lost.origin, context.year, lost.kpi);
}

/** Changed rows, one UPDATE … FROM (VALUES …) per slice; the rows are locked since they were read. */
async function updateChanged(tx: Db, context: BatchContext, rows: readonly [number, Held][]): Promise<void> {
  const values = rows.map(([, h]) => ({ id: h.rowId as number, ...h.columns, version: h.version }));
  for (const slice of batchesOf(values)) {
    const list = sql.join(
      slice.map(
        (v) =>
          sql`(${v.id}::integer, ${v.kind}::text, ${v.value}::numeric, ${v.reason}::text, ${v.bound}::text, ${v.label}::text, ${v.state}::text, ${v.version}::integer)`,
      ),
      sql`, `,
    );
    await tx.execute(sql`
      update ${t.observations} as o
      set kind = v.kind, value = v.value, reason = v.reason, bound = v.bound, label = v.label,
          state = v.state, version = v.version,
          updated_by = ${context.actorId}::integer, updated_at = ${context.now.toISOString()}::timestamptz
      from (values ${list}) as v(id, kind, value, reason, bound, label, state, version)
      where o.id = v.id`);
  }
}

function storedOf(held: Held): StoredFigure {
  return { entry: entryOf(held.columns), state: held.columns.state as FigureState };
}

function sameColumns(a: Columns, b: Columns): boolean {
  return (
    a.kind === b.kind &&
    a.value === b.value &&
    a.reason === b.reason &&
    a.bound === b.bound &&
    a.label === b.label &&
    a.state === b.state
  );
}

/** Whether the store still holds what the change was worked out against (decimals compared as written). */
function sameStored(current: Held | null, expected: StoredFigure | null): boolean {
  if (!current || !expected) return current === null && expected === null;
  return sameColumns(current.columns, { ...entryColumns(expected.entry), state: expected.state });
}
