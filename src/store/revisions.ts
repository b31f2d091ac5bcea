import { asc, eq } from 'drizzle-orm';
import { impliedDirection } from '../core/direction.ts';
import { ShinchokuError } from '../core/errors.ts';
import { formatFiscalYear, formatYearSpan, type FiscalYear } from '../core/fiscal-year.ts';
import type { DecimalString } from '../core/decimal.ts';
import {
  baselineYear,
  type Baseline,
  type Direction,
  type Revision,
  type Series,
  type Target,
} from '../core/plan.ts';
import { seriesInForce } from '../core/revisions.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './connect.ts';
import { kpiRow, planIdOf } from './plan-repository.ts';
import { revisionColumns, revisionOf } from './revision-rows.ts';
import * as t from './schema.ts';

/** A series's values as the plan first set them, and every revision since, oldest first. */
export interface SeriesHistory {
  readonly id: number;
  readonly position: number;
  readonly label: string | null;
  readonly unit: string | null;
  readonly direction: Direction;
  readonly target: Target;
  readonly baseline: Baseline | null;
  readonly revisions: readonly (Revision & {
    readonly recordedAt: Date;
    /** The display name of whoever recorded it; null for a revision imported with the plan. */
    readonly recordedBy: string | null;
  })[];
}

/** The target and baseline history of a KPI's series, in series order. */
export async function revisionHistory(db: Db, kpiId: number): Promise<SeriesHistory[]> {
  const seriesRows = await db
    .select()
    .from(t.series)
    .where(eq(t.series.kpiId, kpiId))
    .orderBy(asc(t.series.position));
  const revisionRows = await db
    .select({ revision: t.seriesRevisions, by: t.users.displayName })
    .from(t.seriesRevisions)
    .innerJoin(t.series, eq(t.seriesRevisions.seriesId, t.series.id))
    .leftJoin(t.users, eq(t.seriesRevisions.recordedBy, t.users.id))
    .where(eq(t.series.kpiId, kpiId))
    .orderBy(asc(t.seriesRevisions.fromYear));
  return seriesRows.map((s) => ({
    id: s.id,
    position: s.position,
    label: s.label,
    unit: s.unit,
    direction: s.direction as Direction,
    target: { value: s.targetValue as DecimalString, year: s.targetYear },
    baseline:
      s.baselineValue === null
        ? null
        : {
            value: s.baselineValue as DecimalString,
            span:
              s.baselineFrom === null || s.baselineTo === null
                ? null
                : { from: s.baselineFrom, to: s.baselineTo, qualifier: s.baselineQualifier ?? '' },
          },
    revisions: revisionRows
      .filter((r) => r.revision.seriesId === s.id)
      .map((r) => ({ ...revisionOf(r.revision), recordedAt: r.revision.recordedAt, recordedBy: r.by })),
  }));
}

/** The history of a KPI addressed by its plan and key. */
export async function kpiRevisionHistory(db: Db, planSlug: string, kpiKey: string): Promise<SeriesHistory[]> {
  const kpi = await kpiRow(db, await planIdOf(db, planSlug), kpiKey);
  return revisionHistory(db, kpi.id);
}

/** Just enough of a series for core's `seriesInForce`. */
export const asSeries = (h: SeriesHistory, revisions: readonly Revision[] = h.revisions): Series => ({
  label: h.label,
  unit: h.unit,
  baseline: h.baseline,
  target: h.target,
  direction: h.direction,
  actuals: new Map(),
  provisional: new Set(),
  milestones: new Map(),
  revisions,
});

const sameTarget = (a: Target, b: Target) => a.value === b.value && a.year === b.year;
const sameBaseline = (a: Baseline | null, b: Baseline | null) =>
  a === null || b === null
    ? a === b
    : a.value === b.value &&
      (a.span ? formatYearSpan(a.span) : '') === (b.span ? formatYearSpan(b.span) : '');
const targetText = (x: Target) => `${x.value} (${formatFiscalYear(x.year)})`;
const baselineText = (x: Baseline | null) =>
  x === null ? null : x.span ? `${x.value} (${formatYearSpan(x.span)})` : x.value;

export interface RevisionEdit {
  /** The fiscal year from which the values apply; earlier years keep theirs. */
  readonly from: FiscalYear;
  readonly note: string;
  /**
   * The new values for each series, null where the editor left one as it was; a value equal to the one
   * in force in `from` changes nothing.
   */
  readonly series: readonly {
    readonly position: number;
    readonly target: Target | null;
    readonly baseline: Baseline | null;
  }[];
}

/** Why the store refuses a revision; the interfaces word each in their reader's language. */
export type RevisionRefusal = 'period' | 'baseline-year' | 'year-before' | 'direction';

/** Why a revision is refused, with the series and field to show it beside. */
function refuse(
  message: string,
  position: number,
  field: 'from' | 'target' | 'baseline',
  reason: RevisionRefusal,
): ShinchokuError {
  return new ShinchokuError('invalid', message, null, [], { position, field, reason });
}

/**
 * Records a change of target or baseline from a year on, with its note, for each series whose typed
 * values differ from the ones in force that year; a revision already recorded for that year is replaced
 * (what it changed and this edit leaves alone is kept). The plan's own values are never overwritten, so
 * earlier years keep theirs. Runs inside the caller's transaction; each change is audited. Returns the
 * number of series revised.
 */
export async function reviseSeries(
  tx: Db,
  at: { planId: number; kpiId: number; kpiKey: string; period: { from: FiscalYear; to: FiscalYear } },
  edit: RevisionEdit,
  actorId: number | null,
): Promise<number> {
  // The series rows are locked first, so two revisions of one KPI take turns.
  await tx.select({ id: t.series.id }).from(t.series).where(eq(t.series.kpiId, at.kpiId)).for('update');
  const history = await revisionHistory(tx, at.kpiId);
  let changed = 0;
  for (const typed of edit.series) {
    const h = history.find((s) => s.position === typed.position);
    if (!h) throw new ShinchokuError('not-found', `KPI ${at.kpiKey} has no series ${typed.position}.`);
    const before = seriesInForce(asSeries(h), edit.from).series;
    const newTarget = typed.target !== null && !sameTarget(typed.target, before.target) ? typed.target : null;
    const newBaseline =
      typed.baseline !== null && !sameBaseline(typed.baseline, before.baseline) ? typed.baseline : null;
    if (newTarget === null && newBaseline === null) continue;
    const label = formatFiscalYear(edit.from);
    if (edit.from < at.period.from || edit.from > at.period.to) {
      throw refuse(`${label} is outside the plan period.`, typed.position, 'from', 'period');
    }
    if (edit.from <= baselineYear({ period: at.period }, before.baseline)) {
      throw refuse(`${label} is not after the baseline year.`, typed.position, 'from', 'baseline-year');
    }
    if (newTarget && newTarget.year < edit.from) {
      throw refuse(`The target year is before ${label}.`, typed.position, 'target', 'year-before');
    }
    const existing = h.revisions.find((r) => r.from === edit.from);
    const revision: Revision = {
      from: edit.from,
      target: newTarget ?? existing?.target ?? null,
      baseline: newBaseline ?? existing?.baseline ?? null,
      note: edit.note,
    };
    const revisions = [...h.revisions.filter((r) => r.from !== edit.from), revision].sort(
      (a, b) => a.from - b.from,
    );
    // Every year from this one on must keep the KPI's direction, later revisions included.
    for (const year of [edit.from, ...revisions.map((r) => r.from).filter((y) => y > edit.from)]) {
      const now = seriesInForce(asSeries(h, revisions), year).series;
      const implied = now.baseline ? impliedDirection(now.baseline.value, now.target.value) : null;
      if (implied && implied !== h.direction) {
        throw refuse(
          `From ${formatFiscalYear(year)}, the target ${now.target.value} would lie on the other side of the baseline ${now.baseline?.value}.`,
          typed.position,
          newTarget ? 'target' : 'baseline',
          'direction',
        );
      }
    }
    const columns = revisionColumns(revision);
    await tx
      .insert(t.seriesRevisions)
      .values({ seriesId: h.id, ...columns, recordedBy: actorId })
      .onConflictDoUpdate({
        target: [t.seriesRevisions.seriesId, t.seriesRevisions.fromYear],
        set: { ...columns, recordedBy: actorId, recordedAt: new Date() },
      });
    const subject = `${at.kpiKey}${h.label ? `:${h.label}` : ''}/${edit.from}`;
    const audit = (field: string, oldValue: string | null, newValue: string | null) =>
      recordAudit(tx, {
        userId: actorId,
        planId: at.planId,
        action: 'kpi.revise',
        subject,
        field,
        oldValue,
        newValue,
      });
    if (newTarget) await audit('target', targetText(before.target), targetText(newTarget));
    if (newBaseline) await audit('baseline', baselineText(before.baseline), baselineText(newBaseline));
    await audit('revision-note', existing?.note ?? null, edit.note);
    changed++;
  }
  return changed;
}
